// Two races of issue 14, each between real processes, for `npm run
// durability` (many rounds) and test/main/store/races.test.ts:
// - lockRace: two processes take one project's lock at the same millisecond;
//   in every round exactly one must hold it (half the rounds start from a
//   lock left by a dead process, so the stale takeover races too).
// - saveAsRace: the host's Save As to "U" while `nettwin generate --out U`
//   creates it in another process; whatever succeeds must be in U afterwards.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toIpcError } from '../../src-shared/contract/result';
import { EventBus } from '../../src-main/services/events';
import { FolderLocator } from '../../src-main/services/locator';
import { ProjectService } from '../../src-main/services/projects';
import { RecentProjects } from '../../src-main/services/recent';
import { lockPathFor } from '../../src-main/store/lock';
import { openProjectFile } from '../../src-main/store/projectFile';
import { taggedTopology } from './tagged';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A long-lived second process answering one JSON line per command. */
export class Worker {
  private readonly proc: ChildProcessWithoutNullStreams;
  private buffered = '';
  private waiting: ((msg: Record<string, unknown>) => void)[] = [];
  readonly ready: Promise<Record<string, unknown>>;

  constructor() {
    this.proc = spawn(process.execPath, ['--import', 'tsx', WORKER], { cwd: ROOT });
    this.ready = new Promise((resolve) => this.waiting.push(resolve));
    this.proc.stdout.on('data', (d: Buffer) => {
      this.buffered += d.toString();
      let nl: number;
      while ((nl = this.buffered.indexOf('\n')) >= 0) {
        const line = this.buffered.slice(0, nl);
        this.buffered = this.buffered.slice(nl + 1);
        this.waiting.shift()?.(JSON.parse(line) as Record<string, unknown>);
      }
    });
  }

  send(cmd: Record<string, unknown>): Promise<Record<string, unknown>> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.proc.stdin.write(`${JSON.stringify(cmd)}\n`);
    });
  }

  stop(): void {
    this.proc.kill();
  }
}

/** A pid that runs nowhere on this machine (for a lock "left by a crash"). */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid += 7919) {
    try {
      process.kill(pid, 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

export interface LockRaceResult { rounds: number; staleRounds: number; bothHeld: number; noneHeld: number; failures: string[]; seconds: number }

export async function lockRace(dir: string, rounds: number): Promise<LockRaceResult> {
  const started = Date.now();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'raced.nettwin');
  const a = new Worker();
  const b = new Worker();
  const r: LockRaceResult = { rounds: 0, staleRounds: 0, bothHeld: 0, noneHeld: 0, failures: [], seconds: 0 };
  try {
    await Promise.all([a.ready, b.ready]);
    const dead = deadPid();
    for (let i = 0; i < rounds; i++) {
      const stale = i % 2 === 1;
      if (stale) {
        fs.writeFileSync(lockPathFor(file), JSON.stringify({ pid: dead, host: os.hostname(), app: 'crashed NetTwin', openedAt: 0 }));
        r.staleRounds++;
      }
      const at = Date.now() + 15;
      const [ra, rb] = await Promise.all([a.send({ op: 'lock', file, at }), b.send({ op: 'lock', file, at })]);
      const held = [ra.held, rb.held].filter(Boolean).length;
      if (held === 2) r.bothHeld++;
      if (held === 0) r.noneHeld++;
      for (const x of [ra, rb]) if (!x.held && x.error !== 'ProjectLockedError') r.failures.push(`round ${i + 1}: unexpected ${String(x.error)}`);
      await Promise.all([a.send({ op: 'unlock' }), b.send({ op: 'unlock' })]);
      if (fs.existsSync(lockPathFor(file))) r.failures.push(`round ${i + 1}: the lock file outlived both holders`);
      r.rounds++;
    }
  } finally {
    a.stop();
    b.stop();
  }
  if (r.bothHeld > 0) r.failures.push(`both processes held the lock in ${r.bothHeld} of ${r.rounds} rounds`);
  if (r.noneHeld > 0) r.failures.push(`neither process got the lock in ${r.noneHeld} of ${r.rounds} rounds`);
  r.seconds = (Date.now() - started) / 1000;
  return r;
}

export interface SaveAsRaceResult { rounds: number; bothOk: number; saveAsRefused: number; cliRefused: number; lost: number; failures: string[]; seconds: number }

/**
 * Each round: a project of ~6 MB is Saved As "U<i>" in this process (the
 * host) while another process runs the CLI's create-and-record on the same
 * file, started at a random moment inside the copy. Odd rounds call the
 * store's saveCopy directly (no destination lock), so the exclusive publish
 * is what must hold.
 */
export async function saveAsRace(dir: string, rounds: number): Promise<SaveAsRaceResult> {
  const started = Date.now();
  fs.mkdirSync(dir, { recursive: true });
  const projects = new ProjectService(new FolderLocator(dir), new EventBus(), new RecentProjects(null));
  const big = path.join(dir, 'big.nettwin');
  const p = openProjectFile(big, { create: { name: 'big' } });
  for (let i = 0; i < 12; i++) p.topologies.insert({ name: `big ${i}`, topology: taggedTopology(`big-${i}`, 2500), source: 'imported' });
  const bigDesigns = p.topologies.count();
  p.close();
  projects.openById('big.nettwin');
  // How long one copy takes here, to start the CLI somewhere inside it.
  let t = Date.now();
  await projects.get('big.nettwin').saveCopy(path.join(dir, 'timing.nettwin'));
  const copyMs = Math.max(5, Date.now() - t);
  fs.rmSync(path.join(dir, 'timing.nettwin'));

  const cli = new Worker();
  const r: SaveAsRaceResult = { rounds: 0, bothOk: 0, saveAsRefused: 0, cliRefused: 0, lost: 0, failures: [], seconds: 0 };
  try {
    await cli.ready;
    for (let i = 0; i < rounds; i++) {
      const name = `U${i}`;
      const dest = path.join(dir, `${name}.nettwin`);
      const viaStore = i % 2 === 1;
      const at = Date.now() + 20 + Math.floor(Math.random() * copyMs * 1.5);
      t = Date.now();
      const cliDone = cli.send({ op: 'create', file: dest, at, tag: name });
      await new Promise((res) => setTimeout(res, 20));
      let saveOk = false;
      try {
        if (viaStore) await projects.get('big.nettwin').saveCopy(dest, { name });
        else await projects.saveAs('big.nettwin', name);
        saveOk = true;
      } catch (err) {
        const e = toIpcError(err);
        if (e.code !== 'CONFLICT' && e.code !== 'LOCKED') r.failures.push(`round ${i + 1}: Save As failed with ${e.code} ${e.message}`);
      }
      projects.close(`${name}.nettwin`);
      const c = await cliDone;
      if (!c.ok && !/ProjectLockedError|TargetExists/.test(String(c.error))) r.failures.push(`round ${i + 1}: the CLI failed with ${String(c.error)}`);
      if (saveOk && c.ok) r.bothOk++;
      if (!saveOk) r.saveAsRefused++;
      if (!c.ok) r.cliRefused++;
      // Whatever was acknowledged is in U<i>.
      const u = openProjectFile(dest, { readOnly: true });
      try {
        const ids = new Set(u.topologies.list().map((d) => d.id));
        if (c.ok && !ids.has(c.id as string)) {
          r.lost++;
          r.failures.push(`round ${i + 1}: the CLI's acknowledged design is not in ${name}.nettwin`);
        }
        if (saveOk && u.topologies.list().filter((d) => d.name.startsWith('big ')).length !== bigDesigns) {
          r.lost++;
          r.failures.push(`round ${i + 1}: the acknowledged Save As is not in ${name}.nettwin`);
        }
      } finally {
        u.close();
      }
      if (!saveOk && !c.ok) r.failures.push(`round ${i + 1}: both refused`);
      fs.rmSync(dest);
      r.rounds++;
    }
  } finally {
    cli.stop();
    projects.closeAll();
  }
  const left = fs.readdirSync(dir).filter((n) => /\.tmp-|-journal$|\.lock$/.test(n));
  if (left.length > 0) r.failures.push(`left behind: ${left.join(', ')}`);
  r.seconds = (Date.now() - started) / 1000;
  return r;
}
