import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Readers of the upstream definitions vendored unmodified in
 * test/fixtures/upstream (README.md there names each file's commit). The
 * export tests check our files against these, not against a transcription.
 */
/** This folder: vitest defines __dirname; a tsx script (ESM) has only import.meta.url. */
const HERE = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
export const UPSTREAM_DIR = path.resolve(HERE, '../fixtures/upstream');

const cache = new Map<string, unknown>();
/** Each file is read and each definition parsed once per run: the checks ask for them per exported design. */
function memo<T>(key: string, make: () => T): T {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}
const read = (rel: string): string => memo(`file:${rel}`, () => fs.readFileSync(path.join(UPSTREAM_DIR, rel), 'utf8'));

/** containerlab's own JSON schema of a topology file. */
export function clabSchema(): object {
  return JSON.parse(read('containerlab/clab.schema.json')) as object;
}

/** How many real containerlab labs are vendored. */
export const CLAB_LAB_COUNT = 5;

/** The vendored real labs, file name → text; throws when fewer than CLAB_LAB_COUNT are there. */
export function clabLabs(): Array<[string, string]> {
  const dir = path.join(UPSTREAM_DIR, 'containerlab/labs');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.clab.yml')).sort();
  if (files.length !== CLAB_LAB_COUNT) throw new Error(`${dir} holds ${files.length} labs, expected ${CLAB_LAB_COUNT}`);
  return files.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);
}

// ------------------------------------------------ NetBox and Terraform definitions

/**
 * NetBox's model field limits and import-form columns, and the Terraform
 * provider's resource schemas, as read from the upstream sources at the
 * commits README.md names (Django `models.X(max_length=…)` declarations and
 * `Meta.fields` lists; Go `Schema: map[string]*schema.Schema{…}` maps). Only
 * the definitions are kept here, in derived-definitions.json, not the
 * upstream code itself.
 */
const derived = (): Record<string, unknown> =>
  memo('derived', () => JSON.parse(read('derived-definitions.json')) as Record<string, unknown>);

function lookup<T>(key: string, what: string): T {
  const v = derived()[key];
  if (v === undefined) throw new Error(`test/fixtures/upstream/derived-definitions.json has no ${what} (${key}); derive it from the upstream file at the commit README.md names`);
  return v as T;
}

export interface DjangoField {
  kind: string;
  maxLength?: number;
  maxDigits?: number;
  decimalPlaces?: number;
}

/** A Django model field as NetBox declares it in `cls` of `file` (own fields only, not inherited). */
export function djangoField(file: string, cls: string, field: string): DjangoField {
  return lookup<DjangoField>(`field:${file}:${cls}:${field}`, `NetBox field ${cls}.${field}`);
}

/** The CSV columns a NetBox import form accepts: its `Meta.fields` (custom fields come as `cf_<name>`). */
export function importFormFields(file: string, cls: string): string[] {
  return lookup<string[]>(`form:${file}:${cls}`, `NetBox import form ${cls}`);
}

export interface TfAttribute {
  type: string;
  required: boolean;
  optional: boolean;
  computed: boolean;
  /** validation.StringInSlice values. */
  oneOf?: string[];
  /** validation.StringLenBetween bounds. */
  length?: [number, number];
}

/** A resource's top-level attributes in the provider's schema. */
export function terraformResource(type: string): Map<string, TfAttribute> {
  return memo(`tf:${type}`, () => new Map(Object.entries(lookup<Record<string, TfAttribute>>(`tf:${type}`, `Terraform resource ${type}`))));
}
