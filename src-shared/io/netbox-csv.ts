import type { DeviceRole, Topology } from '../model/topology';
import type { ClabKind } from './clab-kinds';
import { pick, readCsvTable, toCsv, type CsvTable } from './csv';
import { buildFromNetbox, type NbCable, type NbDevice, type NbSite } from './netbox-model';
import { netboxImportTables, type NETBOX_IMPORT_ORDER } from './netbox-import-tables';
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

/** The files of a NetBox CSV bundle, in the order NetBox must import them. */
export type NetboxCsvBundle = Record<`${(typeof NETBOX_IMPORT_ORDER)[number]}.csv`, string>;

/**
 * Topology → NetBox bulk-import CSVs: the tables of netbox-import-tables.ts,
 * one file per object type, cells guarded against spreadsheet formulas. The
 * sites, devices and cables files import back here unchanged.
 */
export function exportNetboxCsv(topology: Topology, kinds?: Partial<Record<DeviceRole, ClabKind>>): NetboxCsvBundle {
  const files: Partial<NetboxCsvBundle> = {};
  for (const t of netboxImportTables(topology, kinds)) {
    files[`${t.stem}.csv`] = toCsv(t.rows, t.header.map((header, k) => ({ header, value: (row: (typeof t.rows)[number]) => row[k] })));
  }
  return files as NetboxCsvBundle;
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
