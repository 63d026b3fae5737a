/**
 * Planning worker: the optimiser's loop and the verified recommendation
 * (generate and simulate every candidate) off the host's thread. Both take
 * seconds to minutes on a large intent, and the host must keep answering
 * and honour Cancel at once. Imports only src-shared.
 * Protocol: one `PlanningRequest` in; `progress` messages after each step or
 * candidate, then one `result` or `error` out. Cancel = terminate the worker.
 */
import { parentPort } from 'node:worker_threads';
import { optimize, type OptimizeParams, type OptimizeStep } from '../../src-shared/learn/optimize/run';
import type { Recommendation } from '../../src-shared/learn/recommend';
import { recommendVerified, type VerifiedResult } from '../../src-shared/learn/verify';
import type { Intent } from '../../src-shared/model/intent';
import type { Family, Topology } from '../../src-shared/model/topology';

export type PlanningRequest =
  | { kind: 'optimise'; topology: Topology; params: Omit<OptimizeParams, 'onStep'> }
  | {
      kind: 'verify';
      intent: Intent;
      families: Family[];
      opts: { variants?: number; softwareVersion: string; now: number; instant?: Recommendation };
    };

/** What each kind of request answers. */
export interface PlanningResults {
  optimise: { steps: OptimizeStep[]; topology: Topology };
  verify: VerifiedResult;
}

export type PlanningMessage =
  | { type: 'progress'; done: number; total: number; label: string }
  | { type: 'result'; value: PlanningResults[PlanningRequest['kind']] }
  | { type: 'error'; message: string };

const port = parentPort;
if (port === null) throw new Error('planning.worker must run in a worker thread');
const post = (m: PlanningMessage): void => port.postMessage(m);

port.once('message', (req: PlanningRequest) => {
  try {
    if (req.kind === 'optimise') {
      const value = optimize(req.topology, {
        ...req.params,
        onStep: (k, max) => post({ type: 'progress', done: k, total: max, label: `step ${k}` }),
      });
      post({ type: 'result', value });
    } else {
      const value = recommendVerified(req.intent, req.families, {
        ...req.opts,
        onCandidate: (done, total, label) => post({ type: 'progress', done, total, label }),
      });
      post({ type: 'result', value });
    }
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
});
