import { parseIntent } from '../model/intent';
import { intentOfShape } from './intents';
import type { Predictor } from './predictor';
import { recommendInstant } from './recommend';
import type { LearningSample } from './sample';
import { verifyUpFront } from './verify-up-front';

/**
 * Intents the first paint is rehearsed on: a large one (its site placement,
 * features and similarity loops are what a first call compiles and sizes its
 * tables for) and a small one (other branches of the same code).
 */
const REHEARSALS = [
  { sites: 500, regions: 4, redundancy: 'HIGH', mix: 1, goal: 'cost' },
  { sites: 12, regions: 2, redundancy: 'CRITICAL', mix: 0, goal: 'resilience' },
] as const;

/**
 * Runs history's first paint (recommend:instant with historyOnly: the
 * intent's validation, then recommendInstant from history and the
 * predictor) on rehearsal intents and drops the answers, so a process's
 * first real call finds its code compiled and its lazily built tables (the
 * gazetteer, the site placement) ready: the first call of a process took
 * ~120 ms at 500 sites against ~20 ms warm, most of it that (bench:recommend).
 * The answers depend only on their inputs, so nothing a later call sees
 * changes. One rehearsal per call (`step`), so the host can interleave its
 * work between them; returns whether another remains.
 */
export function rehearseFirstPaint(history: readonly LearningSample[], predictor: Predictor, step: number): boolean {
  // Last, the Options view's next call (verify-up-front.ts: each family's generator), so verification starts promptly too.
  if (step === REHEARSALS.length) {
    verifyUpFront(intentOfShape({ ...REHEARSALS[0], name: 'first-paint rehearsal' }), 2);
    return false;
  }
  const shape = REHEARSALS[step];
  if (shape === undefined) return false;
  const parsed = parseIntent(JSON.parse(JSON.stringify(intentOfShape({ ...shape, name: 'first-paint rehearsal' }))));
  if (parsed.ok) recommendInstant(parsed.intent, history, predictor, undefined, null);
  return true;
}
