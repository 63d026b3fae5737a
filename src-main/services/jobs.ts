import { randomUUID } from 'node:crypto';
import { toIpcError } from '../../src-shared/contract/result';
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
}

/**
 * Long work runs as a job: the call returns its id at once, progress and the
 * outcome arrive as `job:progressed` / `job:finished` events, and
 * `job:cancel` aborts it through its AbortSignal.
 */
export class JobManager {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly bus: EventBus,
    private readonly minIntervalMs = 100,
  ) {}

  start<T>(kind: string, fn: JobFn<T>): { jobId: string; done: Promise<void> } {
    const jobId = randomUUID();
    const controller = new AbortController();
    this.running.set(jobId, { controller, kind });
    let last = 0;
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (done, total, message = '', partial?: unknown) => {
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
        this.bus.emit('job:finished', { jobId, kind, ok: true, value });
      } catch (err) {
        const error = controller.signal.aborted
          ? { code: 'CANCELLED' as const, message: `${kind} cancelled` }
          : toIpcError(err);
        this.bus.emit('job:finished', { jobId, kind, ok: false, error });
      } finally {
        this.running.delete(jobId);
      }
    })();
    return { jobId, done };
  }

  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    if (!job) return false;
    job.controller.abort();
    return true;
  }

  get activeCount(): number {
    return this.running.size;
  }
}

