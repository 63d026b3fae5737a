import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CompiledGraphPayload } from '../../src-shared/sim/csr';
import { claimUnits, fieldsPerScenario, type SweepJob } from '../../src-shared/sim/job';
import { newSharedBaseline } from '../../src-shared/sim/shared-baseline';
import { newSharedCoreBase } from '../../src-shared/sim/shared-core-base';
import { taperedUnits } from '../../src-shared/sim/tapered-units';
import {
  CONTROL_CANCEL,
  CONTROL_DONE,
  CONTROL_SLOTS,
  packDemands,
  type RunRequest,
  type SerializedError,
  type WorkerResponse,
} from './protocol';

export interface PoolOptions {
  /** Worker threads (default: the number of cores). */
  size?: number;
  /**
   * The worker module. A `.ts` file is started through tsx (source checkout,
   * tests, CLI); a `.js` file (the build output next to this one) directly.
   * Default: simulator.worker.cjs if it exists next to this module (the command line's build), else
   * simulator.worker.js beside a .js module (the app's build), else .ts.
   */
  workerUrl?: URL;
  /**
   * Below this many scenarios per worker, fewer workers are used: each
   * worker rebuilds the baseline and warms its own JIT, which costs more
   * than a small sweep gains from a second thread. Default 400.
   */
  minScenariosPerThread?: number;
}

export interface RunHooks {
  /** Called at least every 250 ms while the run lasts. */
  onProgress?: (p: { phase: 'baseline' | 'scenarios'; done: number; total: number }) => void;
  /**
   * With each scenario-phase progress report: the shared results array as the
   * workers fill it (NaN where pending), to read the worst so far. Read only.
   */
  onPartial?: (results: Float64Array) => void;
  signal?: AbortSignal;
  /** Use at most this many workers for this run. */
  threads?: number;
}

export class SweepAbortedError extends Error {
  override name = 'AbortError';
  constructor() {
    super('sweep cancelled');
  }
}

export class WorkerError extends Error {
  constructor(e: SerializedError) {
    super(e.message);
    this.name = e.name;
    if (e.stack !== undefined) this.stack = e.stack;
  }
}

function defaultWorkerUrl(): URL {
  const here = import.meta.url;
  if (!here.endsWith('.js')) return new URL('./simulator.worker.ts', here);
  // The command line's build has the worker as one CommonJS file too (scripts/build-cli.mjs): it starts
  // without Node's ES module loader in its thread, so it is ready sooner.
  const cjs = new URL('./simulator.worker.cjs', here);
  return existsSync(cjs) ? cjs : new URL('./simulator.worker.js', here);
}

/** Copies a graph payload so each worker can receive its own buffers by transfer. */
function copyGraph(p: CompiledGraphPayload): { graph: CompiledGraphPayload; transfer: ArrayBuffer[] } {
  const graph: CompiledGraphPayload = {
    nodeIds: p.nodeIds,
    linkIds: p.linkIds,
    offsets: p.offsets.slice(),
    targets: p.targets.slice(),
    edgeLink: p.edgeLink.slice(),
    linkSource: p.linkSource.slice(),
    linkTarget: p.linkTarget.slice(),
    weights: p.weights.slice(),
    capacities: p.capacities.slice(),
    latencies: p.latencies.slice(),
    linkOrigin: p.linkOrigin.slice(),
  };
  const transfer = [graph.offsets, graph.targets, graph.edgeLink, graph.linkSource, graph.linkTarget, graph.weights, graph.capacities, graph.latencies, graph.linkOrigin].map(
    (a) => a.buffer as ArrayBuffer,
  );
  return { graph, transfer };
}

/**
 * A pool of simulator workers on node:worker_threads. One sweep runs at a
 * time (later calls queue); scenarios are shared out dynamically through an
 * atomic counter; results land in shared memory. Cancelling (AbortSignal)
 * raises a shared flag every worker checks between scenarios, rejects at
 * once, and a worker that does not come back within a second is terminated.
 */
export class WorkerPool {
  readonly size: number;
  private readonly workerUrl: URL;
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly minPerThread: number;

  constructor(opts: PoolOptions = {}) {
    this.size = Math.max(1, opts.size ?? availableParallelism());
    this.workerUrl = opts.workerUrl ?? defaultWorkerUrl();
    this.minPerThread = Math.max(1, opts.minScenariosPerThread ?? 400);
  }

  /** Workers started and waiting for work (diagnostics and tests). */
  get idleWorkers(): number {
    return this.idle.length;
  }

  private spawn(): Worker {
    const url = this.workerUrl;
    const w = url.pathname.endsWith('.ts')
      ? new Worker(new URL('./tsx-bootstrap.mjs', import.meta.url), { workerData: { entry: url.href } })
      : new Worker(url);
    w.unref();
    this.all.add(w);
    w.once('exit', () => this.all.delete(w));
    return w;
  }

  /**
   * Starts up to `count` workers now (default: the pool's size), idle until
   * a run takes them: a worker's thread start and module loading (~0.1 s)
   * then overlap whatever the caller does before its first run (the command
   * line reading its files) instead of following it.
   */
  warm(count = this.size): void {
    if (this.closed) return;
    for (let k = this.all.size; k < Math.min(count, this.size); k++) this.idle.push(this.spawn());
  }

  private take(): Worker {
    return this.idle.pop() ?? this.spawn();
  }

  /** Runs a sweep job over the pool; resolves with the results (scenario i at i × fields). */
  run(job: SweepJob, hooks: RunHooks = {}): Promise<{ results: Float64Array; ms: number; threads: number }> {
    const next = this.queue.then(() => this.runNow(job, hooks));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private runNow(job: SweepJob, hooks: RunHooks): Promise<{ results: Float64Array; ms: number; threads: number }> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    if (hooks.signal?.aborted) return Promise.reject(new SweepAbortedError());
    const total = job.scenarios.length;
    const fields = fieldsPerScenario(job);
    const threads = Math.max(1, Math.min(this.size, hooks.threads ?? this.size, Math.ceil(total / this.minPerThread)));
    const control = new SharedArrayBuffer(CONTROL_SLOTS * 4);
    const ctl = new Int32Array(control);
    const resultsBuf = new SharedArrayBuffer(Math.max(8, total * fields * 8));
    const results = new Float64Array(resultsBuf, 0, total * fields).fill(NaN);
    // Units never splitting a group the job marks as sharing work; without groups, tapering toward the end.
    const units = job.cuts !== undefined ? claimUnits(total, Math.max(1, Math.min(64, Math.floor(total / (threads * 16)))), job.cuts) : taperedUnits(total, threads);
    const { job: lean, packed: packedDemands } = packDemands(job);
    // An impact sweep's workers build one routing baseline together instead of one each (~0.1 s of
    // CPU per worker on Sprint before its first scenario), with the impact evaluator's baseline latencies;
    // null when too big to share (each builds its own).
    const baseline = threads >= 2 && job.mode === 'impact' ? newSharedBaseline(job.graph, true) : null;
    // …and the chain path's compressed core loads once (shared-core-base.ts; unused off that path).
    const coreBase = threads >= 2 && job.mode === 'impact' ? newSharedCoreBase(job.graph) : null;
    const seq = ++this.seq;
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const workers: Worker[] = [];
      let finished = 0;
      let settled = false;
      let phase: 'baseline' | 'scenarios' = 'baseline';
      let baseDone = 0;
      let baseTotal = 0;
      const report = (): void => {
        if (settled || (!hooks.onProgress && !hooks.onPartial)) return;
        if (phase === 'baseline') hooks.onProgress?.({ phase, done: baseDone, total: baseTotal });
        else {
          hooks.onPartial?.(results);
          hooks.onProgress?.({ phase, done: Atomics.load(ctl, CONTROL_DONE), total });
        }
      };
      // Heartbeat: progress at least every 250 ms even when a scenario is slow.
      const timer = setInterval(report, 200);
      const cleanup = (): void => {
        clearInterval(timer);
        hooks.signal?.removeEventListener('abort', onAbort);
        for (const w of workers) w.removeAllListeners('message').removeAllListeners('error');
      };
      const settle = (err: Error | null): void => {
        if (settled) return;
        // The last report of a finished run covers every scenario (a short run may end before
        // any worker said it reached the scenario phase).
        if (err === null) phase = 'scenarios';
        report();
        settled = true;
        cleanup();
        if (err) reject(err);
        else resolve({ results, ms: performance.now() - started, threads });
      };
      const released = new Set<Worker>();
      const release = (w: Worker): void => {
        if (released.has(w)) return;
        released.add(w);
        w.removeAllListeners('message').removeAllListeners('error');
        // A sweep that starts while a cancelled one drains spawns fresh workers; whichever
        // come back beyond `size` are stopped, or the pool grows with every such cancel.
        if (!this.closed && this.all.size <= this.size) this.idle.push(w);
        else {
          this.all.delete(w);
          void w.terminate();
        }
      };
      /** After an early end: take back each busy worker when it stops, or replace it after 1 s. */
      const drain = (): void => {
        for (const w of workers) {
          if (released.has(w)) continue;
          w.postMessage({ type: 'cancel', seq });
          const kill = setTimeout(() => {
            released.add(w);
            this.all.delete(w);
            void w.terminate();
          }, 1000);
          kill.unref();
          w.on('message', (m: WorkerResponse) => {
            if (m.seq === seq && m.type !== 'progress') {
              clearTimeout(kill);
              release(w);
            }
          });
        }
      };
      const onAbort = (): void => {
        Atomics.store(ctl, CONTROL_CANCEL, 1);
        settle(new SweepAbortedError());
        drain();
      };
      hooks.signal?.addEventListener('abort', onAbort, { once: true });
      for (let k = 0; k < threads; k++) {
        const w = this.take();
        workers.push(w);
        w.on('message', (m: WorkerResponse) => {
          if (m.seq !== seq) return;
          if (m.type === 'progress') {
            if (m.phase === 'scenarios') phase = 'scenarios';
            else if (phase === 'baseline') {
              baseDone = Math.max(baseDone, m.done);
              baseTotal = m.total;
            }
          } else if (m.type === 'error') {
            Atomics.store(ctl, CONTROL_CANCEL, 1);
            release(w);
            settle(new WorkerError(m.error));
            drain();
          } else {
            release(w);
            if (++finished === threads) settle(m.cancelled ? new SweepAbortedError() : null);
          }
        });
        w.on('error', (err) => {
          released.add(w);
          this.all.delete(w);
          Atomics.store(ctl, CONTROL_CANCEL, 1);
          settle(err);
          drain();
        });
        const { graph, transfer } = copyGraph(job.graph);
        const packed = packedDemands === undefined ? undefined : { s: packedDemands.s.slice(), t: packedDemands.t.slice(), volume: packedDemands.volume.slice() };
        if (packed !== undefined) transfer.push(packed.s.buffer, packed.t.buffer, packed.volume.buffer);
        const req: RunRequest = { type: 'run', seq, job: { ...lean, graph }, ...(packed ? { packedDemands: packed } : {}), control, results: resultsBuf, units: units.slice(), ...(baseline !== null ? { baseline } : {}), ...(coreBase !== null ? { coreBase } : {}) };
        w.postMessage(req, transfer);
      }
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.all].map((w) => w.terminate()));
    this.idle.length = 0;
  }
}
