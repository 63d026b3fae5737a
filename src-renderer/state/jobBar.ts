import type { CallInput, JobValue } from '../../src-shared/contract/contract';
import type { EventPayload } from '../../src-shared/contract/events';
import { runJob, type JobChannel } from '../api/jobs';
import { useSession } from './session';

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
  },
): Promise<JobValue<C>> {
  const { setJob } = useSession.getState();
  const startedAt = Date.now();
  const job = runJob(channel, input, (p) => {
    setJob({ label: opts.progressLabel(p.message), done: p.done, total: p.total, startedAt, cancel: () => void job.cancel() });
    opts.onProgress?.(p);
  });
  setJob({ label: opts.label, done: 0, total: opts.total ?? 1, startedAt, cancel: () => void job.cancel() });
  try {
    return await job.result;
  } finally {
    setJob(null);
  }
}
