import type { DeviceRole, Topology } from '../model/topology';
import type { ClabKind } from './clab-kinds';
import type { CsvColumn } from './csv';
import { NB_CF } from './netbox-model';
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

/**
 * The rows of a NetBox import bundle, once for both encodings NetBox's bulk
 * import accepts: CSV (netbox-csv.ts) and JSON (netbox-json.ts). NetBox reads
 * CSV columns and JSON keys through the same import forms (`Meta.fields`, custom
 * fields as `cf_<name>`), so one list of columns per object type serves both.
 */

type Cell = string | number | boolean | null | undefined;

/** One object type of the bundle: its file stem, where it goes in NetBox's UI, and its rows. */
export interface NetboxImportTable {
  stem: (typeof NETBOX_IMPORT_ORDER)[number];
  page: string;
  header: string[];
  /** Each row's cells, in `header` order. */
  rows: Cell[][];
}

/** The bundle's object types in the order NetBox must import them: each refers only to earlier ones. */
export const NETBOX_IMPORT_ORDER = [
  'custom-fields',
  'regions',
  'sites',
  'manufacturers',
  'device-types',
  'device-roles',
  'devices',
  'interfaces',
  'cables',
] as const;

/** Where each object type is imported in NetBox's UI, for the bundle's instructions. */
const IMPORT_PAGE: Record<(typeof NETBOX_IMPORT_ORDER)[number], string> = {
  'custom-fields': 'Customization › Custom Fields › Import',
  regions: 'Organization › Regions › Import',
  sites: 'Organization › Sites › Import',
  manufacturers: 'Devices › Manufacturers › Import',
  'device-types': 'Devices › Device Types › Import',
  'device-roles': 'Devices › Device Roles › Import',
  devices: 'Devices › Devices › Import',
  interfaces: 'Devices › Interfaces › Import',
  cables: 'Connections › Cables › Import',
};

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

const cfColumns = <T extends { cf: Record<string, Cell> }>(object: string): Array<CsvColumn<T>> =>
  CUSTOM_FIELDS.filter((f) => f.objects.includes(object)).map((f) => ({
    header: `cf_${f.name}`,
    value: (r: T) => r.cf[f.name],
  }));

function table<T>(stem: NetboxImportTable['stem'], items: readonly T[], columns: ReadonlyArray<CsvColumn<T>>): NetboxImportTable {
  return {
    stem,
    page: IMPORT_PAGE[stem],
    header: columns.map((c) => c.header),
    rows: items.map((item) => columns.map((c) => c.value(item))),
  };
}

/**
 * Topology → NetBox's bulk-import tables, in NETBOX_IMPORT_ORDER (custom
 * fields, regions, sites, manufacturer, device types, roles, devices,
 * interfaces, cables) with the field names NetBox's import forms accept,
 * values within its field limits, every device in a site and every cable end
 * an interface of the interfaces table.
 */
export function netboxImportTables(topology: Topology, kinds?: Partial<Record<DeviceRole, ClabKind>>): NetboxImportTable[] {
  const nb = toNetboxObjects(topology, kinds);
  const types = [...new Set(nb.devices.map((d) => d.deviceType))];
  return [
    table('custom-fields', CUSTOM_FIELDS, [
      { header: 'name', value: (f) => f.name },
      { header: 'label', value: (f) => f.label },
      { header: 'type', value: (f) => f.type },
      { header: 'object_types', value: (f) => f.objects.join(',') },
      { header: 'required', value: () => false },
      { header: 'description', value: () => 'Written by NetTwin; read back by its NetBox import' },
    ]),
    table('regions', nb.regions, [
      { header: 'name', value: (r) => r.slice(0, NB_LIMITS.name) },
      { header: 'slug', value: (r) => slugify(r) },
    ]),
    table<NbOutSite>('sites', nb.sites, [
      { header: 'name', value: (s) => s.name },
      { header: 'slug', value: (s) => s.slug },
      { header: 'status', value: () => 'active' },
      { header: 'region', value: (s) => s.region?.slice(0, NB_LIMITS.name) },
      { header: 'latitude', value: (s) => s.lat },
      { header: 'longitude', value: (s) => s.lon },
      ...cfColumns<NbOutSite>('dcim.site'),
    ]),
    table('manufacturers', types.length > 0 ? [NB_GENERIC_MANUFACTURER] : [], [
      { header: 'name', value: (m) => m },
      { header: 'slug', value: (m) => slugify(m) },
    ]),
    table('device-types', types, [
      { header: 'manufacturer', value: () => NB_GENERIC_MANUFACTURER },
      { header: 'model', value: (t) => t },
      { header: 'slug', value: (t) => slugify(t) },
    ]),
    table('device-roles', [...new Set(nb.devices.map((d) => d.role))], [
      { header: 'name', value: (r) => r },
      { header: 'slug', value: (r) => slugify(r) },
      { header: 'color', value: (r) => ROLE_COLOURS[r as DeviceRole] ?? '9e9e9e' },
    ]),
    table<NbOutDevice>('devices', nb.devices, [
      { header: 'name', value: (d) => d.name },
      { header: 'role', value: (d) => d.role },
      { header: 'manufacturer', value: () => NB_GENERIC_MANUFACTURER },
      { header: 'device_type', value: (d) => d.deviceType },
      { header: 'status', value: () => 'planned' },
      { header: 'site', value: (d) => d.site.name },
      { header: 'latitude', value: (d) => d.lat },
      { header: 'longitude', value: (d) => d.lon },
      ...cfColumns<NbOutDevice>('dcim.device'),
    ]),
    table<NbOutInterface>('interfaces', nb.interfaces, [
      { header: 'device', value: (i) => i.device.name },
      { header: 'name', value: (i) => i.name },
      { header: 'type', value: (i) => i.type },
      { header: 'speed', value: (i) => i.speedKbps },
      { header: 'enabled', value: () => true },
    ]),
    table<NbOutCable>('cables', nb.cables, [
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
      ...cfColumns<NbOutCable>('dcim.cable'),
    ]),
  ];
}

/** The bundle's instructions: which file to import where, in which order. */
export function netboxImportReadme(designName: string, extension: 'csv' | 'json'): string {
  const files = NETBOX_IMPORT_ORDER.map((stem) => `${stem}.${extension}`);
  const width = Math.max(...files.map((f) => f.length)) + 1;
  return [
    `NetBox import bundle for the NetTwin design "${designName}".`,
    '',
    extension === 'json'
      ? 'Each file is a JSON list for NetBox\'s bulk import (Import › "Data format: JSON"; NetBox 3.4 or later).'
      : "Each file is a CSV for NetBox's bulk import (Import › upload or paste).",
    'Import the files in this order (each refers only to objects the earlier ones create):',
    ...NETBOX_IMPORT_ORDER.map((stem, k) => `  ${k + 1}. ${files[k]!.padEnd(width)} ${IMPORT_PAGE[stem]}`),
    '',
    `Custom fields come first: sites, devices and cables carry cf_nettwin_* ${extension === 'json' ? 'keys' : 'columns'}.`,
    ...(extension === 'csv'
      ? [
          'Every cell that would start with = + - @ or a tab/CR is prefixed with an apostrophe',
          "so a spreadsheet cannot run it as a formula; NetTwin's own import removes it again.",
        ]
      : []),
    '',
  ].join('\r\n');
}
