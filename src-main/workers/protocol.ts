import type { SweepJob } from '../../src-shared/sim/job';

/**
 * The simulator worker protocol (Signal-shaped: every message carries the
 * `seq` of the run it belongs to; errors travel as plain data).
 *
 * Coordination that must work while a worker is busy in a tight loop goes
 * through shared memory, not messages: `control` is an Int32Array over a
 * SharedArrayBuffer with
 *   [NEXT]   next scenario index to claim (Atomics.add by `chunk`),
 *   [CANCEL] 1 once the run is cancelled (checked after every scenario and
 *            every baseline destination, so cancellation lands in well under
 *            100 ms),
 *   [DONE]   scenarios finished by all workers together (for progress).
 * Results are written straight into `results` (Float64Array over a
 * SharedArrayBuffer), scenario i at i × fields.
 */
export const CONTROL_NEXT = 0;
export const CONTROL_CANCEL = 1;
export const CONTROL_DONE = 2;
export const CONTROL_SLOTS = 3;

export interface RunRequest {
  type: 'run';
  seq: number;
  job: SweepJob;
  control: SharedArrayBuffer;
  results: SharedArrayBuffer;
  chunk: number;
}

export interface CancelRequest {
  type: 'cancel';
  seq: number;
}

export type WorkerRequest = RunRequest | CancelRequest;

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

export type WorkerResponse =
  | { type: 'progress'; seq: number; phase: 'baseline' | 'scenarios'; done: number; total: number }
  | { type: 'result'; seq: number; ran: number; cancelled: boolean; ms: number }
  | { type: 'error'; seq: number; error: SerializedError };

/** Minimum spacing of progress messages from one worker. */
export const PROGRESS_INTERVAL_MS = 100;

export function serializeError(err: unknown): SerializedError {
  if (err instanceof Error) return { name: err.name, message: err.message, ...(err.stack ? { stack: err.stack } : {}) };
  return { name: 'Error', message: String(err) };
}
