/**
 * Planning worker: the optimiser's loop, the capacity plan, the verified recommendation
 * (generate and simulate every candidate), instant mode's analytic estimate and the impact report's extras
 * after a sweep (availability takes 35 s on a 3,000-device design) off the
 * host's thread. Each takes seconds to minutes on a large design, and the
 * host must keep answering and honour Cancel at once. Imports only src-shared.
 * Protocol: one `PlanningRequest` in; `progress` messages after each step or
 * candidate, then one `result` or `error` out. Cancel = terminate the worker.
 */
import { parentPort } from 'node:worker_threads';
import { optimise, type OptimiseParams, type OptimiseStep } from '../../src-shared/optimise/run';
import { verifyTasks, type VerifiedCandidate, type VerifyTask } from '../../src-shared/learn/verify';
import { whatWouldItTake, type WhatItWouldTake } from '../../src-shared/learn/relaxation';
import type { SkippedFamilyShape } from '../../src-shared/learn/options';
import type { Intent } from '../../src-shared/model/intent';
import type { Topology } from '../../src-shared/model/topology';
import type { ScenarioResultShape } from '../../src-shared/contract/sim-types';
import { impactExtras, impactParts, type ImpactExtras, type ImpactParts } from '../../src-shared/sim/impact-report';
import { planFromRequest, type PlanRequest } from '../../src-shared/capacity/prepare';
import type { CapacityPlanResult } from '../../src-shared/capacity/types';
import { estimateFamilies, type FamilyEstimates } from '../../src-shared/learn/estimate';
import type { Family } from '../../src-shared/model/topology';
import { measureEstimateRecord, type EstimateRecord } from '../../src-shared/learn/estimate-record';
import type { LearningSample } from '../../src-shared/learn/sample';
import { fitPredictorModel, type PredictorFit } from '../../src-shared/learn/predictor';
import { accuracyOverTime, type AccuracyPeriod } from '../../src-shared/learn/report';
import { prepareDesign, type PreparedDesign } from '../../src-shared/learn/prepared-designs';
import type { RoutedFailures } from '../../src-shared/model/routed-failures';
import type { DesignMeasures } from '../../src-shared/learn/sample';

export type PlanningRequest =
  | { kind: 'optimise'; topology: Topology; params: Omit<OptimiseParams, 'onStep'> }
  /**
   * A verified recommendation's candidates, evaluated in order: all of them, or — with `claim`, an
   * Int32Array(1) counter shared by every worker of the run — each next unclaimed one (verify.ts).
   */
  | {
      kind: 'verify';
      intent: Intent;
      tasks: VerifyTask[];
      meta: { softwareVersion: string; now: number };
      claim?: SharedArrayBuffer;
      /** The instant estimate's sized designs of some tasks (prepared-designs.ts): validated and measured, not generated again. */
      prepared?: PreparedDesign[];
    }
  /** What would it take (learn/relaxation.ts), after a verified run in which no candidate met the intent. */
  | { kind: 'relax'; intent: Intent; candidates: VerifiedCandidate[]; meta: { softwareVersion: string; now: number } }
  /**
   * The impact report's parts from the sweep's worst scenarios (worstScenarios; the caller adds the
   * sweep itself). `extras`: isolation and availability already computed for this design and seed
   * ('impact-extras', run alongside the sweep).
   */
  | { kind: 'impact'; topology: Topology; worst: ScenarioResultShape[]; seed: number; extras?: ImpactExtras }
  | { kind: 'impact-extras'; topology: Topology; seed: number }
  | { kind: 'capacity'; request: PlanRequest }
  /** The analytic estimate of a share of the families for instant mode (learn/estimate.ts, estimate-shares.ts): seconds at 500 sites. */
  | { kind: 'estimate'; intent: Intent; families: Family[]; prepare?: boolean }
  /** History's record of that estimate (learn/estimate-record.ts): regenerates up to 60 designs, once per history. */
  | { kind: 'estimate-record'; pool: LearningSample[] }
  /** The predictor's fit on history (learn/predictor.ts), plain data the host builds the predictor from. */
  | { kind: 'fit-predictor'; history: LearningSample[] }
  /** The learning report's accuracy over time (learn/report.ts): every verified recommendation in history answered again. */
  | { kind: 'accuracy'; history: LearningSample[] };

/** What each kind of request answers. */
export interface PlanningResults {
  optimise: { steps: OptimiseStep[]; topology: Topology };
  verify: { evaluated: number };
  relax: WhatItWouldTake;
  impact: ImpactParts;
  'impact-extras': ImpactExtras;
  capacity: CapacityPlanResult;
  estimate: { estimates: FamilyEstimates; prepared: PreparedDesign[] };
  'estimate-record': EstimateRecord;
  'fit-predictor': PredictorFit;
  accuracy: AccuracyPeriod[];
}

export type PlanningMessage =
  /** `landed`: the candidate just evaluated (verify), streamed so its result shows before the others are done. */
  | { type: 'progress'; done: number; total: number; label: string; landed?: VerifiedCandidate | { skipped: SkippedFamilyShape } }
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
    } else if (req.kind === 'relax') {
      const value = whatWouldItTake(req.intent, req.candidates, {
        ...req.meta,
        onProgress: (label) => post({ type: 'progress', done: 0, total: 1, label: `what would it take: ${label}` }),
      });
      post({ type: 'result', value });
    } else if (req.kind === 'estimate') {
      // This worker's share of the families (estimate-shares.ts).
      // With `prepare`, each sized design comes back with its sizing run for verification to take (prepared-designs.ts).
      const prepared: PreparedDesign[] = [];
      const onSized = (family: Family, topology: Topology, routed: RoutedFailures, measures: DesignMeasures): void => {
        const p = prepareDesign(family, 1, topology, routed, measures);
        if (p !== null) prepared.push(p);
      };
      const estimates = estimateFamilies(req.intent, { families: req.families, ...(req.prepare === true ? { onSized } : {}) });
      post({ type: 'result', value: { estimates, prepared } });
    } else if (req.kind === 'accuracy') {
      post({ type: 'result', value: accuracyOverTime(req.history) });
    } else if (req.kind === 'fit-predictor') {
      post({ type: 'result', value: fitPredictorModel(req.history) });
    } else if (req.kind === 'estimate-record') {
      post({ type: 'result', value: measureEstimateRecord(req.pool) });
    } else if (req.kind === 'impact') {
      post({ type: 'result', value: impactParts(req.topology, req.worst, { seed: req.seed, ...(req.extras ? { extras: req.extras } : {}) }) });
    } else if (req.kind === 'impact-extras') {
      post({ type: 'result', value: impactExtras(req.topology, { seed: req.seed }) });
    } else {
      let done = 0;
      const counter = req.claim !== undefined ? new Int32Array(req.claim) : null;
      const value = verifyTasks(
        req.intent,
        req.tasks,
        req.meta,
        (landed, task) => post({ type: 'progress', done: ++done, total: req.tasks.length, label: `${task.family} seed ${task.seed}`, landed }),
        counter !== null ? () => Atomics.add(counter, 0, 1) : undefined,
        (task) => req.prepared?.find((p) => p.family === task.family && p.seed === task.seed),
      );
      // Every candidate went out with its progress message: the result only says this share is done.
      post({ type: 'result', value: { evaluated: value.candidates.length + value.skipped.length } });
    }
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
});
