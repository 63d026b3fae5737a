import type { ImportInput, TopologyImportFormat } from '../../../src-shared/io/formats';
import type { ImportPhase } from '../../../src-shared/io/import-slices';
import type { ImportResult } from '../../../src-shared/io/report';
import type { ImportWorkerMessage, ImportWorkerRequest } from '../import.worker';
import { runWorkerOnce } from './worker-once';

/** In a build, main.js and import.worker.js sit side by side. */
function workerUrl(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.js') ? './import.worker.js' : '../import.worker.ts', here);
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
  return runWorkerOnce<ImportWorkerRequest, ImportWorkerMessage, ImportResult>(workerUrl(), { format, input }, {
    signal: opts.signal,
    onMessage: (m, done) => {
      if (m.type === 'progress') opts.onProgress?.(m.phase, m.done, m.total);
      else if (m.type === 'result') done.resolve(m.result);
      else done.reject(new Error(m.importError ? m.message : `${input.fileName}: ${m.message}`));
    },
    stopped: (detail) => new ImportWorkerStopped(`${input.fileName}: the import stopped (${detail})`),
  });
}
