import type { CallInput, JobChannel, JobValue } from '../../src-shared/contract/contract';
import type { EventPayload } from '../../src-shared/contract/events';
import { ApiError, call, onEvent } from './client';
import { forgetJob, rememberJob } from './jobLedger';

export interface JobHandle<T> {
  jobId: Promise<string>;
  result: Promise<T>;
  cancel(): Promise<void>;
}

export type { JobChannel };

/**
 * Starts a long job and follows its events. Events are buffered from before
 * the call, since they may overtake the reply that carries the job id.
 */
export function runJob<C extends JobChannel>(
  channel: C,
  input: CallInput<C>,
  onProgress: (p: EventPayload<'job:progressed'>) => void,
): JobHandle<JobValue<C>> {
  const early: { progress: EventPayload<'job:progressed'>[]; finished: EventPayload<'job:finished'>[] } = {
    progress: [],
    finished: [],
  };
  let id: string | null = null;
  let settle: ((f: EventPayload<'job:finished'>) => void) | null = null;
  const offProgress = onEvent('job:progressed', (p) => {
    if (id === null) early.progress.push(p);
    else if (p.jobId === id) onProgress(p);
  });
  const offFinished = onEvent('job:finished', (f) => {
    if (id === null) early.finished.push(f);
    else if (f.jobId === id) settle?.(f);
  });
  const cleanup = (): void => {
    offProgress();
    offFinished();
  };
  const jobId = call(channel, input).then(
    (r) => {
      // Kept until this page sees the job end: a page closed before then finds it on return (features/jobs).
      rememberJob(r.jobId, channel, input);
      return r.jobId;
    },
    (err: unknown) => {
      cleanup();
      throw err;
    },
  );
  const result = jobId.then(
    (jid) =>
      new Promise<JobValue<C>>((resolve, reject) => {
        id = jid;
        settle = (f) => {
          cleanup();
          forgetJob(jid);
          // The one place the wire's value meets its type: the contract's JobValues, produced by handlers checked against it.
          if (f.ok) resolve(f.value as JobValue<C>);
          else reject(new ApiError(f.error?.code ?? 'INTERNAL', f.error?.message ?? 'job failed'));
        };
        early.progress.filter((p) => p.jobId === jid).forEach(onProgress);
        const done = early.finished.find((f) => f.jobId === jid);
        if (done) settle(done);
      }),
  );
  return {
    jobId,
    result,
    cancel: async () => {
      await call('job:cancel', { jobId: await jobId });
    },
  };
}
