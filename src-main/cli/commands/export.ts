import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../src-shared/contract/errors';
import type { ClabKind } from '../../../src-shared/io/clab-kinds';
import { TOPOLOGY_EXPORT_FORMATS, type ExportOptions, type TopologyExportFormat } from '../../../src-shared/io/formats';
import type { TopologySummary } from '../../../src-shared/model/records';
import { DeviceRoleSchema, type DeviceRole } from '../../../src-shared/model/topology';
import { parseCli } from '../args';
import { CliError, type Command } from '../command';
import { findDesign } from '../designs';
import { openProject, withServices } from '../session';

const FORMATS = [...TOPOLOGY_EXPORT_FORMATS, 'csv'] as const;
const USAGE =
  `nettwin export PROJECT.nettwin --format ${FORMATS.join('|')} --out PATH|- ` +
  '[--design ID|NAME|FAMILY] [--kind ROLE=KIND,IMAGE]...';

/** The design to export: named by id, name or unique family, else the most recently changed one. */
function pickDesign(file: string, all: readonly TopologySummary[], wanted: string | undefined): TopologySummary {
  if (all.length === 0) throw new CliError(`${file} holds no designs`);
  if (wanted === undefined) return all.reduce((a, b) => (b.updatedAt >= a.updatedAt ? b : a));
  return findDesign(file, all, wanted);
}

/** `--kind spine=nokia_srlinux,ghcr.io/nokia/srlinux:24.10` → containerlab kind per role. */
function parseKinds(values: readonly string[]): Partial<Record<DeviceRole, ClabKind>> {
  const out: Partial<Record<DeviceRole, ClabKind>> = {};
  for (const v of values) {
    const m = /^([^=]+)=([^,]+),(.+)$/.exec(v);
    const role = DeviceRoleSchema.safeParse(m?.[1]);
    if (!m || !role.success) throw new CliError(`--kind must be ROLE=KIND,IMAGE with a device role, got "${v}"`);
    out[role.data] = { kind: m[2]!, image: m[3]! };
  }
  return out;
}

/**
 * Writes the exported files. One file goes to PATH (or into PATH when it is a
 * folder); several (NetBox CSV, Ansible host_vars) go into the folder PATH.
 */
function writeFiles(files: Record<string, string>, out: string): string[] {
  const names = Object.keys(files);
  const isDir = fs.existsSync(out) && fs.statSync(out).isDirectory();
  const targets =
    names.length === 1 && !isDir
      ? [[out, files[names[0]!]!] as const]
      : names.map((n) => [path.join(out, n), files[n]!] as const);
  try {
    for (const [target, text] of targets) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
    }
  } catch (err) {
    throw new CliError(`cannot write ${out}: ${(err as Error).message}`);
  }
  return targets.map(([t]) => t);
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export a design to containerlab, Ansible, Terraform, GraphML, JSON, NetBox, SVG, or its sweep as CSV',
  usage: USAGE,
  run: async (args, io) => {
    const { values, positionals } = parseCli(args, {
      format: { type: 'string' },
      out: { type: 'string' },
      design: { type: 'string' },
      kind: { type: 'string', multiple: true },
    });
    if (positionals.length !== 1) throw new CliError(`expected one PROJECT.nettwin (usage: ${USAGE})`);
    const format = values.format;
    if (format === undefined || !(FORMATS as readonly string[]).includes(format)) {
      throw new CliError(`--format must be one of ${FORMATS.join(', ')}${format === undefined ? '' : `; got "${format}"`}`);
    }
    if (values.out === undefined) throw new CliError('--out PATH is required');
    const out = values.out;
    const options: ExportOptions = {
      clab: { kinds: parseKinds(values.kind ?? []) },
      // A .yml target gets one inventory file; a folder gets Ansible's host_vars layout.
      ansible: { kinds: parseKinds(values.kind ?? []), layout: /\.ya?ml$/i.test(out) ? 'inline' : 'host_vars' },
    };

    const file = positionals[0]!;
    const { design, files } = await withServices({}, (s) => {
      const projectId = openProject(s, file, { readOnly: true });
      const design = pickDesign(file, s.designs.list(projectId), values.design);
      if (format !== 'csv') return { design, files: s.exchange.exportDesign(projectId, design.id, format as TopologyExportFormat, options).files };
      try {
        return { design, files: { 'sweep.csv': s.simulations.latestSweepCsv(projectId, design.id) } };
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'NOT_FOUND')) throw err;
        throw new CliError(`design "${design.name}" has no sweep results to export; run a failure sweep first`);
      }
    });
    // `--out -`: the file's text is the only thing on stdout; the status line goes to stderr.
    if (out === '-') {
      const names = Object.keys(files);
      if (names.length !== 1) {
        throw new CliError(`${format} writes ${names.length} files (${names.join(', ')}); give --out FOLDER, not -`);
      }
      io.out(files[names[0]!]!);
      io.err(`exported design "${design.name}" (${design.id}) as ${format} → standard output`);
      return 0;
    }
    const written = writeFiles(files, out);
    // A confirmation, not data: stderr, as with --out - (docs/cli.md: stdout carries results only).
    io.err(`exported design "${design.name}" (${design.id}) as ${format} → ${written.join(', ')}`);
    return 0;
  },
};
