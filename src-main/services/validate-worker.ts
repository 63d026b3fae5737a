import { Worker } from 'node:worker_threads';
import type { ValidationResult } from '../../src-shared/validate/types';
import type { ValidateWorkerMessage, ValidateWorkerRequest } from '../workers/validate.worker';
import { abortError } from './jobs';

/** In a build, main.js and validate.worker.js sit side by side; from source, tsx is registered in the worker first. */
function spawn(): Worker {
  const here = import.meta.url;
  const url = new URL(here.endsWith('.js') ? './validate.worker.js' : '../workers/validate.worker.ts', here);
  return url.pathname.endsWith('.ts')
    ? new Worker(new URL('../workers/tsx-bootstrap.mjs', here), { workerData: { entry: url.href } })
    : new Worker(url);
}

/**
 * Validates a stored design (its JSON text) in a worker thread of its own.
 * `onProgress` gets the site pairs checked so far; `signal` ends the worker
 * at once (rejects with an AbortError). Rejects with the design's problem
 * when it cannot be read, or with "the validation stopped" when the worker
 * itself fails (out of memory, crash).
 */
export function validateInWorker(
  req: ValidateWorkerRequest,
  opts: { signal?: AbortSignal; onProgress?: (phase: 'reading' | 'pairs', done: number, total: number) => void } = {},
): Promise<ValidationResult> {
  return new Promise<ValidationResult>((resolve, reject) => {
    if (opts.signal?.aborted === true) return reject(abortError());
    const worker = spawn();
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
    worker.on('message', (m: ValidateWorkerMessage) => {
      if (m.type === 'progress') opts.onProgress?.(m.phase, m.done, m.total);
      else if (m.type === 'result') settle(() => resolve(m.validation));
      else settle(() => reject(new Error(m.message)));
    });
    worker.on('error', (err) => settle(() => reject(new Error(`the validation stopped (${err.message})`))));
    worker.on('exit', (code) => settle(() => reject(new Error(`the validation stopped (worker exit ${code})`))));
    worker.postMessage(req);
  });
}
