import fs from 'node:fs';
import path from 'node:path';
import { detectFormat } from '../../../src-shared/io/detect';
import { TOPOLOGY_IMPORT_FORMATS, type TopologyImportFormat } from '../../../src-shared/io/formats';
import type { ImportRequest } from '../../services/exchange';
import { parseCli } from '../args';
import { CLI_FILE_MAX_BYTES, readFileCapped } from '../readCapped';
import { CliError, type Command } from '../command';
import { openProject, withServices } from '../session';

/** One cap for every file the CLI reads, applied while reading (devices and pipes too): see readCapped.ts. */
export { CLI_FILE_MAX_BYTES };

/** Reads a text file for import (`-` is standard input), or says in one line why it cannot. */
export function readText(file: string): string {
  if (file === '-') return readStdin();
  return readFileCapped(file);
}

/** Standard input, capped like a file: read in chunks so a runaway pipe stops at the limit. */
function readStdin(): string {
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(0, buf, 0, buf.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') break;
      throw new CliError(`cannot read standard input: ${(err as Error).message}`);
    }
    if (n === 0) break;
    total += n;
    if (total > CLI_FILE_MAX_BYTES) {
      throw new CliError(`standard input is larger than the ${CLI_FILE_MAX_BYTES / 1048576} MB NetTwin reads from one file (see docs/limits.md)`);
    }
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

const USAGE =
  'nettwin import FILE|- [--format graphml|clab|netbox-csv|netbox-json|json] [--cables FILE] [--sites FILE] ' +
  '[--role NODE=ROLE]... [--name NAME] [--json] --out PROJECT.nettwin';

/**
 * The NetBox file that goes with a devices export: same folder, "devices"
 * replaced by `word` in the name (devices.csv → cables.csv,
 * dcim_devices_2024.csv → dcim_cables_2024.csv). Undefined when absent.
 */
function companion(file: string, word: string): string | undefined {
  const base = path.basename(file);
  if (!/devices/i.test(base)) return undefined;
  const other = path.join(path.dirname(file), base.replace(/devices/i, word));
  return fs.existsSync(other) ? other : undefined;
}

function parseRoles(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const at = v.lastIndexOf('=');
    if (at <= 0 || at === v.length - 1) throw new CliError(`--role must be NODE=ROLE, got "${v}"`);
    out[v.slice(0, at)] = v.slice(at + 1);
  }
  return out;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import a network (GraphML, containerlab, NetBox CSV/JSON, design JSON) into a project',
  usage: USAGE,
  run: async (args, io) => {
    const { values, positionals } = parseCli(args, {
      format: { type: 'string' },
      out: { type: 'string' },
      cables: { type: 'string' },
      sites: { type: 'string' },
      role: { type: 'string', multiple: true },
      name: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new CliError(`expected one FILE to import (usage: ${USAGE})`);
    const file = positionals[0]!;
    if (values.out === undefined) throw new CliError('--out PROJECT.nettwin is required');
    const text = readText(file);

    let format: TopologyImportFormat;
    if (values.format !== undefined) {
      if (!(TOPOLOGY_IMPORT_FORMATS as readonly string[]).includes(values.format)) {
        throw new CliError(`--format must be one of ${TOPOLOGY_IMPORT_FORMATS.join(', ')}; got "${values.format}"`);
      }
      format = values.format as TopologyImportFormat;
    } else {
      const detected = detectFormat(file, text);
      if (detected === undefined || detected === 'sndlib') {
        throw new CliError(`cannot tell the format of ${file}; give --format ${TOPOLOGY_IMPORT_FORMATS.join('|')}`);
      }
      format = detected;
    }

    const request: Omit<ImportRequest, 'projectId'> = { text, fileName: file === '-' ? 'stdin' : path.basename(file), format };
    // NetBox exports come as one file per object type; pick up the siblings of a devices file.
    const netbox = format === 'netbox-csv' || format === 'netbox-json';
    const cables = values.cables ?? (netbox && file !== '-' ? companion(file, 'cables') : undefined);
    const sites = values.sites ?? (netbox && file !== '-' ? companion(file, 'sites') : undefined);
    if (cables !== undefined) request.cables = { text: readText(cables), fileName: path.basename(cables) };
    if (sites !== undefined) request.sites = { text: readText(sites), fileName: path.basename(sites) };
    if (format === 'netbox-csv' && cables === undefined) {
      throw new CliError(`${file}: a NetBox CSV import needs the cables export too; give --cables FILE`);
    }
    if (values.role !== undefined) request.roles = parseRoles(values.role);
    if (values.name !== undefined) request.name = values.name;

    const out = values.out;
    const existed = fs.existsSync(out);
    const { summary, report, corrections } = await withServices({}, async (s) => {
      const projectId = openProject(s, out, { create: true });
      try {
        return await s.exchange.importDesign({ ...request, projectId });
      } catch (err) {
        // A refused file leaves no new, empty project behind.
        if (!existed) {
          s.projects.close(projectId);
          fs.rmSync(out, { force: true });
        }
        throw err;
      }
    });
    const { id: designId, name, nodeCount, linkCount } = summary;

    if (values.json) {
      io.out(JSON.stringify({ project: values.out, designId, format, name, nodes: nodeCount, links: linkCount, report }));
      return 0;
    }
    const lines = [
      `imported "${name}" from ${file} (${format}): ${nodeCount} devices, ${linkCount} links → ${values.out} (design ${designId})`,
    ];
    for (const kind of ['mapped', 'guessed', 'dropped'] as const) {
      for (const line of report[kind]) lines.push(`  ${kind}: ${line}`);
    }
    for (const [id, role] of Object.entries(corrections)) lines.push(`  corrected: role of "${id}": ${role}`);
    io.out(lines.join('\n'));
    return 0;
  },
};
