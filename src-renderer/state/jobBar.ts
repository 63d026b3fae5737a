import type { CallInput, JobValue } from '../../src-shared/contract/contract';
import type { EventPayload } from '../../src-shared/contract/events';
import { runJob, type JobChannel } from '../api/jobs';
import { useSession, type JobView } from './session';

/**
 * Runs a long job with its progress and Cancel in the top bar: `label` until
 * the first progress event, then `progressLabel(message)`; the bar is cleared
 * when the job ends, however it ends. Resolves with the job's value.
 */
export async function runInJobBar<C extends JobChannel>(
  channel: C,
  input: CallInput<C>,
  opts: {
    label: string;
    total?: number;
    progressLabel: (message: string) => string;
    /** Each progress event as it arrives (a job that streams partial results). */
    onProgress?: (p: EventPayload<'job:progressed'>) => void;
    /** Cancels the job when aborted (a view whose input changed: its answer would be stale). */
    signal?: AbortSignal;
  },
): Promise<JobValue<C>> {
  const { setJob } = useSession.getState();
  const startedAt = Date.now();
  // The bar is this job's while `mine` is what it shows: a cancelled job ending late leaves a newer job's bar alone.
  let mine: JobView | null = null;
  const show = (v: JobView): void => {
    if (mine !== null && useSession.getState().job !== mine) return;
    mine = v;
    setJob(v);
  };
  const job = runJob(channel, input, (p) => {
    show({ label: opts.progressLabel(p.message), done: p.done, total: p.total, startedAt, cancel: () => void job.cancel() });
    opts.onProgress?.(p);
  });
  show({ label: opts.label, done: 0, total: opts.total ?? 1, startedAt, cancel: () => void job.cancel() });
  const onAbort = (): void => void job.cancel().catch(() => undefined);
  if (opts.signal?.aborted === true) onAbort();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await job.result;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    if (useSession.getState().job === mine) setJob(null);
  }
}
