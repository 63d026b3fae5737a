/**
 * Import worker: reads one network file off the host's thread, so a
 * 50,000-node GraphML (seconds of parsing) never stops the host answering.
 * Imports only src-shared (no electron, store, ipc or services). Protocol:
 * one `ImportWorkerRequest` in; `progress` messages, then one `result` or
 * `error` out. Cancel = terminate the worker.
 */
import { parentPort } from 'node:worker_threads';
import type { ImportInput, TopologyImportFormat } from '../../src-shared/io/formats';
import { importTopologyInSlices, type ImportPhase } from '../../src-shared/io/import-slices';
import { ImportError, type ImportResult } from '../../src-shared/io/report';

export interface ImportWorkerRequest {
  format: TopologyImportFormat;
  input: ImportInput;
}

export type ImportWorkerMessage =
  | { type: 'progress'; phase: ImportPhase; done: number; total: number }
  | { type: 'result'; result: ImportResult }
  | { type: 'error'; message: string; importError: boolean };

const port = parentPort;
if (port === null) throw new Error('import.worker must run in a worker thread');
const post = (m: ImportWorkerMessage): void => port.postMessage(m);

port.once('message', (req: ImportWorkerRequest) => {
  importTopologyInSlices(req.format, req.input, {
    pause: () => Promise.resolve(),
    onProgress: (phase, done, total) => post({ type: 'progress', phase, done, total }),
  }).then(
    (result) => post({ type: 'result', result }),
    (err: unknown) =>
      post({ type: 'error', message: err instanceof Error ? err.message : String(err), importError: err instanceof ImportError }),
  );
});
