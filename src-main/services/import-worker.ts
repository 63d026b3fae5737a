import { Worker } from 'node:worker_threads';
import type { ImportInput, TopologyImportFormat } from '../../src-shared/io/formats';
import type { ImportPhase } from '../../src-shared/io/import-slices';
import type { ImportResult } from '../../src-shared/io/report';
import type { ImportWorkerMessage, ImportWorkerRequest } from '../workers/import.worker';
import { abortError } from './jobs';

function workerUrl(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.js') ? './import.worker.js' : '../workers/import.worker.ts', here);
}

/** In a build, main.js and import.worker.js sit side by side; from source, tsx must be registered in the worker first. */
function spawn(): Worker {
  const url = workerUrl();
  return url.pathname.endsWith('.ts')
    ? new Worker(new URL('../workers/tsx-bootstrap.mjs', import.meta.url), { workerData: { entry: url.href } })
    : new Worker(url);
}

/** The worker itself failed (crashed, ran out of memory, could not start): not the file's fault. */
export class ImportWorkerStopped extends Error {
  override name = 'ImportWorkerStopped';
}

/**
 * Runs `importTopology` in a worker thread of its own: the file is parsed
 * and the design built off the host's thread, progress comes back as it
 * reads, and `signal` ends the worker at once. Resolves with the design;
 * rejects with the importer's message for bad input, ImportWorkerStopped when the worker fails, AbortError when cancelled.
 */
export function importInWorker(
  format: TopologyImportFormat,
  input: ImportInput,
  opts: { signal?: AbortSignal; onProgress?: (phase: ImportPhase, done: number, total: number) => void } = {},
): Promise<ImportResult> {
  return new Promise<ImportResult>((resolve, reject) => {
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
    worker.on('message', (m: ImportWorkerMessage) => {
      if (m.type === 'progress') opts.onProgress?.(m.phase, m.done, m.total);
      else if (m.type === 'result') settle(() => resolve(m.result));
      else settle(() => reject(new Error(m.importError ? m.message : `${input.fileName}: ${m.message}`)));
    });
    worker.on('error', (err) => settle(() => reject(new ImportWorkerStopped(`${input.fileName}: the import stopped (${err.message})`))));
    worker.on('exit', (code) => settle(() => reject(new ImportWorkerStopped(`${input.fileName}: the import stopped (worker exit ${code})`))));
    worker.postMessage({ format, input } satisfies ImportWorkerRequest);
  });
}
