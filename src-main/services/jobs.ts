import { randomUUID } from 'node:crypto';
import { toIpcError } from '../../src-shared/contract/result';
import type { JobStatusShape } from '../../src-shared/contract/contract';
import type { EventBus } from './events';
import { abortError } from '../../src-shared/contract/result';

export interface JobContext {
  readonly signal: AbortSignal;
  /**
   * Reports progress; throttled so listeners see at most one event per
   * `minIntervalMs`, plus the last. An event carrying `partial` (a result
   * that has just landed, streamed before the job ends) is never dropped.
   */
  progress(done: number, total: number, message?: string, partial?: unknown): void;
}

export type JobFn<T> = (ctx: JobContext) => Promise<T>;

interface Running {
  controller: AbortController;
  kind: string;
  /** The project the job works on, when it has one: closing that project waits for it (whenIdle). */
  projectId: string | undefined;
}

/** How many ended jobs are remembered for `job:status` (a returning page asks about the ones it started). */
const ENDED_KEPT = 200;

/**
 * Long work runs as a job: the call returns its id at once, progress and the
 * outcome arrive as `job:progressed` / `job:finished` events, and
 * `job:cancel` aborts it through its AbortSignal.
 */
export class JobManager {
  private readonly running = new Map<string, Running>();
  /** Every job's last known state, running or ended (the newest ENDED_KEPT ended ones), for `job:status`. */
  private readonly states = new Map<string, JobStatusShape>();

  constructor(
    private readonly bus: EventBus,
    private readonly minIntervalMs = 100,
  ) {}

  start<T>(kind: string, fn: JobFn<T>, opts: { projectId?: string } = {}): { jobId: string; done: Promise<void> } {
    const jobId = randomUUID();
    const controller = new AbortController();
    this.running.set(jobId, { controller, kind, projectId: opts.projectId });
    const state: JobStatusShape = { jobId, kind, state: 'running', done: 0, total: 0, message: '', startedAt: Date.now(), endedAt: null, error: null };
    this.states.set(jobId, state);
    let last = 0;
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (done, total, message = '', partial?: unknown) => {
        state.done = done;
        state.total = total;
        state.message = message;
        const t = Date.now();
        if (partial === undefined && done < total && t - last < this.minIntervalMs) return;
        last = t;
        this.bus.emit('job:progressed', { jobId, kind, done, total, message, ...(partial !== undefined ? { partial } : {}) });
      },
    };
    const done = (async () => {
      // Yield first so the caller receives the job id before any event.
      await new Promise((r) => setImmediate(r));
      try {
        if (controller.signal.aborted) throw abortError();
        const value = await fn(ctx);
        if (controller.signal.aborted) throw abortError();
        this.ended(state, 'done', null);
        this.bus.emit('job:finished', { jobId, kind, ok: true, value });
      } catch (err) {
        const error = controller.signal.aborted
          ? { code: 'CANCELLED' as const, message: `${kind} cancelled` }
          : toIpcError(err);
        this.ended(state, controller.signal.aborted ? 'cancelled' : 'failed', error.message);
        this.bus.emit('job:finished', { jobId, kind, ok: false, error });
      } finally {
        this.running.delete(jobId);
        this.wakeIdleWaiters();
      }
    })();
    return { jobId, done };
  }

  private readonly idleWaiters: { projectId: string; resolve: () => void }[] = [];

  /** How many jobs run on this project now. */
  runningFor(projectId: string): number {
    let n = 0;
    for (const j of this.running.values()) if (j.projectId === projectId) n++;
    return n;
  }

  /** Resolves once no job runs on this project (at once when none does). */
  whenIdle(projectId: string): Promise<void> {
    if (this.runningFor(projectId) === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push({ projectId, resolve }));
  }

  private wakeIdleWaiters(): void {
    for (let i = this.idleWaiters.length - 1; i >= 0; i--) {
      const w = this.idleWaiters[i]!;
      if (this.runningFor(w.projectId) > 0) continue;
      this.idleWaiters.splice(i, 1);
      w.resolve();
    }
  }

  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    if (!job) return false;
    job.controller.abort();
    return true;
  }

  /**
   * What became of jobs a page started (`job:status`): running with its last
   * progress, done, failed or cancelled with when; `unknown` for an id this
   * process never ran or has forgotten (NetTwin was restarted since).
   */
  status(jobIds: readonly string[]): JobStatusShape[] {
    return jobIds.map((jobId) => {
      const s = this.states.get(jobId);
      return s ? { ...s } : { jobId, kind: null, state: 'unknown', done: 0, total: 0, message: '', startedAt: null, endedAt: null, error: null };
    });
  }

  private ended(state: JobStatusShape, how: 'done' | 'failed' | 'cancelled', error: string | null): void {
    state.state = how;
    state.endedAt = Date.now();
    state.error = error;
    // Forget the oldest ended jobs beyond ENDED_KEPT (a Map iterates in insertion order).
    let endedCount = 0;
    for (const s of this.states.values()) if (s.state !== 'running') endedCount++;
    for (const [id, s] of this.states) {
      if (endedCount <= ENDED_KEPT) break;
      if (s.state === 'running') continue;
      this.states.delete(id);
      endedCount--;
    }
  }

  get activeCount(): number {
    return this.running.size;
  }
}

