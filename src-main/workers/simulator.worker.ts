/**
 * Simulator worker: runs the scenario chunks it claims from a sweep.
 * Imports only src-shared and the protocol (no electron, store, ipc or services).
 */
import { parentPort } from 'node:worker_threads';
import { runJob } from '../../src-shared/sim/job';
import {
  CONTROL_CANCEL,
  CONTROL_DONE,
  CONTROL_NEXT,
  PROGRESS_INTERVAL_MS,
  serializeError,
  unpackDemands,
  type WorkerRequest,
  type WorkerResponse,
} from './protocol';

const port = parentPort;
if (port === null) throw new Error('simulator.worker must run in a worker thread');

const post = (m: WorkerResponse): void => port.postMessage(m);

port.on('message', (msg: WorkerRequest) => {
  if (msg.type === 'cancel') return; // cancellation is read from shared memory while running
  const started = performance.now();
  const control = new Int32Array(msg.control);
  const out = new Float64Array(msg.results);
  const total = msg.job.scenarios.length;
  let last = 0;
  const stopped = (): boolean => Atomics.load(control, CONTROL_CANCEL) === 1;
  try {
    const ran = runJob(
      unpackDemands(msg.job, msg.packedDemands),
      {
        units: msg.units,
        ...(msg.baseline !== undefined ? { sharedBaseline: msg.baseline } : {}),
        ...(msg.coreBase !== undefined ? { sharedCoreBase: msg.coreBase } : {}),
        claim: () => Atomics.add(control, CONTROL_NEXT, 1),
        stopped,
        progress: () => {
          const done = Atomics.add(control, CONTROL_DONE, 1) + 1;
          const now = performance.now();
          if (now - last >= PROGRESS_INTERVAL_MS) {
            last = now;
            post({ type: 'progress', seq: msg.seq, phase: 'scenarios', done, total });
          }
        },
      },
      out,
      (done, all) => {
        const now = performance.now();
        if (now - last >= PROGRESS_INTERVAL_MS) {
          last = now;
          post({ type: 'progress', seq: msg.seq, phase: 'baseline', done, total: all });
        }
      },
    );
    post({ type: 'result', seq: msg.seq, ran, cancelled: stopped(), ms: performance.now() - started });
  } catch (err) {
    post({ type: 'error', seq: msg.seq, error: serializeError(err) });
  }
});
