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

// ---------------------------------------------------------------- NetBox (Python)

/** The lines of one top-level Python class, from its `class` line to the next top-level statement. */
function pythonClass(file: string, cls: string): string {
  const text = read(`netbox/${file}`);
  const start = text.search(new RegExp(`^class ${cls}\\(`, 'm'));
  if (start < 0) throw new Error(`netbox/${file}: no class ${cls}`);
  // The header's base-class list may span lines; the body starts after it.
  const bases = balanced(text, text.indexOf('(', start));
  const bodyStart = text.indexOf('\n', text.indexOf('(', start) + bases.length + 1) + 1;
  const end = text.slice(bodyStart).search(/^\S/m);
  return end < 0 ? text.slice(start) : text.slice(start, bodyStart + end);
}

/** The text inside the parentheses (or brackets) opening at `open`. */
function balanced(text: string, open: number): string {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    const c = text[k];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return text.slice(open + 1, k);
    }
  }
  throw new Error('unbalanced brackets');
}

export interface DjangoField {
  kind: string;
  maxLength?: number;
  maxDigits?: number;
  decimalPlaces?: number;
}

/** A Django model field as declared in a class of a vendored NetBox file (own fields only, not inherited). */
export function djangoField(file: string, cls: string, field: string): DjangoField {
  return memo(`field:${file}:${cls}:${field}`, () => readDjangoField(file, cls, field));
}

function readDjangoField(file: string, cls: string, field: string): DjangoField {
  const body = pythonClass(file, cls);
  const m = new RegExp(`^ {4}${field} = models\\.(\\w+)\\(`, 'm').exec(body);
  if (!m) throw new Error(`netbox/${file}: class ${cls} declares no field ${field}`);
  const args = balanced(body, m.index + m[0].length - 1);
  const int = (name: string) => {
    const v = new RegExp(`\\b${name}=(\\d+)`).exec(args)?.[1];
    return v === undefined ? undefined : Number(v);
  };
  const out: DjangoField = { kind: m[1]! };
  const maxLength = int('max_length');
  const maxDigits = int('max_digits');
  const decimalPlaces = int('decimal_places');
  if (maxLength !== undefined) out.maxLength = maxLength;
  if (maxDigits !== undefined) out.maxDigits = maxDigits;
  if (decimalPlaces !== undefined) out.decimalPlaces = decimalPlaces;
  return out;
}

/** The CSV columns a NetBox import form accepts: its `Meta.fields` (custom fields come as `cf_<name>`). */
export function importFormFields(file: string, cls: string): string[] {
  return memo(`form:${file}:${cls}`, () => readFormFields(file, cls));
}

function readFormFields(file: string, cls: string): string[] {
  const body = pythonClass(file, cls);
  const m = /^ {8}fields = [([]/m.exec(body);
  if (!m) throw new Error(`netbox/${file}: class ${cls} has no Meta.fields`);
  const list = balanced(body, m.index + m[0].length - 1);
  return [...list.matchAll(/'([a-z0-9_]+)'/g)].map((x) => x[1]!);
}

// ---------------------------------------------------------------- terraform-provider-netbox (Go)

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

/** Go identifiers the provider uses as attribute keys (defined in its tags.go / custom_fields.go). */
const KEY_CONSTANTS: Record<string, string> = { tagsKey: 'tags', customFieldsKey: 'custom_fields' };

/** A resource's top-level attributes, read from its `Schema: map[string]*schema.Schema{…}` in the vendored Go file. */
export function terraformResource(type: string): Map<string, TfAttribute> {
  return memo(`tf:${type}`, () => readTerraformResource(type));
}

function readTerraformResource(type: string): Map<string, TfAttribute> {
  const text = read(`terraform-provider-netbox/resource_${type}.go`);
  const at = text.indexOf('Schema: map[string]*schema.Schema{');
  if (at < 0) throw new Error(`resource_${type}.go: no Schema map`);
  const body = balanced(text, text.indexOf('{', at));
  const attrs = new Map<string, TfAttribute>();
  let k = 0;
  while (k < body.length) {
    const rest = body.slice(k);
    const quoted = /^\s*"([a-z0-9_]+)":\s*\{/.exec(rest);
    const constant = /^\s*(\w+):\s*(\w+),/.exec(rest);
    if (quoted) {
      const open = k + quoted[0].length - 1;
      const spec = balanced(body, open);
      const oneOf = /StringInSlice\(\[\]string\{([^}]*)\}/.exec(spec)?.[1];
      const len = /StringLenBetween\((\d+),\s*(\d+)\)/.exec(spec);
      const attr: TfAttribute = {
        type: /Type:\s*schema\.(\w+)/.exec(spec)?.[1] ?? 'unknown',
        required: /Required:\s*true/.test(spec),
        optional: /Optional:\s*true/.test(spec),
        computed: /Computed:\s*true/.test(spec),
      };
      if (oneOf !== undefined) attr.oneOf = [...oneOf.matchAll(/"([^"]*)"/g)].map((x) => x[1]!);
      if (len) attr.length = [Number(len[1]), Number(len[2])];
      attrs.set(quoted[1]!, attr);
      k = open + spec.length + 2;
    } else if (constant && KEY_CONSTANTS[constant[1]!] !== undefined) {
      attrs.set(KEY_CONSTANTS[constant[1]!]!, { type: 'TypeSet', required: false, optional: true, computed: false });
      k += constant[0].length;
    } else {
      const next = rest.search(/\n/);
      if (next < 0) break;
      k += next + 1;
    }
  }
  if (attrs.size === 0) throw new Error(`resource_${type}.go: no attributes read`);
  return attrs;
}
