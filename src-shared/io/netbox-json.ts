import type { DeviceRole, Topology } from '../model/topology';
import type { ClabKind } from './clab-kinds';
import { buildFromNetbox, type NbCable, type NbDevice, type NbEnd, type NbSite } from './netbox-model';
import { netboxImportTables, type NETBOX_IMPORT_ORDER } from './netbox-import-tables';
import { ImportError, emptyReport, type ImportResult } from './report';
import { isRecord, parseYaml, type YamlSource } from './yaml-doc';

/**
 * NetBox JSON: REST API responses (`/api/dcim/devices/`, `/cables/`,
 * `/sites/`) or bulk-import lists (what `exportNetboxJson` writes), either as
 * separate texts or bundled in one JSON object with keys `sites`, `devices`,
 * `cables`.
 */
export type NetboxJsonInput =
  | string
  | {
      devices: string;
      cables?: string;
      sites?: string;
      /** File names for error messages. */
      names?: { devices?: string; cables?: string; sites?: string };
    };

/**
 * NetBox JSON → topology. Reads the API list shape `{count, results: [...]}`
 * or a bare array; objects as the API returns them (NetBox ≥3.3 cables with
 * `a_terminations`, older ones with `termination_a`, roles as `role` (v4) or
 * `device_role` (v3)) or as bulk import takes them (related objects by name,
 * cable ends as `side_a_device`/`side_a_name`, custom fields as `cf_<name>`).
 */
export function importNetboxJson(input: NetboxJsonInput, file = 'netbox.json'): ImportResult {
  // Each part: its value, the file it came from, and where in that file it sits.
  let parts: Record<'sites' | 'devices' | 'cables', Part>;
  if (typeof input === 'string') {
    const bundle = parseJson(input, file);
    const at = (key: string): Part => ({ value: isRecord(bundle) ? bundle[key] : undefined, file, text: input, path: [key] });
    if (isRecord(bundle) && bundle['devices'] !== undefined) {
      parts = { sites: at('sites'), devices: at('devices'), cables: at('cables') };
    } else if (Array.isArray(bundle) || (isRecord(bundle) && Array.isArray(bundle['results']))) {
      // A single `/api/dcim/devices/` response: devices without cables.
      const none: Part = { value: undefined, file, text: input, path: [] };
      parts = { sites: none, devices: { value: bundle, file, text: input, path: [] }, cables: none };
    } else {
      throw new ImportError(file, 'expected an object with "devices" (and "cables", "sites") lists', 1, 'devices');
    }
  } else {
    const part = (text: string | undefined, name: string): Part =>
      text === undefined ? { value: undefined, file: name, text: '', path: [] } : { value: parseJson(text, name), file: name, text, path: [] };
    const names = input.names ?? {};
    parts = {
      devices: part(input.devices, names.devices ?? 'devices.json'),
      cables: part(input.cables, names.cables ?? 'cables.json'),
      sites: part(input.sites, names.sites ?? 'sites.json'),
    };
  }
  const sites = list(parts.sites, 'sites').map(({ o, at }): NbSite => ({
    file: parts.sites.file,
    get line() {
      return at.line();
    },
    name: requireText(o['name'], at, 'name'),
    region: nestedName(o['region']),
    lat: text(o['latitude']),
    lon: text(o['longitude']),
    cf: customFields(o),
  }));
  const devices = list(parts.devices, 'devices').map(({ o, at }): NbDevice => ({
    file: parts.devices.file,
    get line() {
      return at.line();
    },
    netboxId: text(o['id']),
    name: requireText(o['name'], at, 'name'),
    role: nestedName(o['role'] ?? o['device_role']),
    deviceType: isRecord(o['device_type']) ? text(o['device_type']['model']) : text(o['device_type']),
    site: nestedName(o['site']),
    region: isRecord(o['site']) ? nestedName(o['site']['region']) : undefined,
    lat: text(o['latitude']),
    lon: text(o['longitude']),
    cf: customFields(o),
  }));
  const cables = list(parts.cables, 'cables').map(({ o, at }): NbCable => {
    const unit = o['length_unit'];
    return {
      file: parts.cables.file,
      get line() {
        return at.line();
      },
      ref: `${parts.cables.file} ${at.field}`,
      label: text(o['label']) ?? (text(o['id']) === undefined ? undefined : `cable-${text(o['id'])}`),
      a: end(o, 'a', at),
      b: end(o, 'b', at),
      length: text(o['length']),
      lengthUnit: isRecord(unit) ? text(unit['value']) : text(unit),
      cf: customFields(o),
    };
  });
  return buildFromNetbox(sites, devices, cables, emptyReport(), file);
}

interface Part {
  value: unknown;
  file: string;
  text: string;
  path: Array<string | number>;
  /** Positions, parsed on the first error that needs a line (once per file). */
  positions?: YamlSource | null;
}

function lineIn(part: Part, path: ReadonlyArray<string | number>): number | undefined {
  if (part.positions === undefined) {
    try {
      part.positions = parseYaml(part.text, part.file);
    } catch {
      part.positions = null;
    }
  }
  return part.positions?.lineOf(path);
}

/** Where an object sits, for errors: file, field path, and its line (looked up only when needed). */
interface At {
  file: string;
  field: string;
  line(sub?: ReadonlyArray<string | number>): number | undefined;
  fail(sub: ReadonlyArray<string | number>, detail: string): never;
}

function parseJson(raw: string, file: string): unknown {
  try {
    return JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
  } catch (err) {
    throw new ImportError(file, `not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The objects of an API list response, or of a bare array, each with where it sits. */
function list(part: Part, what: string): Array<{ o: Record<string, unknown>; at: At }> {
  const v = part.value;
  if (v === undefined || v === null) return [];
  const inResults = !Array.isArray(v) && isRecord(v);
  const items = Array.isArray(v) ? v : isRecord(v) ? v['results'] : undefined;
  if (!Array.isArray(items)) {
    throw new ImportError(part.file, `"${what}" must be a list or {results: [...]}`, lineIn(part, part.path), what);
  }
  return items.map((o: unknown, k) => {
    const path = [...part.path, ...(inResults ? ['results'] : []), k];
    const field = `${what}[${k}]`;
    const at: At = {
      file: part.file,
      field,
      line: (sub = []) => lineIn(part, [...path, ...sub]),
      fail: (sub, detail) => {
        // A missing key has no line of its own: point at its object.
        throw new ImportError(part.file, detail, at.line(sub) ?? at.line(), [field, ...sub].join('.'));
      },
    };
    if (!isRecord(o)) at.fail([], 'expected an object');
    return { o, at };
  });
}

/**
 * One side of a cable: the import form's `side_a_device`/`side_a_name` keys,
 * the REST shape's terminations list, or the old-style termination_a.
 */
function end(o: Record<string, unknown>, side: 'a' | 'b', at: At): NbEnd {
  if (o[`side_${side}_device`] !== undefined || o[`side_${side}_name`] !== undefined) {
    return {
      device: text(o[`side_${side}_device`]),
      site: text(o[`side_${side}_site`]),
      type: text(o[`side_${side}_type`]),
      name: text(o[`side_${side}_name`]),
    };
  }
  const terms = o[`${side}_terminations`];
  let type: string | undefined;
  let obj: unknown;
  if (Array.isArray(terms)) {
    const first: unknown = terms[0];
    if (!isRecord(first)) at.fail([`${side}_terminations`], 'cable end without termination');
    type = text(first['object_type']) ?? text(first['termination_type']);
    obj = first['object'] ?? first['termination'];
  } else {
    type = text(o[`termination_${side}_type`]);
    obj = o[`termination_${side}`];
  }
  if (!isRecord(obj)) at.fail([Array.isArray(terms) ? `${side}_terminations` : `termination_${side}`], 'cable end without its object');
  const device = obj['device'];
  return {
    type,
    name: text(obj['name']),
    deviceId: isRecord(device) ? text(device['id']) : undefined,
    device: isRecord(device) ? (text(device['name']) ?? text(device['display'])) : undefined,
  };
}

/** Custom fields: `custom_fields: {…}` in the REST shape, `cf_<name>` keys in the import shape. */
function customFields(o: Record<string, unknown>): (name: string) => string | undefined {
  const cf = isRecord(o['custom_fields']) ? o['custom_fields'] : {};
  return (name) => {
    const v = cf[name] ?? o[`cf_${name}`];
    if (Array.isArray(v)) return JSON.stringify(v);
    return text(v);
  };
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return undefined;
}

function requireText(v: unknown, at: At, key: string): string {
  return text(v) ?? at.fail([key], 'missing or not text');
}

/** NetBox nests related objects as {id, name, slug}; accept a plain name too. */
function nestedName(v: unknown): string | undefined {
  if (isRecord(v)) return text(v['name']) ?? text(v['slug']) ?? text(v['display']);
  return text(v);
}

/** The files of a NetBox JSON import bundle, in the order NetBox must import them. */
export type NetboxJsonBundle = Record<`${(typeof NETBOX_IMPORT_ORDER)[number]}.json`, string>;

/**
 * Topology → NetBox bulk-import JSON: one file per object type, each a JSON
 * list whose objects have the keys of NetBox's import forms (what its Import
 * page takes as "JSON" since NetBox 3.4) — the same tables as the CSV bundle,
 * with empty cells left out. The REST read shape (`GET /api/dcim/…`) is not
 * what bulk import accepts, so it is only read (importNetboxJson), not written.
 */
export function exportNetboxJson(topology: Topology, kinds?: Partial<Record<DeviceRole, ClabKind>>): NetboxJsonBundle {
  const files: Partial<NetboxJsonBundle> = {};
  for (const t of netboxImportTables(topology, kinds)) {
    const records = t.rows.map((row) => {
      const o: Record<string, string | number | boolean> = {};
      t.header.forEach((key, k) => {
        const v = row[k];
        if (v !== null && v !== undefined && v !== '') o[key] = v;
      });
      return o;
    });
    files[`${t.stem}.json`] = `${JSON.stringify(records, null, 2)}\n`;
  }
  return files as NetboxJsonBundle;
}

/** Reads a bundle `exportNetboxJson` wrote (its sites, devices and cables files). */
export function importNetboxJsonBundle(bundle: Partial<Record<string, string>>): ImportResult {
  const devices = bundle['devices.json'];
  if (devices === undefined) throw new ImportError('devices.json', 'missing from the NetBox bundle');
  return importNetboxJson({
    devices,
    ...(bundle['cables.json'] === undefined ? {} : { cables: bundle['cables.json'] }),
    ...(bundle['sites.json'] === undefined ? {} : { sites: bundle['sites.json'] }),
  });
}
