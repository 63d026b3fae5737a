import Ajv from 'ajv';
import { isMap, isScalar, parse, parseDocument } from 'yaml';
import { clabSchema, djangoField, importFormFields, terraformResource } from '../../helpers/upstream';

/**
 * Checks of our export files against what the real tools read, from the
 * upstream definitions vendored in test/fixtures/upstream: containerlab's
 * clab.schema.json, NetBox's import forms and model field limits,
 * terraform-provider-netbox's resource schemas, and YAML 1.1 as Ansible's
 * PyYAML reads it. Each returns the problems found; an empty list is a pass.
 */

const ajv = new Ajv({ allErrors: true, strict: false });
const validateClab = ajv.compile(clabSchema());

/** The topology file read as YAML 1.1 (containerlab's Go YAML reader is 1.1 too), then checked against clab.schema.json. */
export function clabSchemaErrors(text: string): string[] {
  const doc: unknown = parse(text, { version: '1.1' });
  if (validateClab(doc)) return [];
  return (validateClab.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** The schema itself, for tests of what it refuses. */
export const clabValidator = validateClab;

/**
 * Hosts as Ansible reads `hosts.yml` (YAML 1.1): host keys that are not
 * strings (a host `NO` read as False) count as lost, and so do group members
 * that name no host.
 */
export function ansibleHosts(text: string): { hosts: string[]; problems: string[] } {
  const doc = parseDocument(text, { version: '1.1' });
  const problems: string[] = doc.errors.map((e) => e.message);
  const hostsNode = doc.getIn(['all', 'hosts']);
  const hosts: string[] = [];
  if (isMap(hostsNode)) {
    for (const pair of hostsNode.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (typeof key === 'string') hosts.push(key);
      else problems.push(`host key ${String(key)} is a ${typeof key}, not a host name`);
    }
  }
  const known = new Set(hosts);
  const children = doc.getIn(['all', 'children']);
  if (isMap(children)) {
    for (const group of children.items) {
      const members = isMap(group.value) ? group.value.get('hosts') : undefined;
      if (!isMap(members)) continue;
      for (const m of members.items) {
        const key = isScalar(m.key) ? m.key.value : m.key;
        if (typeof key !== 'string' || !known.has(key)) problems.push(`group ${String(isScalar(group.key) ? group.key.value : group.key)} member ${String(key)} is not a host`);
      }
    }
  }
  return { hosts, problems };
}

// ------------------------------------------------------------------------ NetBox

const BULK = 'dcim_forms_bulk_import.py';
/** Each bundle file: the import form that reads it and the model limits of its columns. */
const NETBOX_FILES: Record<string, { form: [string, string]; limits: Record<string, [string, string, string]> }> = {
  'custom-fields.csv': { form: ['extras_forms_bulk_import.py', 'CustomFieldImportForm'], limits: { name: ['extras_models_customfields.py', 'CustomField', 'name'] } },
  'regions.csv': { form: [BULK, 'RegionImportForm'], limits: { name: ['netbox_models___init__.py', 'NestedGroupModel', 'name'], slug: ['netbox_models___init__.py', 'NestedGroupModel', 'slug'] } },
  'sites.csv': {
    form: [BULK, 'SiteImportForm'],
    limits: {
      name: ['dcim_models_sites.py', 'Site', 'name'],
      slug: ['dcim_models_sites.py', 'Site', 'slug'],
      latitude: ['dcim_models_sites.py', 'Site', 'latitude'],
      longitude: ['dcim_models_sites.py', 'Site', 'longitude'],
    },
  },
  'manufacturers.csv': { form: [BULK, 'ManufacturerImportForm'], limits: { name: ['netbox_models___init__.py', 'OrganizationalModel', 'name'], slug: ['netbox_models___init__.py', 'OrganizationalModel', 'slug'] } },
  'device-types.csv': { form: [BULK, 'DeviceTypeImportForm'], limits: { model: ['dcim_models_devices.py', 'DeviceType', 'model'], slug: ['dcim_models_devices.py', 'DeviceType', 'slug'] } },
  'device-roles.csv': { form: [BULK, 'DeviceRoleImportForm'], limits: { name: ['netbox_models___init__.py', 'NestedGroupModel', 'name'], slug: ['netbox_models___init__.py', 'NestedGroupModel', 'slug'] } },
  'devices.csv': {
    form: [BULK, 'DeviceImportForm'],
    limits: {
      name: ['dcim_models_devices.py', 'Device', 'name'],
      latitude: ['dcim_models_devices.py', 'Device', 'latitude'],
      longitude: ['dcim_models_devices.py', 'Device', 'longitude'],
    },
  },
  'interfaces.csv': { form: [BULK, 'InterfaceImportForm'], limits: { name: ['dcim_models_device_components.py', 'ComponentModel', 'name'] } },
  'cables.csv': { form: [BULK, 'CableImportForm'], limits: { label: ['dcim_models_cables.py', 'Cable', 'label'], length: ['dcim_models_cables.py', 'Cable', 'length'] } },
};

/** Whether a decimal text fits a Django DecimalField(max_digits, decimal_places). */
function decimalFits(text: string, maxDigits: number, places: number): boolean {
  const m = /^-?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return false;
  const int = m[1]!.replace(/^0+(?=\d)/, '');
  const frac = m[2] ?? '';
  return frac.length <= places && int.length <= maxDigits - places;
}

/** Minimal RFC 4180 reader (the project's own CSV reader is what we are testing against NetBox, so not used here). */
function readCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (quoted) {
      if (c === '"' && text[k + 1] === '"') {
        cell += '"';
        k++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[k + 1] === '\n') k++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries((head ?? []).map((h, k) => [h, r[k] ?? ''])));
}

/**
 * A JSON import file as NetBox's bulk import reads it: a list of objects whose
 * values are scalars (the import form's fields take text); keys of all rows.
 */
function readJsonTable(text: string, file: string, problems: string[]): { rows: Array<Record<string, string>>; header: string[] } {
  const list: unknown = JSON.parse(text);
  if (!Array.isArray(list)) {
    problems.push(`${file}: not a JSON list`);
    return { rows: [], header: [] };
  }
  const header = new Set<string>();
  const rows = list.map((o: unknown, k) => {
    const row: Record<string, string> = {};
    if (typeof o !== 'object' || o === null || Array.isArray(o)) {
      problems.push(`${file}[${k}]: not an object`);
      return row;
    }
    for (const [key, v] of Object.entries(o)) {
      header.add(key);
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') row[key] = String(v);
      else problems.push(`${file}[${k}].${key}: ${JSON.stringify(v)} is not a scalar an import form field reads`);
    }
    return row;
  });
  return { rows, header: [...header] };
}

/** Counts of what a bundle holds, for the "must show" figures. */
export interface NetboxCounts {
  devices: number;
  interfaces: number;
  cables: number;
  lengths: number;
}

/**
 * A NetBox import bundle (CSV or JSON) against NetBox's import forms and model limits: every
 * column one the form accepts (or `cf_<declared custom field>`), every value
 * within its field's length or decimals, every device in a site of the
 * bundle, every device type, role, manufacturer and region defined earlier,
 * and both ends of every cable an interface of the interfaces file.
 */
export function netboxBundleProblems(bundle: Record<string, string>): { problems: string[]; counts: NetboxCounts } {
  const problems: string[] = [];
  const json = bundle['devices.json'] !== undefined;
  const tables: Record<string, Array<Record<string, string>>> = {};
  const headers: Record<string, string[]> = {};
  const customFields = new Map<string, string[]>();
  for (const [csvName, spec] of Object.entries(NETBOX_FILES)) {
    // Internally every table goes by its CSV name; problems name the file as written.
    const file = json ? csvName.replace(/\.csv$/, '.json') : csvName;
    const text = bundle[file];
    if (text === undefined) {
      problems.push(`${file}: missing`);
      continue;
    }
    const read = json ? readJsonTable(text, file, problems) : { rows: readCsv(text), header: text.slice(0, text.search(/\r?\n/)).split(',') };
    const rows = read.rows;
    tables[csvName] = rows;
    headers[csvName] = read.header;
    const accepted = new Set(importFormFields(...spec.form));
    for (const h of read.header) {
      if (accepted.has(h)) continue;
      const cf = /^cf_(.+)$/.exec(h)?.[1];
      if (cf !== undefined && customFields.has(cf)) continue;
      problems.push(`${file}: ${json ? 'key' : 'column'} "${h}" is not accepted by ${spec.form[1]}`);
    }
    for (const [column, [pyFile, cls, field]] of Object.entries(spec.limits)) {
      const f = djangoField(pyFile, cls, field);
      rows.forEach((r, k) => {
        const v = r[column];
        if (v === undefined || v === '') return;
        if (f.maxLength !== undefined && v.length > f.maxLength) problems.push(`${file} row ${k + 2}: ${column} "${v}" is longer than ${f.maxLength}`);
        if (f.maxDigits !== undefined && !decimalFits(v, f.maxDigits, f.decimalPlaces ?? 0)) {
          problems.push(`${file} row ${k + 2}: ${column} "${v}" does not fit ${f.maxDigits} digits with ${f.decimalPlaces} decimals`);
        }
      });
    }
    if (csvName === 'custom-fields.csv') {
      for (const r of rows) customFields.set(r['name']!, (r['object_types'] ?? '').split(','));
    }
  }
  const names = (file: string, col: string) => new Set((tables[file] ?? []).map((r) => (r[col] ?? '').toLowerCase()));
  const regions = names('regions.csv', 'name');
  const sites = names('sites.csv', 'name');
  const manufacturers = names('manufacturers.csv', 'name');
  const types = names('device-types.csv', 'model');
  const roles = names('device-roles.csv', 'name');
  for (const s of tables['sites.csv'] ?? []) if (s['region'] && !regions.has(s['region'].toLowerCase())) problems.push(`site ${s['name']}: region "${s['region']}" not in regions.csv`);
  for (const t of tables['device-types.csv'] ?? []) if (!manufacturers.has(t['manufacturer']!.toLowerCase())) problems.push(`device type ${t['model']}: unknown manufacturer`);
  const devices = new Map<string, string>();
  for (const d of tables['devices.csv'] ?? []) {
    const name = d['name']!;
    if (name === '') problems.push('devices.csv: a device without a name');
    if (devices.has(name.toLowerCase())) problems.push(`devices.csv: device name "${name}" repeats (the interfaces import finds devices by name)`);
    devices.set(name.toLowerCase(), d['site'] ?? '');
    if (!d['site'] || !sites.has(d['site'].toLowerCase())) problems.push(`device ${name}: site "${d['site'] ?? ''}" not in sites.csv`);
    if (!types.has((d['device_type'] ?? '').toLowerCase())) problems.push(`device ${name}: device type "${d['device_type'] ?? ''}" not in device-types.csv`);
    if (!roles.has((d['role'] ?? '').toLowerCase())) problems.push(`device ${name}: role "${d['role'] ?? ''}" not in device-roles.csv`);
  }
  const interfaces = new Set<string>();
  for (const i of tables['interfaces.csv'] ?? []) {
    if (!devices.has(i['device']!.toLowerCase())) problems.push(`interface ${i['device']} ${i['name']}: no such device`);
    if (!i['type']) problems.push(`interface ${i['device']} ${i['name']}: no type`);
    const key = `${i['device']!.toLowerCase()}\u0000${i['name']}`;
    if (interfaces.has(key)) problems.push(`interface ${i['device']} ${i['name']} repeats`);
    interfaces.add(key);
  }
  let lengths = 0;
  for (const [k, c] of (tables['cables.csv'] ?? []).entries()) {
    for (const side of ['a', 'b']) {
      const device = c[`side_${side}_device`] ?? '';
      const site = c[`side_${side}_site`] ?? '';
      if (!interfaces.has(`${device.toLowerCase()}\u0000${c[`side_${side}_name`]}`)) problems.push(`cables.csv row ${k + 2}: side ${side} ${device} ${c[`side_${side}_name`]} is no interface of interfaces.csv`);
      if (devices.get(device.toLowerCase())?.toLowerCase() !== site.toLowerCase()) problems.push(`cables.csv row ${k + 2}: side ${side} device ${device} is not in site ${site}`);
    }
    if (c['length']) {
      lengths++;
      if (!['km', 'm', 'cm', 'mi', 'ft', 'in'].includes(c['length_unit'] ?? '')) problems.push(`cables.csv row ${k + 2}: length without a valid unit`);
    }
  }
  for (const file of ['sites.csv', 'devices.csv', 'cables.csv']) {
    const object = { 'sites.csv': 'dcim.site', 'devices.csv': 'dcim.device', 'cables.csv': 'dcim.cable' }[file]!;
    for (const h of headers[file] ?? []) {
      const cf = /^cf_(.+)$/.exec(h)?.[1];
      if (cf !== undefined && !customFields.get(cf)?.includes(object)) problems.push(`${file}: custom field ${cf} not declared for ${object}`);
    }
  }
  return {
    problems: json ? problems.map((m) => m.replace(/\b([a-z-]+)\.csv\b/g, '$1.json')) : problems,
    counts: { devices: devices.size, interfaces: interfaces.size, cables: tables['cables.csv']?.length ?? 0, lengths },
  };
}

// --------------------------------------------------------------------- Terraform

type Block = Record<string, unknown>;
const REF = /^\$\{[A-Za-z_][A-Za-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*\.id\}$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * A Terraform JSON configuration against the provider's resource schemas:
 * only attributes the resource declares (not computed-only ones), every
 * required one present, values of the declared type (numbers may be `${…}`
 * references to declared resources), one of the allowed strings, within
 * StringLenBetween; NetBox's own limits on names and cable length; and a
 * provider version constraint with an upper bound.
 */
export function terraformProblems(text: string): { problems: string[]; lengths: number } {
  const problems: string[] = [];
  const config = JSON.parse(text) as { terraform?: { required_providers?: { netbox?: { source?: string; version?: string } } }; resource?: Record<string, Record<string, Block>> };
  const provider = config.terraform?.required_providers?.netbox;
  if (provider?.source !== 'e-breuninger/netbox') problems.push(`provider source ${String(provider?.source)}`);
  if (!/</.test(provider?.version ?? '') && !/~>/.test(provider?.version ?? '')) problems.push(`provider version "${String(provider?.version)}" has no upper bound`);
  const resources = config.resource ?? {};
  const declared = new Set<string>();
  for (const [type, blocks] of Object.entries(resources)) for (const name of Object.keys(blocks)) declared.add(`${type}.${name}`);
  const lengthField = djangoField('dcim_models_cables.py', 'Cable', 'length');
  const deviceName = djangoField('dcim_models_devices.py', 'Device', 'name');
  let lengths = 0;
  for (const [type, blocks] of Object.entries(resources)) {
    const schema = terraformResource(type);
    for (const [name, block] of Object.entries(blocks)) {
      const at = `${type}.${name}`;
      if (!NAME.test(name)) problems.push(`${at}: not a Terraform identifier`);
      for (const [attr, spec] of schema) if (spec.required && !(attr in block)) problems.push(`${at}: required ${attr} missing`);
      for (const [attr, value] of Object.entries(block)) {
        const spec = schema.get(attr);
        if (spec === undefined || (spec.computed && !spec.optional && !spec.required)) {
          problems.push(`${at}: ${attr} is not an argument of ${type}`);
          continue;
        }
        const ref = typeof value === 'string' && REF.test(value);
        if (ref && !declared.has(value.slice(2, -4))) problems.push(`${at}: ${attr} refers to undeclared ${value}`);
        const ok =
          spec.type === 'TypeString' ? typeof value === 'string'
          : spec.type === 'TypeInt' ? (typeof value === 'number' && Number.isInteger(value)) || ref
          : spec.type === 'TypeFloat' ? typeof value === 'number' || ref
          : spec.type === 'TypeBool' ? typeof value === 'boolean'
          : Array.isArray(value) || typeof value === 'object';
        if (!ok) problems.push(`${at}: ${attr} is not a ${spec.type}: ${JSON.stringify(value)}`);
        if (spec.oneOf && typeof value === 'string' && !spec.oneOf.includes(value)) problems.push(`${at}: ${attr} "${value}" is not one of ${spec.oneOf.join(', ')}`);
        if (spec.length && typeof value === 'string' && (value.length < spec.length[0] || value.length > spec.length[1])) problems.push(`${at}: ${attr} length ${value.length} outside ${spec.length.join('..')}`);
      }
      if (type === 'netbox_device' && String(block['name']).length > deviceName.maxLength!) problems.push(`${at}: name longer than ${deviceName.maxLength}`);
      if (type === 'netbox_cable' && block['length'] !== undefined) {
        lengths++;
        const length = JSON.stringify(block['length']);
        if (!decimalFits(length, lengthField.maxDigits!, lengthField.decimalPlaces!)) problems.push(`${at}: length ${length} does not fit NetBox's ${lengthField.decimalPlaces} decimals`);
      }
    }
  }
  return { problems, lengths };
}
