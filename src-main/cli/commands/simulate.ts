import path from 'node:path';
import { availableParallelism } from 'node:os';
import { elementNamer, labelNamer } from '../../../src-shared/model/names';
import { parseRepetitaDemandVolumes, parseRepetitaGraph, RepetitaError, repetitaKind, repetitaNotes, repetitaTopology } from '../../../src-shared/io/repetita';
import { parseSndlib, sndlibDemands, sndlibNotes, sndlibTopology, SndlibError } from '../../../src-shared/io/sndlib';
import { AppError } from '../../../src-shared/contract/errors';
import type { ScenarioResultShape as ScenarioResult } from '../../../src-shared/contract/sim-types';
import { PROJECT_EXTENSION } from '../../../src-shared/model/records';
import type { Topology } from '../../../src-shared/model/topology';
import { isolationInWords, type ImpactReportShape } from '../../../src-shared/sim/impact-report';
import { convergenceWords } from '../../../src-shared/sim/convergence';
import { worstSoFarInWords, type WorstSoFar } from '../../../src-shared/sim/worst-so-far';
import { emptyIntentTrafficNote } from '../../../src-shared/model/traffic';
import { sweepRefusal } from '../../../src-shared/sim/limits';
import type { ScenarioClass } from '../../../src-shared/sim/scenarios';
import { intOption, parseCli } from '../args';
import { readFileCapped } from '../readCapped';
import { findDesign } from '../designs';
import { CliError, type CliIo, type Command } from '../command';
import { impactRun, type SweepTraffic } from '../../services/impact-run';
import { isRouterDemands } from '../../../src-shared/io/repetita-scan';
import { table } from '../format/table';

const CLASS_OF: Record<string, ScenarioClass[]> = {
  n1: ['n1-links', 'n1-nodes'],
  n2: ['n2-links'],
  srlg: ['srlg'],
  sites: ['sites'],
  regions: ['regions'],
};

export type SimulationOutput = ImpactReportShape;

/** Reads `--traffic FILE`: SNDlib native demands, a REPETITA .demands matrix, or JSON [{source, target, volume}]. */
function trafficFile(file: string): { option: SweepTraffic; unitGbps: number | undefined } {
  const text = readFileCapped(file);
  const name = path.basename(file);
  if (repetitaKind(text) === 'demands') {
    try {
      // Router indices are checked against the network when the sweep maps demands onto it. Columns, not
      // 99k demand objects: reading them is on the path before the sweep's workers can start.
      return { option: parseRepetitaDemandVolumes(text, Number.MAX_SAFE_INTEGER, name), unitGbps: 1 };
    } catch (err) {
      if (err instanceof RepetitaError) throw new CliError(err.message);
      throw err;
    }
  }
  if (text.trimStart().startsWith('[') || text.trimStart().startsWith('{')) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new CliError(`${name}: not valid JSON (${(err as Error).message})`);
    }
    const list = Array.isArray(raw) ? raw : (raw as { demands?: unknown }).demands;
    if (!Array.isArray(list)) throw new CliError(`${name}: expected a list of {source, target, volume}`);
    const demands = list.map((d, i) => {
      const o = d as { source?: unknown; target?: unknown; volume?: unknown };
      if (typeof o.source !== 'string' || typeof o.target !== 'string' || typeof o.volume !== 'number' || !(o.volume >= 0)) {
        throw new CliError(`${name}: demand ${i} needs string source/target and a non-negative volume`);
      }
      return { source: o.source, target: o.target, volume: o.volume };
    });
    return { option: { demands }, unitGbps: undefined };
  }
  try {
    const net = parseSndlib(text, name);
    // Gbit/s, both directions unless the file says its demands are directed (io/sndlib.ts).
    return { option: { demands: sndlibDemands(net) }, unitGbps: 1 };
  } catch (err) {
    if (err instanceof SndlibError) throw new CliError(err.message);
    throw err;
  }
}

/** Refuses a design over the sweep limit (src-shared/sim/limits.ts) before any work: exit 2, one line. */
function checkSweepable(file: string, design: { name: string; devices: number; links: number }): void {
  const refusal = sweepRefusal(design);
  if (refusal !== null) throw new CliError(`${path.basename(file)}: ${refusal}`);
}

/**
 * Designs named by the input: a project's designs, or one file. Each is
 * checked against the sweep limit. The application's services (store,
 * generators) and the general topology readers are loaded only when the
 * input needs them: a REPETITA or SNDlib file needs neither.
 */
async function designsOf(file: string, designId: string | undefined): Promise<Topology[]> {
  if (file.endsWith(PROJECT_EXTENSION)) {
    const { openProject, withServices } = await import('../session');
    return withServices({}, (s) => {
      const projectId = openProject(s, file, { readOnly: true });
      const all = s.designs.list(projectId);
      const chosen = designId === undefined ? all : [findDesign(file, all, designId)];
      if (chosen.length === 0) throw new CliError(`${file}: the project has no designs`);
      // From the stored counts, before any design is read (a 50,000-device one takes seconds to parse).
      for (const d of chosen) checkSweepable(file, { name: d.name, devices: d.nodeCount, links: d.linkCount });
      return chosen.map((d) => s.designs.get(projectId, d.id).topology);
    });
  }
  const one = await designFile(file);
  checkSweepable(file, { name: one.name, devices: one.nodes.length, links: one.links.length });
  return [one];
}

/** What the SNDlib or REPETITA reader assumed for each file read (units, directions, capacities, sites, ducts), to print with the report. */
const assumedFor = new Map<string, { as: string; notes: string[] }>();

async function designFile(file: string): Promise<Topology> {
  if (/\.graph$/i.test(file)) {
    try {
      const net = parseRepetitaGraph(readFileCapped(file), path.basename(file));
      const topology = repetitaTopology(net, path.basename(file, '.graph'));
      assumedFor.set(file, { as: 'REPETITA', notes: repetitaNotes(net, topology) });
      return topology;
    } catch (err) {
      if (err instanceof RepetitaError) throw new CliError(err.message);
      throw new CliError(`${file}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  if (/\.txt$/i.test(file)) {
    try {
      const net = parseSndlib(readFileCapped(file), path.basename(file));
      assumedFor.set(file, { as: 'SNDlib', notes: sndlibNotes(net) });
      return sndlibTopology(net, path.basename(file, '.txt'));
    } catch (err) {
      if (err instanceof SndlibError) throw new CliError(err.message);
      throw new CliError(`${file}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  return (await import('./analyze')).loadTopologyFile(file);
}

/**
 * `--save`: runs the sweep the app itself runs (sim:run) on each chosen
 * design of the project and stores it there, so the UI shows it and
 * `nettwin export … --format csv` writes its sweep CSV. Options of the
 * file-only report (threads, N-2 sample, seed, a traffic file) are refused
 * rather than silently ignored.
 */
async function saveSweeps(
  io: CliIo,
  file: string,
  values: { design?: string | undefined; threads?: string | undefined; 'n2-sample'?: string | undefined; seed?: string | undefined },
  classes: ScenarioClass[],
  traffic: SweepTraffic,
  unitGbps: number | undefined,
): Promise<number> {
  if (!file.endsWith(PROJECT_EXTENSION)) throw new CliError(`--save stores the sweep in a project: give a ${PROJECT_EXTENSION} file, not ${path.basename(file)}`);
  for (const o of ['threads', 'n2-sample', 'seed'] as const) {
    if (values[o] !== undefined) throw new CliError(`--${o} does not apply with --save: the saved sweep is the app's own, with its settings`);
  }
  // A traffic file always states its unit (REPETITA's router columns among them).
  if (unitGbps !== undefined || isRouterDemands(traffic)) throw new CliError('--save takes --traffic intent, uniform, gravity or hub-centric, not a traffic file');
  const { openProject, withServices } = await import('../session');
  const saved = await withServices({}, async (s) => {
    const projectId = openProject(s, file);
    const all = s.designs.list(projectId);
    const chosen = values.design === undefined ? all : [findDesign(file, all, values.design)];
    if (chosen.length === 0) throw new CliError(`${file}: the project has no designs`);
    const out = [];
    for (const d of chosen) {
      const run = await s.simulations.run({ projectId, designId: d.id, scenarios: classes, traffic }, { signal: new AbortController().signal, progress: () => {} });
      out.push({ design: d, ...run });
    }
    return out;
  });
  for (const r of saved) {
    if (traffic === 'intent' && r.summary.baseline.totalVolume === 0) io.err(emptyIntentTrafficNote(r.design.name, 'save again with --traffic gravity'));
    io.out(
      `saved sweep ${r.simulationId} of "${r.design.name}": ${r.summary.scenarioCount} scenarios, ${r.summary.disconnecting} disconnecting, ` +
        `worst utilisation ${pct(r.summary.worstUtilisation)}`,
    );
  }
  io.err(`sweep CSV: nettwin export ${file} --format csv --design ${saved[0]!.design.id} --out sweep.csv`);
  return 0;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const num = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(2));

function human(r: SimulationOutput, t: Topology): string {
  const out: string[] = [];
  out.push(`${r.design}: ${r.nodes} devices, ${r.links} links; traffic ${r.traffic} (total ${num(r.baseline.totalVolume)})`);
  out.push(`baseline: max link load ${num(r.baseline.maxLoad)}, max utilisation ${pct(r.baseline.maxUtilisation)}`);
  const byClass = new Map<string, number>();
  for (const s of r.scenarios) byClass.set(s.cls, (byClass.get(s.cls) ?? 0) + 1);
  out.push(`${r.scenarios.length} scenarios (${[...byClass].map(([k, v]) => `${k} ${v}`).join(', ')}) in ${(r.elapsedMs / 1000).toFixed(2)} s on ${r.threads} thread(s)`);
  const row = (s: ScenarioResult): (string | number)[] => [s.label, s.disconnectedPairs, s.isolatedSites, num(s.strandedDemand), num(s.stretchP95), num(s.stretchMax), pct(s.maxUtilisation), s.overloadedLinks];
  const head = ['scenario', 'cut pairs', 'isolated sites', 'stranded', 'stretch p95', 'stretch max', 'max util', 'over 100%'];
  const top = (key: (s: ScenarioResult) => number): ScenarioResult[] => [...r.scenarios].sort((a, b) => key(b) - key(a)).slice(0, 10);
  out.push('', 'worst by stranded demand', table(head, top((s) => s.strandedDemand).map(row)));
  out.push('', 'worst by max utilisation', table(head, top((s) => s.maxUtilisation).map(row)));
  out.push('', `failure sets of at most 2 elements that isolate a site: ${r.isolation.length}`);
  for (const s of r.isolation.slice(0, 10)) out.push(`  ${isolationInWords(t, s)}`);
  const a = r.availability;
  out.push('', `availability (${a.method}${a.samples ? `, ${a.samples} samples` : ''}): ${(100 * a.headline.availability).toFixed(4)} % mean over site pairs (${a.headline.downtimeMinutesPerYear.toFixed(0)} min/yr); every site up and connected at once ${(100 * a.network.availability).toFixed(4)} % [${(100 * a.network.ci95[0]).toFixed(4)}, ${(100 * a.network.ci95[1]).toFixed(4)}]`);
  const pairs = [...a.pairs].sort((x, y) => x.availability - y.availability).slice(0, 5);
  out.push(table(['site pair', 'availability', 'downtime min/yr'], pairs.map((p) => [`${p.a} – ${p.b}`, `${(100 * p.availability).toFixed(5)}%`, p.downtimeMinutesPerYear.toFixed(1)])));
  out.push('', 'convergence estimate (detection + LSA + flooding + SPF + FIB; the design\'s control plane), worst scenarios');
  out.push(
    table(
      ['scenario', 'detection', 'converged ms', 'median ms', 'restored ms', 'FRR protects'],
      r.convergence.map((c) => [c.scenario, c.estimate.detection ?? 'BFD', c.estimate.maxMs.toFixed(0), c.estimate.medianMs.toFixed(0), (c.estimate.restorationMs ?? c.estimate.maxMs).toFixed(0), `${c.estimate.protectedPct ?? 0} %`]),
    ),
  );
  // The slowest scenario in names, as the sweep panel and the pack print it (names.ts).
  if (r.convergenceHeadline) out.push(`convergence: ${convergenceWords(r.convergenceHeadline, labelNamer(elementNamer(t), r.scenarios))}`);
  return out.join('\n');
}

/**
 * On a terminal, the worst scenarios finished so far while the sweep runs (the
 * sweep reports them with each progress heartbeat, ~every 200 ms), so a long
 * sweep names its worst failures within about a second instead of staying
 * silent: the first as soon as it is known, then whenever it changes, at most
 * every 2 s. Not when stderr is a pipe or a file (scripts read the report).
 */
function streamed(io: CliIo): { onWorstSoFar?: (w: WorstSoFar) => void } {
  if (process.stderr.isTTY !== true) return {};
  let last = -Infinity;
  let said: string | null = null;
  return {
    onWorstSoFar: (w) => {
      const words = worstSoFarInWords(w);
      const now = performance.now();
      if (words === null || words === said || now - last < 2000) return;
      said = words;
      last = now;
      // performance.now() counts from the process's start: the time the user has waited.
      io.err(`  ${(now / 1000).toFixed(1)} s, ${w.done} scenarios done — ${words}`);
    },
  };
}

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'Full failure impact report of a design: scenarios, rerouted traffic, isolation, availability',
  usage:
    'nettwin simulate FILE.nettwin|design.json|FILE.graphml|SNDLIB.txt|REPETITA.graph [--scenarios n1,n2,srlg,sites,regions] ' +
    '[--traffic intent|uniform|gravity|hub-centric|FILE.json|SNDLIB.txt|REPETITA.demands] [--json] [--threads N] [--design ID|NAME|FAMILY] [--n2-sample N] [--seed N] [--save]',
  run: async (args, io) => {
    const { values, positionals } = parseCli(args, {
      scenarios: { type: 'string' },
      traffic: { type: 'string' },
      json: { type: 'boolean' },
      threads: { type: 'string' },
      design: { type: 'string' },
      'n2-sample': { type: 'string' },
      seed: { type: 'string' },
      save: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new CliError('expected exactly one FILE');
    const file = positionals[0]!;
    const classes = [...new Set((values.scenarios ?? 'n1').split(',').flatMap((c) => {
      const k = CLASS_OF[c.trim()];
      if (k === undefined) throw new CliError(`--scenarios: unknown class "${c}" (use n1, n2, srlg, sites, regions)`);
      return k;
    }))];
    const threads = intOption(values.threads, 'threads', availableParallelism());
    if (threads < 1 || threads > 256) throw new CliError('--threads must be between 1 and 256');
    const n2Sample = intOption(values['n2-sample'], 'n2-sample', 20_000);
    const seed = intOption(values.seed, 'seed', 1);
    const tr = values.traffic ?? 'intent';
    const readTraffic = (): { option: SweepTraffic; unitGbps: number | undefined } =>
      tr === 'intent' || tr === 'uniform' || tr === 'gravity' || tr === 'hub-centric' ? { option: tr, unitGbps: undefined } : trafficFile(tr);
    if (values.save) {
      const { option, unitGbps } = readTraffic();
      return saveSweeps(io, file, values, classes, option, unitGbps);
    }
    let designs: Topology[] = [];
    let traffic: SweepTraffic = 'intent';
    // The sweep's workers start loading first, then the files are read (same order of errors as before).
    const run = impactRun(threads);
    let reports: ImpactReportShape[];
    try {
      const read = readTraffic();
      traffic = read.option;
      designs = await designsOf(file, values.design);
      reports = await run.run(designs, { scenarios: classes, traffic, threads, n2Sample, seed, unitGbps: read.unitGbps, ...streamed(io) });
    } catch (err) {
      if (err instanceof AppError && err.code === 'INVALID_INPUT') throw new CliError(`${path.basename(file)}: ${err.message}`);
      throw err;
    } finally {
      await run.close();
    }
    // Intent traffic on a design that states none carries nothing: said on stderr (keeps --json parseable) and atop the report.
    const empty = traffic === 'intent' ? reports.filter((r) => r.baseline.totalVolume === 0).map((r) => emptyIntentTrafficNote(r.design, 'run with --traffic gravity')) : [];
    for (const e of empty) io.err(e);
    if (values.json) io.out(JSON.stringify(file.endsWith(PROJECT_EXTENSION) ? { project: file, designs: reports } : reports[0]));
    else {
      const assumed = assumedFor.get(file);
      if (assumed !== undefined && assumed.notes.length > 0) io.out(`read ${path.basename(file)} as ${assumed.as}: ${assumed.notes.join('; ')}`);
      io.out(reports.map((r, k) => human(r, designs[k]!)).join('\n\n'));
    }
    return 0;
  },
};
