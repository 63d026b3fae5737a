import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRng } from '../../src-shared/generate/rng';
import { HostClient } from './api';
import { SoakClient } from './client';
import { countFds, fdGrowth, fdKinds, listeningAddresses, readProcMemory, startSoakHost, type SoakHost } from './host';
import { Ledger } from './ledger';
import { probeLock, type LockProbe } from './lockProbe';
import { Stats } from './stats';
import { verifyProjects, type VerifyReport } from './verify';

export interface SoakOptions {
  seconds: number;
  clients: number;
  /** Light traffic (one of each kind of call) before the baseline is taken. */
  warmupSeconds?: number;
  /** Quiet time before each memory reading: longer than the host's 5 s keep-alive, so client sockets are gone. */
  settleSeconds?: number;
  seed?: number;
  log?: (line: string) => void;
}

/**
 * "Memory returned to its baseline": final RSS ≤ baseline + max(25 %, 64 MiB).
 * RSS never falls back exactly: V8 keeps heap pages it may reuse, glibc keeps
 * freed malloc arenas (SQLite page caches, worker threads), so some slack is
 * normal. A leak of even 1 KiB per call over a 5-minute soak (tens of
 * thousands of calls) would exceed it, and so would a leaked project
 * connection or unreleased sweep result per job.
 */
export const MEMORY_RULE = 'final RSS ≤ baseline + max(25 % of baseline, 64 MiB)';
export function memoryReturned(baseline: number, final: number): boolean {
  return final <= baseline + Math.max(0.25 * baseline, 64 * 1024 * 1024);
}
/** Descriptors may differ by a few (lazily opened epoll/eventfd handles); a leak per project or per connection is many more. */
export const FD_SLACK = 4;

export interface SoakReport {
  seconds: number;
  clients: number;
  sharedProjects: number;
  stats: Stats;
  ledger: Ledger;
  lock: LockProbe;
  memory: { baseline: number; peakSampled: number; hwm: number; final: number; returned: boolean; timeline: number[] };
  fds: { before: number; after: number; grown: string[] };
  /** TCP addresses the host listens on. */
  listening: string[];
  /** Cores and 1-minute load average around the run: figures on a shared machine are noisy. */
  machine: { cores: number; loadBefore: number; loadAfter: number };
  stop: { code: number | null; ms: number };
  hostStderr: string;
  verify: VerifyReport;
  failures: string[];
  pass: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Starts a host child, loads it with `clients` users for `seconds`, stops it, and checks every file and figure. */
export async function runSoak(opts: SoakOptions): Promise<SoakReport> {
  const log = opts.log ?? (() => undefined);
  const settleMs = (opts.settleSeconds ?? 15) * 1000;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-soak-'));
  const projectsDir = path.join(root, 'projects');
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(projectsDir);
  const host = await startSoakHost({ projectsDir, dataDir, token: randomBytes(24).toString('base64url') });
  log(`host pid ${host.pid} on 127.0.0.1:${host.port}; files in ${root}`);
  const listening = listeningAddresses(host.pid);
  const loadBefore = os.loadavg()[0]!;
  const stats = new Stats();
  const ledger = new Ledger();
  const failures: string[] = [];
  try {
    await warmUp(host, stats, ledger, (opts.warmupSeconds ?? 10) * 1000);
    await sleep(settleMs);
    const baseline = readProcMemory(host.pid).rss;
    const fdsBefore = countFds(host.pid);
    const kindsBefore = fdKinds(host.pid);
    log(`baseline RSS ${mb(baseline)} MB, ${fdsBefore} fds; ${opts.clients} clients for ${opts.seconds} s`);

    let peak = baseline;
    const samples: number[] = [];
    const sampler = setInterval(() => {
      if (host.exited()) return;
      const rss = readProcMemory(host.pid).rss;
      samples.push(rss);
      peak = Math.max(peak, rss);
    }, 1000);
    const until = Date.now() + opts.seconds * 1000;
    const shared = Math.max(1, Math.floor(opts.clients / 6));
    const apis: HostClient[] = [];
    const runs = Array.from({ length: opts.clients }, (_, i) => {
      const api = new HostClient(host.port, host.token, stats);
      apis.push(api);
      const isShared = i % 2 === 0;
      const client = new SoakClient({
        index: i, projectName: isShared ? `shared-${(i / 2) % shared}` : `client-${i}`, shared: isShared,
        api, ledger, stats, rng: createRng(opts.seed ?? 1, `soak client ${i}`), until, jobTimeoutMs: 240_000,
      });
      return client.run().catch((err: unknown) => stats.fail(`client ${i} crashed: ${String(err)}`));
    });
    const sharedFiles = Array.from({ length: shared }, (_, k) => path.join(projectsDir, `shared-${k}.nettwin`));
    const lock = await probeWhileRunning(sharedFiles, Promise.all(runs));
    clearInterval(sampler);
    for (const a of apis) a.close();
    log(`load stopped after ${stats.totalCalls} calls`);

    // Close every project through the API, as the UI would, before measuring what is left.
    const closer = new HostClient(host.port, host.token, new Stats());
    for (const id of fs.readdirSync(projectsDir).filter((n) => n.endsWith('.nettwin'))) {
      const out = await closer.call('project:close', { id });
      if (!out.ok) failures.push(`closing ${id} failed: ${JSON.stringify(out)}`);
    }
    closer.close();
    await sleep(settleMs);
    const mem = readProcMemory(host.pid);
    const fdsAfter = countFds(host.pid);
    const grown = fdGrowth(kindsBefore, fdKinds(host.pid));
    const stop = await host.stop();
    const verify = verifyProjects(projectsDir, ledger, [path.join(dataDir, 'knowledge.nettwin')]);

    const memory = {
      baseline, peakSampled: peak, hwm: mem.hwm, final: mem.rss, returned: memoryReturned(baseline, mem.rss),
      // RSS at each tenth of the load: a leak climbs to the end, a warming allocator levels off.
      timeline: Array.from({ length: 10 }, (_, i) => samples[Math.min(samples.length - 1, Math.floor(((i + 1) * samples.length) / 10) - 1)] ?? baseline),
    };
    if (listening.length === 0 || listening.some((a) => !a.startsWith('127.0.0.1:'))) failures.push(`host listens on ${listening.join(', ') || 'nothing'}; loopback only expected`);
    if (stats.unexpectedCount > 0) failures.push(`${stats.unexpectedCount} unexpected errors`);
    if (lock.admitted > 0) failures.push(`a second process was let in as a writer ${lock.admitted} times`);
    if (lock.problems.length > 0) failures.push(...lock.problems);
    if (!memory.returned) failures.push(`memory did not return: ${MEMORY_RULE} (baseline ${mb(baseline)} MB, final ${mb(mem.rss)} MB)`);
    if (fdsAfter > fdsBefore + FD_SLACK) failures.push(`file descriptors leaked: ${fdsBefore} before, ${fdsAfter} after (${grown.join(', ')})`);
    if (stop.code !== 0) failures.push(`host did not stop cleanly (exit code ${stop.code})`);
    if (stats.simsCompleted === 0) failures.push('no simulation completed: the load did not exercise sweeps');
    if (ledger.editCount === 0) failures.push('no edit was acknowledged: the load did not exercise edits');
    failures.push(...verify.problems);
    return {
      seconds: opts.seconds, clients: opts.clients, sharedProjects: shared, stats, ledger, lock, memory,
      fds: { before: fdsBefore, after: fdsAfter, grown }, listening,
      machine: { cores: os.availableParallelism(), loadBefore, loadAfter: os.loadavg()[0]! }, stop, hostStderr: host.stderr(), verify, failures, pass: failures.length === 0,
    };
  } finally {
    if (!host.exited()) await host.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Peeks at the shared projects from this process every few seconds while the clients run. */
async function probeWhileRunning(files: string[], running: Promise<unknown>): Promise<LockProbe> {
  const total: LockProbe = { attempts: 0, locked: 0, admitted: 0, readOnlyReads: 0, problems: [] };
  let done = false;
  void running.then(() => (done = true));
  let k = 0;
  while (!done) {
    await Promise.race([running, sleep(5000)]);
    if (done) break;
    const file = files[k++ % files.length]!;
    if (!fs.existsSync(file)) continue;
    const r = probeLock(file);
    total.attempts += r.attempts;
    total.locked += r.locked;
    total.admitted += r.admitted;
    total.readOnlyReads += r.readOnlyReads;
    total.problems.push(...r.problems);
  }
  return total;
}

/** One of each kind of work on a throw-away project, so lazy start-up (worker pool, knowledge base) is in the baseline. */
async function warmUp(host: SoakHost, stats: Stats, ledger: Ledger, ms: number): Promise<void> {
  const api = new HostClient(host.port, host.token, stats);
  await api.openEvents();
  const t0 = Date.now();
  const client = new SoakClient({
    index: 999, projectName: 'warmup', shared: false, api, ledger, stats,
    rng: createRng(7, 'soak warm-up'), until: t0 + ms, jobTimeoutMs: 120_000,
  });
  await client.run({ everyStepFirst: true });
  if (client.projectId !== '') await api.call('project:close', { id: client.projectId });
  api.close();
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
