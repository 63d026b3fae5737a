import type { SweepJob } from '../../src-shared/sim/job';

/**
 * The simulator worker protocol (Signal-shaped: every message carries the
 * `seq` of the run it belongs to; errors travel as plain data).
 *
 * Coordination that must work while a worker is busy in a tight loop goes
 * through shared memory, not messages: `control` is an Int32Array over a
 * SharedArrayBuffer with
 *   [NEXT]   next unit to claim (Atomics.add by 1; unit k is scenarios
 *            units[k] … units[k + 1] - 1),
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

/** An explicit matrix as three columns (transferred, not cloned object by object). */
export interface PackedDemands {
  s: Int32Array;
  t: Int32Array;
  volume: Float64Array;
}

export interface RunRequest {
  type: 'run';
  seq: number;
  /** With `packedDemands`, job.traffic is { kind: 'explicit', demands: [] } and the demands are those columns. */
  job: SweepJob;
  packedDemands?: PackedDemands;
  control: SharedArrayBuffer;
  results: SharedArrayBuffer;
  /** Claim units (claimUnits): boundaries [0, …, total]. */
  units: Int32Array;
  /** The routing baseline every worker of this run builds a part of (src-shared/sim/shared-baseline.ts). */
  baseline?: SharedArrayBuffer;
  /** The compressed sweep's core loads one worker routes for all (src-shared/sim/shared-core-base.ts). */
  coreBase?: SharedArrayBuffer;
}

/**
 * Splits an explicit matrix off a job into columns: cloning 99k {s, t, volume}
 * objects per worker was ~0.15 s of the host thread on Sprint, before any
 * worker could start.
 */
export function packDemands(job: SweepJob): { job: SweepJob; packed: PackedDemands | undefined } {
  if (job.traffic.kind !== 'explicit') return { job, packed: undefined };
  // Already columns (a REPETITA matrix): as they are; the pool copies them for each worker.
  if (job.traffic.columns !== undefined) return { job: { ...job, traffic: { kind: 'explicit', demands: [] } }, packed: job.traffic.columns };
  const d = job.traffic.demands;
  const packed: PackedDemands = { s: new Int32Array(d.length), t: new Int32Array(d.length), volume: new Float64Array(d.length) };
  for (let i = 0; i < d.length; i++) {
    packed.s[i] = d[i]!.s;
    packed.t[i] = d[i]!.t;
    packed.volume[i] = d[i]!.volume;
  }
  return { job: { ...job, traffic: { kind: 'explicit', demands: [] } }, packed };
}

/**
 * The job as it was before packDemands, its demands left as the columns
 * (buildTraffic reads them so): rebuilding 99k objects per worker, then its
 * garbage, was ~0.1 s of each worker's start on Sprint.
 */
export function unpackDemands(job: SweepJob, packed: PackedDemands | undefined): SweepJob {
  if (packed === undefined) return job;
  return { ...job, traffic: { kind: 'explicit', demands: [], columns: packed } };
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
