import type { DeviceRole, Topology } from '../model/topology';
import type { ClabKind } from './clab-kinds';
import { pick, readCsvTable, toCsv, type CsvColumn, type CsvTable } from './csv';
import { NB_CF, buildFromNetbox, type NbCable, type NbDevice, type NbSite } from './netbox-model';
import {
  NB_GENERIC_MANUFACTURER,
  NB_LIMITS,
  slugify,
  toNetboxObjects,
  type NbOutCable,
  type NbOutDevice,
  type NbOutInterface,
  type NbOutSite,
} from './netbox-export-model';
import { ROLE_COLOURS } from './role-style';
import { ImportError, emptyReport, type ImportResult } from './report';

/** The CSV files of one NetBox export; `sites` is optional (regions, coordinates). Other bundle files are not needed. */
export interface NetboxCsvFiles {
  devices: string;
  cables: string;
  sites?: string;
  /** File names for error messages. */
  names?: { devices?: string; cables?: string; sites?: string };
}

type Row = CsvTable['rows'][number];

/** Custom fields of a row: NetBox writes them as `cf_<name>` columns. */
const cfOf = (row: Row) => (name: string) => pick(row, `cf_${name}`);

/**
 * NetBox CSV exports → topology. Accepts both the column names of NetBox's
 * bulk-import format (`side_a_device`, `device_type`, `role`) and the headers
 * its table export writes ("Device A", "Termination A", "Type", "Role").
 */
export function importNetboxCsv(files: NetboxCsvFiles): ImportResult {
  const names = {
    devices: files.names?.devices ?? 'devices.csv',
    cables: files.names?.cables ?? 'cables.csv',
    sites: files.names?.sites ?? 'sites.csv',
  };
  const sites: NbSite[] = [];
  if (files.sites !== undefined) {
    const table = readCsvTable(files.sites, names.sites);
    requireColumn(table, names.sites, ['name']);
    for (const row of table.rows) {
      const name = pick(row, 'name');
      if (name === undefined) throw new ImportError(names.sites, 'site without a name', row.line, 'name');
      sites.push({
        file: names.sites,
        line: row.line,
        name,
        region: pick(row, 'region'),
        lat: pick(row, 'latitude'),
        lon: pick(row, 'longitude'),
        cf: cfOf(row),
      });
    }
  }

  const deviceTable = readCsvTable(files.devices, names.devices);
  requireColumn(deviceTable, names.devices, ['name']);
  const devices: NbDevice[] = deviceTable.rows.map((row) => {
    const name = pick(row, 'name');
    if (name === undefined) throw new ImportError(names.devices, 'device without a name', row.line, 'name');
    return {
      file: names.devices,
      line: row.line,
      netboxId: pick(row, 'id'),
      name,
      role: pick(row, 'role', 'device_role', 'device role'),
      deviceType: pick(row, 'device_type', 'type', 'device type', 'model'),
      site: pick(row, 'site'),
      region: pick(row, 'region'),
      lat: pick(row, 'latitude'),
      lon: pick(row, 'longitude'),
      cf: cfOf(row),
    };
  });

  const cableTable = readCsvTable(files.cables, names.cables);
  requireColumn(cableTable, names.cables, ['side_a_device', 'device a', 'side a']);
  const cables: NbCable[] = cableTable.rows.map((row) => ({
    file: names.cables,
    line: row.line,
    label: pick(row, 'label'),
    a: {
      device: pick(row, 'side_a_device', 'device a', 'side a'),
      site: pick(row, 'side_a_site', 'site a'),
      type: pick(row, 'side_a_type'),
      name: pick(row, 'side_a_name', 'termination a'),
    },
    b: {
      device: pick(row, 'side_b_device', 'device b', 'side b'),
      site: pick(row, 'side_b_site', 'site b'),
      type: pick(row, 'side_b_type'),
      name: pick(row, 'side_b_name', 'termination b'),
    },
    length: pick(row, 'length'),
    lengthUnit: pick(row, 'length_unit', 'length unit'),
    cf: cfOf(row),
  }));

  return buildFromNetbox(sites, devices, cables, emptyReport(), names.devices);
}

function requireColumn(table: CsvTable, file: string, anyOf: string[]): void {
  const have = new Set(table.header.map((h) => h.trim().toLowerCase().replace(/[\s_-]+/g, '')));
  if (!anyOf.some((c) => have.has(c.replace(/[\s_-]+/g, '')))) {
    throw new ImportError(file, `missing column ${anyOf.map((c) => `"${c}"`).join(' or ')}`, 1, anyOf[0]);
  }
}

const cfColumns = <T extends { cf: Record<string, unknown> }>(names: readonly string[]): Array<CsvColumn<T>> =>
  names.map((k) => ({
    header: `cf_${k}`,
    value: (r: T) => {
      const v = r.cf[k];
      return v === null || v === undefined ? '' : (v as string | number | boolean);
    },
  }));

/** The custom fields each object type carries, and how NetBox should store them. */
const CUSTOM_FIELDS: ReadonlyArray<{ name: string; objects: string[]; type: 'text' | 'boolean'; label: string }> = [
  { name: NB_CF.id, objects: ['dcim.site', 'dcim.device', 'dcim.cable'], type: 'text', label: 'NetTwin id' },
  { name: NB_CF.name, objects: ['dcim.site', 'dcim.device'], type: 'text', label: 'NetTwin name (where NetBox needed another)' },
  { name: NB_CF.siteRole, objects: ['dcim.site'], type: 'text', label: 'NetTwin site role' },
  { name: NB_CF.users, objects: ['dcim.site'], type: 'text', label: 'NetTwin users' },
  { name: NB_CF.bandwidthMbps, objects: ['dcim.site'], type: 'text', label: 'NetTwin bandwidth (Mbps)' },
  { name: NB_CF.unassigned, objects: ['dcim.site'], type: 'boolean', label: 'NetTwin: holds devices placed in no site' },
  { name: NB_CF.lat, objects: ['dcim.site', 'dcim.device'], type: 'text', label: 'NetTwin exact latitude' },
  { name: NB_CF.lon, objects: ['dcim.site', 'dcim.device'], type: 'text', label: 'NetTwin exact longitude' },
  { name: NB_CF.model, objects: ['dcim.device'], type: 'text', label: 'NetTwin model' },
  { name: NB_CF.region, objects: ['dcim.device'], type: 'text', label: 'NetTwin region' },
  { name: NB_CF.ports, objects: ['dcim.device'], type: 'text', label: 'NetTwin port count' },
  { name: NB_CF.costUsd, objects: ['dcim.device', 'dcim.cable'], type: 'text', label: 'NetTwin cost (USD)' },
  { name: NB_CF.x, objects: ['dcim.device'], type: 'text', label: 'NetTwin canvas x' },
  { name: NB_CF.y, objects: ['dcim.device'], type: 'text', label: 'NetTwin canvas y' },
  { name: NB_CF.pinned, objects: ['dcim.device'], type: 'boolean', label: 'NetTwin pinned on canvas' },
  { name: NB_CF.capacityGbps, objects: ['dcim.cable'], type: 'text', label: 'NetTwin capacity (Gbps)' },
  { name: NB_CF.igpWeight, objects: ['dcim.cable'], type: 'text', label: 'NetTwin IGP weight' },
  { name: NB_CF.latencyMs, objects: ['dcim.cable'], type: 'text', label: 'NetTwin latency (ms)' },
  { name: NB_CF.srlgs, objects: ['dcim.cable'], type: 'text', label: 'NetTwin SRLGs (JSON list)' },
  { name: NB_CF.distanceKm, objects: ['dcim.cable'], type: 'text', label: 'NetTwin exact distance (km)' },
];
const cfFor = (object: string) => CUSTOM_FIELDS.filter((f) => f.objects.includes(object)).map((f) => f.name);

/** The files of a NetBox CSV bundle in the order NetBox must import them: each refers only to earlier ones. */
export const NETBOX_CSV_ORDER = [
  'custom-fields.csv',
  'regions.csv',
  'sites.csv',
  'manufacturers.csv',
  'device-types.csv',
  'device-roles.csv',
  'devices.csv',
  'interfaces.csv',
  'cables.csv',
] as const;
export type NetboxCsvBundle = Record<(typeof NETBOX_CSV_ORDER)[number], string>;

/** Where each file goes in NetBox's UI, for the bundle's README. */
const IMPORT_PAGE: Record<(typeof NETBOX_CSV_ORDER)[number], string> = {
  'custom-fields.csv': 'Customization › Custom Fields › Import',
  'regions.csv': 'Organization › Regions › Import',
  'sites.csv': 'Organization › Sites › Import',
  'manufacturers.csv': 'Devices › Manufacturers › Import',
  'device-types.csv': 'Devices › Device Types › Import',
  'device-roles.csv': 'Devices › Device Roles › Import',
  'devices.csv': 'Devices › Devices › Import',
  'interfaces.csv': 'Devices › Interfaces › Import',
  'cables.csv': 'Connections › Cables › Import',
};

/** The bundle's instructions: which file to import where, in which order. */
export function netboxCsvReadme(designName: string): string {
  return [
    `NetBox import bundle for the NetTwin design "${designName}".`,
    '',
    'Import the files in this order (each refers only to objects the earlier ones create):',
    ...NETBOX_CSV_ORDER.map((f, k) => `  ${k + 1}. ${f.padEnd(18)} ${IMPORT_PAGE[f]}`),
    '',
    'Custom fields come first: sites, devices and cables carry cf_nettwin_* columns.',
    'Every cell that would start with = + - @ or a tab/CR is prefixed with an apostrophe',
    "so a spreadsheet cannot run it as a formula; NetTwin's own import removes it again.",
    '',
  ].join('\r\n');
}

/**
 * Topology → NetBox bulk-import CSVs: a bundle that loads into an empty
 * NetBox in NETBOX_CSV_ORDER (custom fields, regions, sites, manufacturer,
 * device types, roles, devices, interfaces, cables) with the column names
 * NetBox's import forms accept, values within its field limits, every device
 * in a site and every cable end an interface of the interfaces file. The
 * sites, devices and cables files import back here unchanged.
 */
export function exportNetboxCsv(topology: Topology, kinds?: Partial<Record<DeviceRole, ClabKind>>): NetboxCsvBundle {
  const nb = toNetboxObjects(topology, kinds);
  const customFields = toCsv(CUSTOM_FIELDS, [
    { header: 'name', value: (f) => f.name },
    { header: 'label', value: (f) => f.label },
    { header: 'type', value: (f) => f.type },
    { header: 'object_types', value: (f) => f.objects.join(',') },
    { header: 'required', value: () => 'false' },
    { header: 'description', value: () => 'Written by NetTwin; read back by its NetBox import' },
  ]);
  const regions = toCsv(nb.regions, [
    { header: 'name', value: (r) => r.slice(0, NB_LIMITS.name) },
    { header: 'slug', value: (r) => slugify(r) },
  ]);
  const sites = toCsv<NbOutSite>(nb.sites, [
    { header: 'name', value: (s) => s.name },
    { header: 'slug', value: (s) => s.slug },
    { header: 'status', value: () => 'active' },
    { header: 'region', value: (s) => s.region?.slice(0, NB_LIMITS.name) },
    { header: 'latitude', value: (s) => s.lat },
    { header: 'longitude', value: (s) => s.lon },
    ...cfColumns<NbOutSite>(cfFor('dcim.site')),
  ]);
  const types = [...new Set(nb.devices.map((d) => d.deviceType))];
  const manufacturers = toCsv(types.length > 0 ? [NB_GENERIC_MANUFACTURER] : [], [
    { header: 'name', value: (m) => m },
    { header: 'slug', value: (m) => slugify(m) },
  ]);
  const deviceTypes = toCsv(types, [
    { header: 'manufacturer', value: () => NB_GENERIC_MANUFACTURER },
    { header: 'model', value: (t) => t },
    { header: 'slug', value: (t) => slugify(t) },
  ]);
  const deviceRoles = toCsv([...new Set(nb.devices.map((d) => d.role))], [
    { header: 'name', value: (r) => r },
    { header: 'slug', value: (r) => slugify(r) },
    { header: 'color', value: (r) => ROLE_COLOURS[r as DeviceRole] ?? '9e9e9e' },
  ]);
  const devices = toCsv<NbOutDevice>(nb.devices, [
    { header: 'name', value: (d) => d.name },
    { header: 'role', value: (d) => d.role },
    { header: 'manufacturer', value: () => NB_GENERIC_MANUFACTURER },
    { header: 'device_type', value: (d) => d.deviceType },
    { header: 'status', value: () => 'planned' },
    { header: 'site', value: (d) => d.site.name },
    { header: 'latitude', value: (d) => d.lat },
    { header: 'longitude', value: (d) => d.lon },
    ...cfColumns<NbOutDevice>(cfFor('dcim.device')),
  ]);
  const interfaces = toCsv<NbOutInterface>(nb.interfaces, [
    { header: 'device', value: (i) => i.device.name },
    { header: 'name', value: (i) => i.name },
    { header: 'type', value: (i) => i.type },
    { header: 'speed', value: (i) => i.speedKbps },
    { header: 'enabled', value: () => 'true' },
  ]);
  const cables = toCsv<NbOutCable>(nb.cables, [
    { header: 'side_a_site', value: (c) => c.a.device.site.name },
    { header: 'side_a_device', value: (c) => c.a.device.name },
    { header: 'side_a_type', value: () => 'dcim.interface' },
    { header: 'side_a_name', value: (c) => c.a.name },
    { header: 'side_b_site', value: (c) => c.b.device.site.name },
    { header: 'side_b_device', value: (c) => c.b.device.name },
    { header: 'side_b_type', value: () => 'dcim.interface' },
    { header: 'side_b_name', value: (c) => c.b.name },
    { header: 'status', value: () => 'planned' },
    { header: 'label', value: (c) => c.label },
    { header: 'length', value: (c) => c.length?.value.toFixed(NB_LIMITS.lengthDecimals) },
    { header: 'length_unit', value: (c) => c.length?.unit ?? '' },
    ...cfColumns<NbOutCable>(cfFor('dcim.cable')),
  ]);
  return {
    'custom-fields.csv': customFields,
    'regions.csv': regions,
    'sites.csv': sites,
    'manufacturers.csv': manufacturers,
    'device-types.csv': deviceTypes,
    'device-roles.csv': deviceRoles,
    'devices.csv': devices,
    'interfaces.csv': interfaces,
    'cables.csv': cables,
  };
}

/** Reads a bundle `exportNetboxCsv` wrote (its sites, devices and cables files). */
export function importNetboxCsvBundle(bundle: Partial<Record<string, string>>): ImportResult {
  const need = (f: string) => {
    const text = bundle[f];
    if (text === undefined) throw new ImportError(f, 'missing from the NetBox bundle');
    return text;
  };
  return importNetboxCsv({
    devices: need('devices.csv'),
    cables: need('cables.csv'),
    ...(bundle['sites.csv'] === undefined ? {} : { sites: bundle['sites.csv'] }),
  });
}
