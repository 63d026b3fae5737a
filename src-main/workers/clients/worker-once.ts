import { Worker } from 'node:worker_threads';
import { abortError } from '../../../src-shared/contract/errors';

/** A worker entry as a built `.js` beside main.js, or as `.ts` from source (tsx registered in the worker first). */
export function spawnWorker(url: URL): Worker {
  return url.pathname.endsWith('.ts')
    ? new Worker(new URL('../tsx-bootstrap.mjs', import.meta.url), { workerData: { entry: url.href } })
    : new Worker(url);
}

export interface WorkerOnceOptions<TMsg, TRes> {
  signal?: AbortSignal | undefined;
  /** Each message from the worker: report progress, or settle with its result or its error. */
  onMessage(m: TMsg, settle: { resolve(value: TRes): void; reject(err: Error): void }): void;
  /** The error for a worker that failed itself (crash, out of memory, exit): not the input's fault. */
  stopped(detail: string): Error;
}

/**
 * One request to a worker thread of its own, which ends with the answer:
 * `signal` terminates it at once (AbortError), and whatever settles first
 * (result, error, crash, exit, abort) wins; the worker is always terminated.
 */
export function runWorkerOnce<TReq, TMsg, TRes>(url: URL, request: TReq, opts: WorkerOnceOptions<TMsg, TRes>): Promise<TRes> {
  return new Promise<TRes>((resolve, reject) => {
    if (opts.signal?.aborted === true) return reject(abortError());
    const worker = spawnWorker(url);
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = (): void => settle(() => reject(abortError()));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const finish = { resolve: (v: TRes) => settle(() => resolve(v)), reject: (e: Error) => settle(() => reject(e)) };
    worker.on('message', (m: TMsg) => opts.onMessage(m, finish));
    worker.on('error', (err) => finish.reject(opts.stopped(err.message)));
    worker.on('exit', (code) => finish.reject(opts.stopped(`worker exit ${code}`)));
    worker.postMessage(request);
  });
}
