import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRng } from '../../src-shared/lib/rng';
import { HostClient } from './api';
import { SoakClient } from './client';
import { countFds, fdGrowth, fdKinds, listeningAddresses, startSoakHost, type SoakHost } from './host';
import { Ledger } from './ledger';
import { probeLock, type LockProbe } from './lockProbe';
import { heapReturned, MEMORY_RULE, readAtRest, RssSampler, rssReturned, type Reading } from './memory';
import { Stats } from './stats';
import { verifyProjects, type VerifyReport } from './verify';

export interface SoakOptions {
  seconds: number;
  clients: number;
  /** Full-concurrency load on throw-away projects before the baseline (default 20 s). */
  warmupSeconds?: number;
  /** Quiet time before each memory reading: longer than the host's 5 s keep-alive, so client sockets are gone. */
  settleSeconds?: number;
  seed?: number;
  log?: (line: string) => void;
}

/** Descriptors may differ by a few (lazily opened epoll/eventfd handles); a leak per project or per connection is many more. */
export const FD_SLACK = 4;

/**
 * The host's descriptor count once background work has settled. A worker
 * thread the host starts after the load (a predictor refit when history has
 * grown) holds its module files open while it loads them — a CI run caught
 * the count with seven of tsx's files open — and closes them once loaded; a
 * leaked descriptor stays open. So a count above `allowed` is read again
 * every 250 ms for up to 5 s, and the last reading is the figure.
 */
async function settledFds(pid: number, allowed: number): Promise<number> {
  let fds = countFds(pid);
  for (let i = 0; i < 20 && fds > allowed; i++) {
    await new Promise((r) => setTimeout(r, 250));
    fds = countFds(pid);
  }
  return fds;
}

export interface SoakReport {
  seconds: number;
  clients: number;
  sharedProjects: number;
  stats: Stats;
  ledger: Ledger;
  lock: LockProbe;
  memory: {
    /** After one client took every kind of step once: reported, not judged (see MEMORY_RULE). */
    cold: Reading;
    baseline: Reading;
    final: Reading;
    peak: number;
    timeline: number[];
    rssReturned: boolean;
    heapReturned: boolean;
  };
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
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

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
  const ledger = new Ledger();
  const failures: string[] = [];
  const closeAll = async (): Promise<void> => {
    // Every project closed through the API, as the UI would, before measuring what is left.
    const closer = new HostClient(host.port, host.token, new Stats());
    for (const id of fs.readdirSync(projectsDir).filter((n) => n.endsWith('.nettwin'))) {
      const out = await closer.call('project:close', { id });
      if (!out.ok) failures.push(`closing ${id} failed: ${JSON.stringify(out)}`);
    }
    closer.close();
    await sleep(settleMs);
  };
  try {
    // Warm-up, in two steps: every kind of step once (lazy start-up: worker pool, knowledge
    // base), read at rest; then every client at once for a while, so the baseline holds the
    // allocator's working size for this concurrency (see MEMORY_RULE).
    const warm = new Stats();
    await runClients(host, { clients: 1, seconds: 0, seed: 7, prefix: 'warm-once', everyStepFirst: true, stats: warm, ledger, projectsDir });
    await closeAll();
    const cold = await readAtRest(host);
    await runClients(host, { clients: opts.clients, seconds: opts.warmupSeconds ?? 20, seed: 8, prefix: 'warm', stats: warm, ledger, projectsDir });
    await closeAll();
    if (warm.unexpectedCount > 0) failures.push(`${warm.unexpectedCount} unexpected errors during the warm-up: ${warm.unexpected.slice(0, 3).join('; ')}`);
    const baseline = await readAtRest(host);
    const fdsBefore = countFds(host.pid);
    const kindsBefore = fdKinds(host.pid);
    log(`baseline RSS ${mb(baseline.rss)} MB (cold ${mb(cold.rss)} MB), ${fdsBefore} fds; ${opts.clients} clients for ${opts.seconds} s`);

    const stats = new Stats();
    const sampler = new RssSampler(host);
    const { lock, shared } = await runClients(host, {
      clients: opts.clients, seconds: opts.seconds, seed: opts.seed ?? 1, prefix: '', stats, ledger, projectsDir, probe: true,
    });
    const { peak, timeline } = sampler.stop();
    log(`load stopped after ${stats.totalCalls} calls`);
    await closeAll();
    const final = await readAtRest(host);
    const fdsAfter = await settledFds(host.pid, fdsBefore + FD_SLACK);
    const grown = fdGrowth(kindsBefore, fdKinds(host.pid));
    const stop = await host.stop();
    const verify = verifyProjects(projectsDir, ledger, [path.join(dataDir, 'knowledge.nettwin')]);

    const memory = {
      cold, baseline, final, peak, timeline,
      rssReturned: rssReturned(baseline.rss, final.rss),
      heapReturned: heapReturned(baseline.heap.heapUsed, final.heap.heapUsed),
    };
    if (listening.length === 0 || listening.some((a) => !a.startsWith('127.0.0.1:'))) failures.push(`host listens on ${listening.join(', ') || 'nothing'}; loopback only expected`);
    if (stats.unexpectedCount > 0) failures.push(`${stats.unexpectedCount} unexpected errors`);
    if (lock.admitted > 0) failures.push(`a second process was let in as a writer ${lock.admitted} times`);
    failures.push(...lock.problems);
    if (!memory.rssReturned || !memory.heapReturned) {
      failures.push(`memory did not return: ${MEMORY_RULE} (RSS ${mb(baseline.rss)} → ${mb(final.rss)} MB, heap ${mb(baseline.heap.heapUsed)} → ${mb(final.heap.heapUsed)} MB)`);
    }
    if (fdsAfter > fdsBefore + FD_SLACK) failures.push(`file descriptors leaked: ${fdsBefore} before, ${fdsAfter} after (${grown.join(', ')})`);
    if (stop.code !== 0) failures.push(`host did not stop cleanly (exit code ${stop.code})`);
    if (stats.simsCompleted === 0) failures.push('no simulation completed: the load did not exercise sweeps');
    if (ledger.editCount === 0) failures.push('no edit was acknowledged: the load did not exercise edits');
    failures.push(...verify.problems);
    return {
      seconds: opts.seconds, clients: opts.clients, sharedProjects: shared, stats, ledger, lock, memory,
      fds: { before: fdsBefore, after: fdsAfter, grown }, listening,
      machine: { cores: os.availableParallelism(), loadBefore, loadAfter: os.loadavg()[0]! },
      stop, hostStderr: host.stderr(), verify, failures, pass: failures.length === 0,
    };
  } finally {
    if (!host.exited()) await host.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

interface LoadOptions {
  clients: number;
  seconds: number;
  seed: number;
  /** Project names start with it; '' for the measured load. */
  prefix: string;
  everyStepFirst?: boolean;
  stats: Stats;
  ledger: Ledger;
  projectsDir: string;
  /** Peek at the shared projects from this process (a second NetTwin) while the clients run. */
  probe?: boolean;
}

/** `clients` users for `seconds`: half share a few projects (revision conflicts), half have their own. */
async function runClients(host: SoakHost, o: LoadOptions): Promise<{ lock: LockProbe; shared: number }> {
  const until = Date.now() + o.seconds * 1000;
  const shared = Math.max(1, Math.floor(o.clients / 6));
  const name = (base: string): string => (o.prefix === '' ? base : `${o.prefix}-${base}`);
  const apis: HostClient[] = [];
  const runs = Array.from({ length: o.clients }, (_, i) => {
    const api = new HostClient(host.port, host.token, o.stats);
    apis.push(api);
    const isShared = i % 2 === 0 && o.clients > 1;
    const client = new SoakClient({
      index: i, projectName: isShared ? name(`shared-${(i / 2) % shared}`) : name(`client-${i}`), shared: isShared,
      api, ledger: o.ledger, stats: o.stats, rng: createRng(o.seed, `soak client ${i}`), until, jobTimeoutMs: 240_000,
    });
    return client.run(o.everyStepFirst ? { everyStepFirst: true } : {}).catch((err: unknown) => o.stats.fail(`client ${i} crashed: ${String(err)}`));
  });
  const sharedFiles = Array.from({ length: shared }, (_, k) => path.join(o.projectsDir, `${name(`shared-${k}`)}.nettwin`));
  const all = Promise.all(runs);
  const lock = o.probe ? await probeWhileRunning(sharedFiles, all) : emptyProbe();
  await all;
  for (const a of apis) a.close();
  return { lock, shared };
}

const emptyProbe = (): LockProbe => ({ attempts: 0, locked: 0, admitted: 0, readOnlyReads: 0, problems: [] });

/** Peeks at the shared projects from this process every few seconds while the clients run. */
async function probeWhileRunning(files: string[], running: Promise<unknown>): Promise<LockProbe> {
  const total = emptyProbe();
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
