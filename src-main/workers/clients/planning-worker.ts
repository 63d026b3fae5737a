import type { PlanningMessage, PlanningRequest, PlanningResults } from '../planning.worker';
import { runWorkerOnce } from './worker-once';

/** In a build, main.js and planning.worker.js sit side by side. */
function workerUrl(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.js') ? './planning.worker.js' : '../planning.worker.ts', here);
}

const WHAT: Record<PlanningRequest['kind'], string> = {
  optimise: 'optimisation', verify: 'verified recommendation', relax: "'what would it take'", impact: 'impact report', 'impact-extras': 'availability estimate', capacity: 'capacity plan',
  estimate: 'instant estimate', 'estimate-record': "instant estimate's record", 'fit-predictor': 'fit of the predictor', accuracy: 'accuracy over time',
};

export interface PlanningHooks {
  signal?: AbortSignal | undefined;
  onProgress?: (done: number, total: number, label: string, landed?: Extract<PlanningMessage, { type: 'progress' }>['landed']) => void;
}

/**
 * Runs the optimiser or a verified recommendation in a worker thread of its
 * own: progress after each step or candidate; `signal` terminates the worker
 * at once (AbortError), so Cancel does not wait for the step in progress.
 */
export function planInWorker<R extends PlanningRequest>(
  req: R,
  hooks: PlanningHooks = {},
  /** Another build of the worker (bench:recommend runs the CLI's bundle, plain JavaScript as the app's). */
  url: URL = workerUrl(),
): Promise<PlanningResults[R['kind']]> {
  return runWorkerOnce<R, PlanningMessage, PlanningResults[R['kind']]>(url, req, {
    signal: hooks.signal,
    onMessage: (m, done) => {
      if (m.type === 'progress') hooks.onProgress?.(m.done, m.total, m.label, m.landed);
      else if (m.type === 'result') done.resolve(m.value as PlanningResults[R['kind']]);
      else done.reject(new Error(m.message));
    },
    stopped: (detail) => new Error(`the ${WHAT[req.kind]} stopped (${detail})`),
  });
}
