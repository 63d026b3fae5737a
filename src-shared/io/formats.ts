import type { Topology } from '../model/topology';
import { exportAnsible, type AnsibleExportOptions } from './ansible-export';
import { exportClab, type ClabExportOptions } from './clab-export';
import { importClab } from './clab-import';
import { exportDesignJson, importDesignJson } from './design-json';
import { exportGraphml } from './graphml-export';
import { GraphmlError, importGraphml } from './graphml';
import { withNettwinAttributes } from './graphml-nettwin';
import { exportNetboxCsv, importNetboxCsv } from './netbox-csv';
import { netboxImportReadme } from './netbox-import-tables';
import { importRepetita } from './repetita-import';
import { exportNetboxJson, importNetboxJson } from './netbox-json';
import { ImportError, type ImportResult } from './report';
import { exportSvg, type SvgOptions } from './svg-export';
import { exportTerraform } from './terraform-export';

/** Formats a topology can be imported from through `importTopology`. */
export const TOPOLOGY_IMPORT_FORMATS = ['graphml', 'clab', 'netbox-csv', 'netbox-json', 'json', 'repetita'] as const;
export type TopologyImportFormat = (typeof TOPOLOGY_IMPORT_FORMATS)[number];

/** The text(s) of one import: NetBox CSV needs its cables file, and may take sites. */
export interface ImportInput {
  text: string;
  fileName: string;
  cables?: { text: string; fileName: string };
  sites?: { text: string; fileName: string };
}

/**
 * One entry for every importer (services, CLI, import dialog). Every bad
 * input comes out as an ImportError whose message names the file and, where
 * known, line and field.
 */
export function importTopology(format: TopologyImportFormat, input: ImportInput): ImportResult {
  try {
    return importTopologyOf(format, input);
  } catch (err) {
    // The last guard of "every malformed input ends in a clear error": a structure nested past what
    // a parser's recursion can follow is bad input, not an internal error.
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      throw new ImportError(input.fileName, 'nested too deeply to read (more levels than any real network file has)');
    }
    throw err;
  }
}

function importTopologyOf(format: TopologyImportFormat, input: ImportInput): ImportResult {
  switch (format) {
    case 'graphml':
      return withNettwinAttributes(input.text, input.fileName, graphml(input));
    case 'clab':
      return importClab(input.text, input.fileName);
    case 'json':
      return importDesignJson(input.text, input.fileName);
    case 'repetita':
      return importRepetita(input.text, input.fileName);
    case 'netbox-json':
      return input.cables === undefined && input.sites === undefined
        ? importNetboxJson(input.text, input.fileName)
        : importNetboxJson({
            devices: input.text,
            ...(input.cables ? { cables: input.cables.text } : {}),
            ...(input.sites ? { sites: input.sites.text } : {}),
            names: {
              devices: input.fileName,
              ...(input.cables ? { cables: input.cables.fileName } : {}),
              ...(input.sites ? { sites: input.sites.fileName } : {}),
            },
          });
    case 'netbox-csv':
      if (input.cables === undefined) {
        throw new ImportError(input.fileName, 'a NetBox CSV import needs the cables CSV as well as the devices CSV');
      }
      return importNetboxCsv({
        devices: input.text,
        cables: input.cables.text,
        ...(input.sites ? { sites: input.sites.text } : {}),
        names: {
          devices: input.fileName,
          cables: input.cables.fileName,
          ...(input.sites ? { sites: input.sites.fileName } : {}),
        },
      });
  }
}

function graphml(input: ImportInput): ImportResult {
  try {
    return importGraphml(input.text, input.fileName);
  } catch (err) {
    if (!(err instanceof GraphmlError)) throw err;
    const at = err.column === undefined ? '' : `column ${err.column}: `;
    throw new ImportError(err.file, `${at}${err.detail}`, err.line);
  }
}

/** Formats a topology can be exported to through `exportTopology`. */
export const TOPOLOGY_EXPORT_FORMATS = [
  'containerlab',
  'ansible',
  'terraform',
  'graphml',
  'json',
  'netbox-csv',
  'netbox-json',
  'svg',
] as const;
export type TopologyExportFormat = (typeof TOPOLOGY_EXPORT_FORMATS)[number];

export interface ExportOptions {
  clab?: ClabExportOptions;
  ansible?: AnsibleExportOptions;
  svg?: SvgOptions;
}

/**
 * One entry for every exporter. Returns file name → text: one file for most
 * formats, several for NetBox CSV and JSON (the import bundle and its IMPORT-ORDER.txt)
 * and for Ansible's host_vars layout. The kind table (`options.clab.kinds`)
 * names ports for containerlab, Ansible, NetBox and Terraform alike. Names are relative, for a save dialog or a folder.
 */
export function exportTopology(
  format: TopologyExportFormat,
  topology: Topology,
  options: ExportOptions = {},
): Record<string, string> {
  switch (format) {
    case 'containerlab':
      return { 'topology.clab.yml': exportClab(topology, options.clab) };
    case 'ansible':
      return exportAnsible(topology, { ...(options.clab?.kinds ? { kinds: options.clab.kinds } : {}), ...options.ansible });
    case 'terraform':
      return { 'netbox.tf.json': exportTerraform(topology, options.clab?.kinds) };
    case 'graphml':
      return { 'topology.graphml': exportGraphml(topology) };
    case 'json':
      return { 'design.json': exportDesignJson(topology) };
    case 'netbox-csv': {
      return { ...exportNetboxCsv(topology, options.clab?.kinds), 'IMPORT-ORDER.txt': netboxImportReadme(topology.name, 'csv') };
    }
    case 'netbox-json':
      return { ...exportNetboxJson(topology, options.clab?.kinds), 'IMPORT-ORDER.txt': netboxImportReadme(topology.name, 'json') };
    case 'svg':
      return { 'topology.svg': exportSvg(topology, options.svg) };
  }
}
