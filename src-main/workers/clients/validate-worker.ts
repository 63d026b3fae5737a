import type { ValidationResult } from '../../../src-shared/validate/types';
import type { ValidateWorkerMessage, ValidateWorkerRequest } from '../validate.worker';
import { runWorkerOnce } from './worker-once';

/** In a build, main.js and validate.worker.js sit side by side. */
function workerUrl(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.js') ? './validate.worker.js' : '../validate.worker.ts', here);
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
  return runWorkerOnce<ValidateWorkerRequest, ValidateWorkerMessage, ValidationResult>(workerUrl(), req, {
    signal: opts.signal,
    onMessage: (m, done) => {
      if (m.type === 'progress') opts.onProgress?.(m.phase, m.done, m.total);
      else if (m.type === 'result') done.resolve(m.validation);
      else done.reject(new Error(m.message));
    },
    stopped: (detail) => new Error(`the validation stopped (${detail})`),
  });
}
