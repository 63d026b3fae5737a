/**
 * Planning worker: the optimiser's loop, the capacity plan, the verified recommendation
 * (generate and simulate every candidate) and the impact report's extras
 * after a sweep (availability takes 35 s on a 3,000-device design) off the
 * host's thread. Each takes seconds to minutes on a large design, and the
 * host must keep answering and honour Cancel at once. Imports only src-shared.
 * Protocol: one `PlanningRequest` in; `progress` messages after each step or
 * candidate, then one `result` or `error` out. Cancel = terminate the worker.
 */
import { parentPort } from 'node:worker_threads';
import { optimise, type OptimiseParams, type OptimiseStep } from '../../src-shared/optimise/run';
import type { Recommendation } from '../../src-shared/learn/recommend';
import { recommendVerified, type VerifiedResult } from '../../src-shared/learn/verify';
import { whatWouldItTake, type WhatItWouldTake } from '../../src-shared/learn/relaxation';
import type { Intent } from '../../src-shared/model/intent';
import type { Family, Topology } from '../../src-shared/model/topology';
import type { SweepReportShape } from '../../src-shared/contract/sim-types';
import { impactReport, type ImpactReportShape } from '../../src-shared/sim/impact-report';
import { planFromRequest, type PlanRequest } from '../../src-shared/capacity/prepare';
import type { CapacityPlanResult } from '../../src-shared/capacity/types';

export type PlanningRequest =
  | { kind: 'optimise'; topology: Topology; params: Omit<OptimiseParams, 'onStep'> }
  | {
      kind: 'verify';
      intent: Intent;
      families: Family[];
      opts: { variants?: number; softwareVersion: string; now: number; instant?: Recommendation };
    }
  | { kind: 'impact'; topology: Topology; sweep: SweepReportShape; seed: number }
  | { kind: 'capacity'; request: PlanRequest };

/** What each kind of request answers. */
export interface PlanningResults {
  optimise: { steps: OptimiseStep[]; topology: Topology };
  /** With what it would take when no candidate meets the intent (learn/relaxation.ts), else null. */
  verify: VerifiedResult & { relaxations: WhatItWouldTake | null };
  impact: ImpactReportShape;
  capacity: CapacityPlanResult;
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
      const value = optimise(req.topology, {
        ...req.params,
        onStep: (k, max) => post({ type: 'progress', done: k, total: max, label: `step ${k}` }),
      });
      post({ type: 'result', value });
    } else if (req.kind === 'capacity') {
      post({ type: 'result', value: planFromRequest(req.request, (done, total, label) => post({ type: 'progress', done, total, label })) });
    } else if (req.kind === 'impact') {
      post({ type: 'result', value: impactReport(req.topology, req.sweep, { seed: req.seed }) });
    } else {
      let total = 1;
      const value = recommendVerified(req.intent, req.families, {
        ...req.opts,
        onCandidate: (done, all, label) => {
          total = all;
          post({ type: 'progress', done, total: all, label });
        },
      });
      const relaxations = value.candidates.some((c) => c.sample.label.success)
        ? null
        : whatWouldItTake(req.intent, value.candidates, {
            softwareVersion: req.opts.softwareVersion,
            now: req.opts.now,
            onProgress: (label) => post({ type: 'progress', done: total, total, label: `what would it take: ${label}` }),
          });
      post({ type: 'result', value: { ...value, relaxations } });
    }
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
});
