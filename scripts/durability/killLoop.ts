// The kill loop: a child process writes to a project folder through
// NetTwin's own code (create, save, export, Save As copy, CLI import, CLI
// optimize) and is SIGKILLed at a random moment, again and again. After
// every kill the folder is checked as the next NetTwin would find it: the
// project opens (a killed write's journal rolled back), passes
// integrity_check, and holds every write the child had acknowledged; every
// project file in the folder is whole; the temps the dead child left are
// swept and nothing else is left behind. Used by `npm run durability` (many
// kills) and by test/main/store/kill-loop.test.ts (a few).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src-main/cli/main';
import { OptimiseService } from '../../src-main/services/optimise';
import { sweepDeadTemps } from '../../src-main/store/atomicFile';
import { hasHotJournal } from '../../src-main/store/journal';
import { inspectProjectFile, openProjectFile } from '../../src-main/store/projectFile';
import { taggedTopology } from './tagged';

const CHILD = fileURLToPath(new URL('./killChild.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface KillLoopOptions {
  dir: string;
  kills: number;
  /** 'create': every operation is a project create; 'mixed': create, save, export, Save As, import, optimise. */
  mode: 'mixed' | 'create';
  seed?: number;
  /** Longest wait after the child is ready before the kill (ms). */
  maxDelayMs?: number;
  log?: (line: string) => void;
}

export interface KillLoopResult {
  kills: number;
  /** The operation each kill interrupted ('between' when it fell between two). */
  killedDuring: Record<string, number>;
  acknowledged: number;
  ackedByOp: Record<string, number>;
  journalsRolledBack: number;
  tempsSwept: number;
  filesChecked: number;
  failures: string[];
  seconds: number;
}

interface Ledger {
  saves: Map<string, { revision: number; tag: string }>;
  imports: Set<string>;
  optimise: Map<string, { revision: number; steps: string[] }>;
  files: Map<string, { op: string; designs?: number }>;
}

const INTENT = {
  name: 'Kill-loop retail', redundancy: 'STANDARD', goal: 'cost', budgetUsd: 4_000_000, growthHeadroomPct: 10,
  siteGroups: [
    { role: 'hq', region: 'eu-west', sites: [{ name: 'Dublin HQ', lat: 53.3498, lon: -6.2603, users: 400, bandwidthMbps: 5000 }] },
    { role: 'datacenter', region: 'eu-west', sites: [{ name: 'Dublin colo DC', lat: 53.3331, lon: -6.2489, bandwidthMbps: 20000 }] },
    { role: 'branch', name: 'store', region: 'eu-west', count: 12, usersPerSite: 15, bandwidthMbpsPerSite: 100 },
  ],
};

async function setUp(dir: string, project: string, mode: KillLoopOptions['mode']): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  if (mode === 'create') return;
  const intent = path.join(dir, 'intent.json');
  fs.writeFileSync(intent, JSON.stringify(INTENT));
  const errors: string[] = [];
  const code = await main(['generate', '--intent', intent, '--family', 'hub-spoke', '--out', project], { out: () => undefined, err: (t) => errors.push(t) });
  if (code !== 0) throw new Error(`kill loop set-up: nettwin generate exited ${code}: ${errors.join(' ')}`);
  const p = openProjectFile(project);
  try {
    for (let i = 0; i < 4; i++) p.topologies.insert({ name: `tagged-${i}`, topology: taggedTopology(`tagged-0-${i}`, 400), source: 'imported' });
  } finally {
    p.close();
  }
}

/** Runs one child until it is killed; returns the acks it printed and what it was doing. */
async function runChild(opts: KillLoopOptions, project: string, seed: number, delayMs: number): Promise<{ acks: Record<string, unknown>[]; during: string; error?: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, opts.dir, project, String(seed), opts.mode], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const acks: Record<string, unknown>[] = [];
  let during = 'between';
  let buffered = '';
  let stderr = '';
  let error: string | undefined;
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve) => {
    let killTimer: NodeJS.Timeout | undefined;
    proc.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        const msg = JSON.parse(line) as Record<string, unknown>;
        if (msg.ready) killTimer = setTimeout(() => proc.kill('SIGKILL'), delayMs);
        else if (typeof msg.begin === 'string') during = msg.begin;
        else if (typeof msg.ack === 'string') {
          acks.push(msg);
          during = 'between';
        } else if (typeof msg.error === 'string') error = msg.error;
      }
    });
    void exited.then(() => {
      clearTimeout(killTimer);
      resolve();
    });
  });
  const code = await exited;
  if (code !== null && error === undefined) {
    const lines = stderr.trim().split('\n');
    const first = lines.find((l) => /Error|error:/.test(l)) ?? '';
    error = `child exited by itself (${code}): ${first} … ${lines.slice(-2).join(' ')}`;
  }
  return { acks, during, ...(error !== undefined ? { error } : {}) };
}

function record(ledger: Ledger, ack: Record<string, unknown>): void {
  switch (ack.ack) {
    case 'save':
      ledger.saves.set(ack.design as string, { revision: ack.revision as number, tag: ack.tag as string });
      break;
    case 'import':
      ledger.imports.add(ack.name as string);
      break;
    case 'optimise': {
      const prev = ledger.optimise.get(ack.design as string);
      ledger.optimise.set(ack.design as string, { revision: ack.revision as number, steps: [...(prev?.steps ?? []), ...(ack.steps as string[])] });
      // A later save of another design does not touch this one; a save of this one is not made (saves pick tagged designs).
      break;
    }
    default:
      ledger.files.set(ack.file as string, { op: ack.ack as string, ...(typeof ack.designs === 'number' ? { designs: ack.designs } : {}) });
  }
}

/** Checks the folder as the next NetTwin finds it; returns problems (empty: all good). */
function verify(opts: KillLoopOptions, project: string, ledger: Ledger, result: KillLoopResult): string[] {
  const problems: string[] = [];
  const before = new Set(fs.readdirSync(opts.dir));
  if (opts.mode === 'mixed') {
    try {
      const p = openProjectFile(project); // takes over the dead child's lock, rolls back its journal if it was writing
      try {
        for (const [id, want] of ledger.saves) {
          const rec = p.topologies.get(id);
          if (rec.revision < want.revision) problems.push(`design ${id}: acknowledged revision ${want.revision}, found ${rec.revision}`);
          if (rec.revision === want.revision && rec.topology.name !== want.tag) problems.push(`design ${id}: revision ${want.revision} should be ${want.tag}, is ${rec.topology.name}`);
          const torn = rec.topology.nodes.filter((n) => n.name !== `${n.id}-${rec.topology.name}`);
          if (torn.length > 0) problems.push(`design ${id}: ${torn.length} nodes from another revision than ${rec.topology.name}`);
        }
        const names = new Set(p.topologies.list().map((d) => d.name));
        for (const n of ledger.imports) if (!names.has(n)) problems.push(`imported design ${n} was acknowledged and is gone`);
        const opt = new OptimiseService(() => p);
        for (const [design, want] of ledger.optimise) {
          const rec = p.topologies.get(design);
          if (rec.revision < want.revision) problems.push(`optimised design ${design}: acknowledged revision ${want.revision}, found ${rec.revision}`);
          const logged = new Set(opt.list({ projectId: project, designId: design }).map((e) => e.id));
          const missing = want.steps.filter((s) => !logged.has(s));
          if (missing.length > 0) problems.push(`optimised design ${design}: ${missing.length} acknowledged steps missing from its log`);
        }
      } finally {
        p.close();
      }
    } catch (err) {
      problems.push(`${path.basename(project)} does not open after the kill: ${(err as Error).message}`);
    }
  }
  // A killed writer's journal is rolled back by the next read-write open, as when a user opens the file.
  for (const name of fs.readdirSync(opts.dir)) {
    if (!name.endsWith('.nettwin-journal')) continue;
    try {
      openProjectFile(path.join(opts.dir, name.replace(/-journal$/, ''))).close();
    } catch (err) {
      problems.push(`${name.replace(/-journal$/, '')} does not open after the kill: ${(err as Error).message}`);
    }
  }
  const recovered = [...fs.readdirSync(opts.dir)].filter((n) => n.includes('.recover-') && !before.has(n));
  result.journalsRolledBack += recovered.filter((n) => !n.endsWith('-journal')).length;
  for (const n of recovered) fs.rmSync(path.join(opts.dir, n));
  result.tempsSwept += sweepDeadTemps(opts.dir).length;
  for (const [file, what] of ledger.files) {
    if (!fs.existsSync(file)) problems.push(`${path.basename(file)} (${what.op}) was acknowledged and is gone`);
  }
  for (const name of fs.readdirSync(opts.dir)) {
    const full = path.join(opts.dir, name);
    if (/\.tmp-|\.takeover/.test(name)) problems.push(`${name} left behind after the sweep`);
    // A journal whose header was never synced (first byte 0) is not hot: SQLite ignores it and the next write replaces it.
    if (name.endsWith('-journal') && hasHotJournal(full.replace(/-journal$/, ''))) problems.push(`${name}: a hot journal left after a read-write open`);
    if (!name.endsWith('.nettwin')) continue;
    if (fs.statSync(full).size === 0) problems.push(`${name} is empty`);
    try {
      inspectProjectFile(full);
      result.filesChecked++;
    } catch (err) {
      problems.push(`${name}: ${(err as Error).message}`);
    }
  }
  // Copies checked whole are removed so the folder stays small; the project and the ledger stay.
  for (const [file, what] of ledger.files) {
    if (what.designs !== undefined && what.op === 'saveAs') {
      const c = openProjectFile(file, { readOnly: true });
      if (c.topologies.count() !== what.designs) problems.push(`${path.basename(file)}: ${c.topologies.count()} designs, acknowledged ${what.designs}`);
      c.close();
    }
    fs.rmSync(file, { force: true });
  }
  for (const name of fs.readdirSync(opts.dir)) {
    if (name !== path.basename(project) && name.endsWith('.nettwin')) fs.rmSync(path.join(opts.dir, name)); // unacknowledged but whole
  }
  ledger.files.clear();
  return problems;
}

export async function killLoop(opts: KillLoopOptions): Promise<KillLoopResult> {
  const started = Date.now();
  const project = path.join(opts.dir, 'kill-loop.nettwin');
  await setUp(opts.dir, project, opts.mode);
  const ledger: Ledger = { saves: new Map(), imports: new Set(), optimise: new Map(), files: new Map() };
  const result: KillLoopResult = {
    kills: 0, killedDuring: {}, acknowledged: 0, ackedByOp: {}, journalsRolledBack: 0, tempsSwept: 0, filesChecked: 0, failures: [], seconds: 0,
  };
  let seed = opts.seed ?? 14;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  for (let i = 0; i < opts.kills; i++) {
    const delay = 5 + next(opts.maxDelayMs ?? 400);
    const run = await runChild(opts, project, next(1 << 30) + 1, delay);
    if (run.error !== undefined) {
      result.failures.push(`kill ${i + 1}: ${run.error}`);
      break;
    }
    result.kills++;
    result.killedDuring[run.during] = (result.killedDuring[run.during] ?? 0) + 1;
    for (const ack of run.acks) {
      record(ledger, ack);
      result.acknowledged++;
      result.ackedByOp[ack.ack as string] = (result.ackedByOp[ack.ack as string] ?? 0) + 1;
    }
    const problems = verify(opts, project, ledger, result);
    for (const p of problems) result.failures.push(`kill ${i + 1} (during ${run.during}, after ${delay} ms): ${p}`);
    opts.log?.(`kill ${i + 1}/${opts.kills}: during ${run.during} after ${delay} ms, ${run.acks.length} acks, ${problems.length} problems`);
    if (result.failures.length > 20) break;
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}
