import type { Topology } from '../model/topology';
import { pick, readCsvTable, toCsv, type CsvColumn, type CsvTable } from './csv';
import { buildFromNetbox, type NbCable, type NbDevice, type NbSite } from './netbox-model';
import {
  NB_GENERIC_MANUFACTURER,
  toNetboxObjects,
  type NbOutCable,
  type NbOutDevice,
  type NbOutSite,
} from './netbox-export-model';
import { ImportError, emptyReport, type ImportResult } from './report';

/** The CSV files of one NetBox export; `sites` is optional (regions, coordinates). */
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

const cfColumns = <T extends { cf: Record<string, unknown> }>(sample: T | undefined): Array<CsvColumn<T>> =>
  Object.keys(sample?.cf ?? {}).map((k) => ({
    header: `cf_${k}`,
    value: (r: T) => {
      const v = r.cf[k];
      return v === null || v === undefined ? '' : (v as string | number | boolean);
    },
  }));

/**
 * Topology → NetBox bulk-import CSVs (sites, devices, cables), with the
 * column names NetBox's import form expects, so the files load into NetBox
 * (after its custom fields `nettwin_*` are created) and import back here.
 */
export function exportNetboxCsv(topology: Topology): {
  sites: string;
  devices: string;
  cables: string;
} {
  const nb = toNetboxObjects(topology);
  const sites = toCsv<NbOutSite>(nb.sites, [
    { header: 'name', value: (s) => s.name },
    { header: 'slug', value: (s) => s.slug },
    { header: 'status', value: () => 'active' },
    { header: 'region', value: (s) => s.region },
    { header: 'latitude', value: (s) => s.lat },
    { header: 'longitude', value: (s) => s.lon },
    ...cfColumns(nb.sites[0]),
  ]);
  const devices = toCsv<NbOutDevice>(nb.devices, [
    { header: 'name', value: (d) => d.name },
    { header: 'role', value: (d) => d.role },
    { header: 'manufacturer', value: () => NB_GENERIC_MANUFACTURER },
    { header: 'device_type', value: (d) => d.deviceType },
    { header: 'status', value: () => 'planned' },
    { header: 'site', value: (d) => d.site?.name },
    { header: 'latitude', value: (d) => d.lat },
    { header: 'longitude', value: (d) => d.lon },
    ...cfColumns(nb.devices[0]),
  ]);
  const cables = toCsv<NbOutCable>(nb.cables, [
    { header: 'side_a_site', value: (c) => c.a.device.site?.name },
    { header: 'side_a_device', value: (c) => c.a.device.name },
    { header: 'side_a_type', value: () => 'dcim.interface' },
    { header: 'side_a_name', value: (c) => c.a.name },
    { header: 'side_b_site', value: (c) => c.b.device.site?.name },
    { header: 'side_b_device', value: (c) => c.b.device.name },
    { header: 'side_b_type', value: () => 'dcim.interface' },
    { header: 'side_b_name', value: (c) => c.b.name },
    { header: 'status', value: () => 'planned' },
    { header: 'label', value: (c) => c.label },
    { header: 'length', value: (c) => c.distanceKm },
    { header: 'length_unit', value: (c) => (c.distanceKm === undefined ? '' : 'km') },
    ...cfColumns(nb.cables[0]),
  ]);
  return { sites, devices, cables };
}
