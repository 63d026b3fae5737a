/**
 * `npm run bench:import`: huge GraphML imports, measured per size in a child
 * process of their own so each peak memory figure is that size's alone.
 *
 * For 5,000 / 20,000 / 50,000 / 100,000 nodes (`--sizes 5000,50000` to
 * choose) a Topology Zoo–style file is generated (test/shared/io/huge-graphml.ts,
 * seeded) and imported through
 * - the host: ExchangeService.importDesign as the `design:importJob` channel
 *   runs it (read in slices with progress, build, store in a project file),
 *   with the longest event-loop stall while it ran (what another call waits);
 * - the CLI: `nettwin import FILE --out P.nettwin`, in-process.
 * Then a file over the node limit, to show it stops early with its message.
 * Prints file size, nodes, links, parse/build/store/total ms and peak RSS
 * (getrusage maxRSS: the process's high-water mark).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { zooGraphmlChunks } from '../../test/shared/io/huge-graphml';

const here = fileURLToPath(import.meta.url);
const peakMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

interface HostFigures {
  mode: 'host';
  nodes: number;
  links: number;
  parseMs: number;
  buildMs: number;
  storeMs: number;
  totalMs: number;
  stallMs: number;
  peakMb: number;
}
interface CliFigures {
  mode: 'cli';
  totalMs: number;
  peakMb: number;
  exit: number;
}
interface LimitFigures {
  mode: 'limit';
  totalMs: number;
  peakMb: number;
  message: string;
}

async function childHost(file: string): Promise<HostFigures> {
  const { createServices } = await import('../../src-main/services/container');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-bench-import-'));
  const s = createServices({ mode: 'browser', projectsDir: path.join(dir, 'projects'), dataDir: path.join(dir, 'data') });
  try {
    const project = s.projects.create('Import bench');
    const text = fs.readFileSync(file, 'utf8');
    const marks = new Map<string, number>();
    const loop = monitorEventLoopDelay({ resolution: 5 });
    const t0 = performance.now();
    loop.enable();
    const out = await s.exchange.importDesign(
      { projectId: project.id, fileName: path.basename(file), text },
      {
        signal: new AbortController().signal,
        progress: (_done, _total, message = '') => {
          const phase = message.split(' ')[0]!;
          if (!marks.has(phase)) marks.set(phase, performance.now());
        },
      },
    );
    const t1 = performance.now();
    // The delay of a block is recorded when the sampling timer fires after it: give it that chance.
    await new Promise((r) => setTimeout(r, 50));
    loop.disable();
    const building = marks.get('building') ?? t1;
    const storing = marks.get('storing') ?? t1;
    return {
      mode: 'host',
      nodes: out.summary.nodeCount,
      links: out.summary.linkCount,
      parseMs: building - t0,
      buildMs: storing - building,
      storeMs: t1 - storing,
      totalMs: t1 - t0,
      stallMs: loop.max / 1e6,
      peakMb: peakMb(),
    };
  } finally {
    s.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function childCli(file: string): Promise<CliFigures> {
  const { main } = await import('../../src-main/cli/main');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-bench-import-'));
  try {
    const t0 = performance.now();
    const exit = await main(['import', file, '--json', '--out', path.join(dir, 'bench.nettwin')], { out: () => undefined, err: (t) => console.error(t) });
    return { mode: 'cli', totalMs: performance.now() - t0, peakMb: peakMb(), exit };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function childLimit(file: string): Promise<LimitFigures> {
  const { importGraphml } = await import('../../src-shared/io/graphml');
  const text = fs.readFileSync(file, 'utf8');
  const t0 = performance.now();
  let message = 'accepted (the limit did not hold)';
  try {
    importGraphml(text, path.basename(file));
  } catch (err) {
    message = (err as Error).message;
  }
  return { mode: 'limit', totalMs: performance.now() - t0, peakMb: peakMb(), message };
}

function run<T>(mode: string, file: string): T {
  const r = spawnSync(process.execPath, ['--import', 'tsx', here, '--child', mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`${mode} ${file} failed (exit ${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return JSON.parse(line) as T;
}

function writeZoo(file: string, nodes: number): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const chunk of zooGraphmlChunks(nodes)) fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}

/** The smallest GraphML a node can take: the most nodes per byte, the worst case for the count limit. */
function writeBare(file: string, nodes: number): void {
  let s = '<?xml version="1.0"?><graphml><graph edgedefault="undirected">\n';
  for (let i = 0; i < nodes; i++) s += `<node id="n${i}"/>\n`;
  fs.writeFileSync(file, `${s}</graph></graphml>\n`);
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const pad = (s: string | number, w: number): string => String(s).padStart(w);

async function parent(sizes: number[]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-bench-import-files-'));
  try {
    console.log('NetTwin import bench: Topology Zoo–style GraphML (~1.3 links per node, 2% parallel), one child process per measurement\n');
    console.log('host = design:importJob path (ExchangeService: read and build in a worker thread, store in the host); stall = longest event-loop block; cli = nettwin import');
    console.log(['nodes', 'file MB', 'links', 'parse ms', 'build ms', 'store ms', 'total ms', 'peak RSS MB', 'stall ms', 'cli ms', 'cli peak MB'].map((h, i) => pad(h, i === 0 ? 8 : 11)).join(' '));
    for (const n of sizes) {
      const file = path.join(dir, `zoo-${n}.graphml`);
      writeZoo(file, n);
      const mb = fs.statSync(file).size / 1048576;
      const host = run<HostFigures>('host', file);
      const cli = run<CliFigures>('cli', file);
      if (cli.exit !== 0) throw new Error(`nettwin import exited ${cli.exit} for ${n} nodes`);
      console.log(
        [pad(fmt(host.nodes), 8), ...[mb.toFixed(1), fmt(host.links), fmt(host.parseMs), fmt(host.buildMs), fmt(host.storeMs), fmt(host.totalMs), fmt(host.peakMb), fmt(host.stallMs), fmt(cli.totalMs), fmt(cli.peakMb)].map((v) => pad(v, 11))].join(' '),
      );
      fs.rmSync(file);
    }
    const bare = path.join(dir, 'bare-150000.graphml');
    writeBare(bare, 150_000);
    const limit = run<LimitFigures>('limit', bare);
    console.log(`\nover the node limit: 150,000 bare nodes (${(fs.statSync(bare).size / 1048576).toFixed(1)} MB) stopped in ${fmt(limit.totalMs)} ms, peak RSS ${fmt(limit.peakMb)} MB:\n  ${limit.message}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  const [, mode, file] = args as [string, string, string];
  const figures = mode === 'host' ? await childHost(file) : mode === 'cli' ? await childCli(file) : await childLimit(file);
  console.log(JSON.stringify(figures));
} else {
  const at = args.indexOf('--sizes');
  const sizes = at >= 0 ? (args[at + 1] ?? '').split(',').map(Number).filter((n) => n > 0) : [5_000, 20_000, 50_000, 100_000];
  await parent(sizes);
}
