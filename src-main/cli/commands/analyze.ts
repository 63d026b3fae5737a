import fs from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { detectFormat } from '../../../src-shared/io/detect';
import { importTopology, TOPOLOGY_IMPORT_FORMATS, type TopologyImportFormat } from '../../../src-shared/io/formats';
import { GRAPHML_MAX_CHARS, GraphmlError, importGraphml } from '../../../src-shared/io/graphml';
import type { Topology } from '../../../src-shared/model/topology';
import { N2_MAX_LINKS, type AnalyzeReport } from '../../../src-shared/sim/analyze';
import { sweepRefusal } from '../../../src-shared/sim/limits';
import { intOption, parseCli } from '../args';
import { readFileCapped } from '../readCapped';
import { CliError, type Command } from '../command';
import { withServices } from '../session';
import { table } from '../format/table';

/**
 * Reads a topology file for analysis (GraphML, design JSON, containerlab,
 * NetBox JSON). Every problem becomes a CliError naming the file.
 */
export function loadTopologyFile(file: string): Topology {
  let size: number;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new CliError(`${file}: is a folder, not a file`);
    size = st.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: cannot read (${code === 'ENOENT' ? 'no such file' : (err as Error).message})`);
  }
  if (size > GRAPHML_MAX_CHARS) {
    throw new CliError(`${file}: file is ${(size / 1048576).toFixed(1)} MB, larger than the ${GRAPHML_MAX_CHARS / 1048576} MB limit`);
  }
  const text = readFileCapped(file); // the stat above misses devices and pipes
  const name = path.basename(file);
  try {
    if (/\.(graphml|xml)$/i.test(file)) return importGraphml(text, name).topology;
    const format = detectFormat(name, text);
    if (format === undefined || !isTopologyFormat(format)) {
      throw new CliError(`${file}: not a topology file NetTwin can read (GraphML, design JSON, containerlab or NetBox JSON)`);
    }
    return importTopology(format, { text, fileName: name }).topology;
  } catch (err) {
    if (err instanceof CliError) throw err;
    if (err instanceof GraphmlError) throw new CliError(err.message);
    const msg = err instanceof Error ? err.message : String(err);
    throw new CliError(msg.startsWith(name) || msg.startsWith(file) ? msg.split('\n')[0]! : `${name}: ${msg.split('\n')[0]}`);
  }
}

const isTopologyFormat = (f: string): f is TopologyImportFormat => (TOPOLOGY_IMPORT_FORMATS as readonly string[]).includes(f);


const fmt = (x: number | undefined): string => (x === undefined ? '-' : Number.isInteger(x) ? String(x) : x.toFixed(3));

function humanReport(file: string, r: AnalyzeReport): string {
  const out: string[] = [];
  out.push(`${file}: ${r.graph.nodes} nodes, ${r.graph.links} links, ${r.graph.components} component${r.graph.components === 1 ? '' : 's'}`);
  out.push(`bridges (${r.bridges.length}): ${r.bridges.join(' ') || 'none'}`);
  out.push(`articulation points (${r.articulationPoints.length}): ${r.articulationPoints.join(' ') || 'none'}`);
  if (r.baseline.maxLinkLoad !== undefined) out.push(`baseline max link load: ${fmt(r.baseline.maxLinkLoad)}`);
  const worst = <T extends { disconnectedPairs: number; maxLinkLoad?: number }>(xs: T[]): T[] =>
    [...xs].sort((a, b) => b.disconnectedPairs - a.disconnectedPairs || (b.maxLinkLoad ?? 0) - (a.maxLinkLoad ?? 0)).slice(0, 10);
  out.push('', 'worst single link failures');
  out.push(table(['link', 'disconnected pairs', 'max link load'], worst(r.linkFailures).map((x) => [x.link, x.disconnectedPairs, fmt(x.maxLinkLoad)])));
  out.push('', 'worst single node failures');
  out.push(table(['node', 'disconnected pairs', 'max link load'], worst(r.nodeFailures).map((x) => [x.node, x.disconnectedPairs, fmt(x.maxLinkLoad)])));
  if (r.linkPairFailures) {
    const top = [...r.linkPairFailures].sort((a, b) => b.disconnectedPairs - a.disconnectedPairs).slice(0, 10);
    out.push('', `worst link pairs (of ${r.linkPairFailures.length})`);
    out.push(table(['links', 'disconnected pairs'], top.map((x) => [x.links.join(' + '), x.disconnectedPairs])));
  }
  return out.join('\n');
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Failure analysis of a topology: bridges, cut nodes, N-1 (and N-2) impact with rerouted traffic',
  usage: 'nettwin analyze FILE [--traffic uniform] [--json] [--scenarios n1|n2] [--threads N]',
  run: async (args, io) => {
    const { values, positionals } = parseCli(args, {
      traffic: { type: 'string' },
      json: { type: 'boolean' },
      scenarios: { type: 'string' },
      threads: { type: 'string' },
    });
    if (positionals.length !== 1) throw new CliError('expected exactly one FILE');
    const file = positionals[0]!;
    if (values.traffic !== undefined && values.traffic !== 'uniform') throw new CliError(`--traffic must be "uniform", got "${values.traffic}"`);
    const scenarios = values.scenarios ?? 'n1';
    if (scenarios !== 'n1' && scenarios !== 'n2') throw new CliError(`--scenarios must be n1 or n2, got "${scenarios}"`);
    const threads = intOption(values.threads, 'threads', availableParallelism());
    if (threads < 1 || threads > 256) throw new CliError('--threads must be between 1 and 256');
    const topology = loadTopologyFile(file);
    // Structure alone is linear time at any size; the traffic sweep is refused above the sweep limit.
    const refusal = values.traffic === 'uniform' ? sweepRefusal({ name: topology.name, devices: topology.nodes.length, links: topology.links.length }) : null;
    if (refusal !== null) throw new CliError(`${path.basename(file)}: ${refusal}`);
    const links = topology.links.length;
    if (scenarios === 'n2' && links > N2_MAX_LINKS) {
      throw new CliError(`${file}: --scenarios n2 is limited to graphs of up to ${N2_MAX_LINKS} links; this one has ${links}`);
    }
    const traffic = values.traffic === 'uniform' ? 'uniform' : 'none';
    // --threads N is the most to use: a second thread only where the predicted work pays for it.
    const report: AnalyzeReport = await withServices({}, (s) => s.simulations.analyze(topology, { traffic, scenarios, threads }));
    io.out(values.json ? JSON.stringify(report) : humanReport(file, report));
    return 0;
  },
};
