import { describe, expect, it } from 'vitest';
import { FEATURE_SET_VERSION, intentFeatures } from '../../../src-shared/learn/features';
import { intentOfShape } from '../../../src-shared/learn/intents';
import { fitPredictor } from '../../../src-shared/learn/predictor';
import { familiarityOf, recommendInstant, type Recommendation } from '../../../src-shared/learn/recommend';
import { MODEL_VERSION, type LearningSample } from '../../../src-shared/learn/sample';
import { assembleVerified } from '../../../src-shared/learn/verify';
import type { Family } from '../../../src-shared/model/topology';

const query = intentOfShape({ sites: 6, regions: 1, redundancy: 'HIGH', goal: 'cost', mix: 0 });
const x = intentFeatures(query).vector;

function sample(id: string, family: Family, features: number[]): LearningSample {
  return {
    id, origin: 'bench', family, seed: 1, intent: query, features, featureSetVersion: FEATURE_SET_VERSION, modelVersion: MODEL_VERSION,
    metrics: { costUsd: 1000 * Math.exp(features[0]!), p95LatencyMs: 10, availability: 0.9999, downtimeMinPerYear: 52.56, incidentsPerYear: 1 },
    label: { success: true, feasible: true, withinBudget: true, validationPassed: true, sweepMet: true, redundancyAchieved: 'HIGH' },
    softwareVersion: 'test', createdAt: 0,
  };
}

/** What each applicable option's confidence says: lowered below its P(success), or kept. */
function loweredOf(rec: Recommendation): Map<Family, boolean> {
  const out = new Map<Family, boolean>();
  for (const o of rec.options) {
    if (o.predicted.costUsd === null && o.successProbability === 0) continue; // left out: no confidence to speak of
    out.set(o.family, o.confidence < Math.round(100 * o.successProbability) / 100);
  }
  return out;
}

/** The note and the cards agree: every family the note calls lowered is, and no other. */
function expectNoteAgrees(rec: Recommendation): void {
  const lowered = loweredOf(rec);
  const note = rec.novelty ?? '';
  const listed = /predictions for (.+) are extrapolated and their confidence is lowered/.exec(note)?.[1]?.split(', ') ?? null;
  const all = /predictions are extrapolated and confidence is lowered/.test(note);
  const none = /confidence is not lowered/.test(note);
  for (const [family, low] of lowered) {
    const said = all ? true : listed !== null ? listed.includes(family) : none ? false : null;
    if (said !== null) expect(low, `${family}: confidence ${low ? '' : 'not '}lowered; the note: ${note}`).toBe(said);
  }
}

describe('the note on an intent unlike history agrees with the confidences beside it (one rule: familiarityOf)', () => {
  // Ring and full mesh: one past intent each at the query itself (inside the radius, but fewer than MIN_SIMILAR),
  // the rest far away; the other families have no history at all. Most families are unfamiliar: the note is said.
  const far = (i: number) => x.map((v, j) => (j === 0 ? v + 3 + i / 10 : v));
  const history: LearningSample[] = [];
  for (const family of ['ring', 'full-mesh'] as const) {
    history.push(sample(`${family}-here`, family, [...x]));
    for (let i = 0; i < 8; i++) history.push(sample(`${family}-${i}`, family, far(i)));
  }
  const rec = recommendInstant(query, history, fitPredictor(history), undefined, null);

  it('names the families whose confidence it lowered, and not ring or full mesh (a past intent within reach)', () => {
    expect(rec.novelty).toMatch(/unlike anything in history \(fewer than 3 close past intents/);
    expect(rec.novelty).not.toMatch(/predictions are extrapolated and confidence is lowered/);
    const ring = rec.options.find((o) => o.family === 'ring')!;
    expect(ring.evidence.familiar).toBe(false);
    expect(familiarityOf(ring.evidence, false)).toBe(1);
    expectNoteAgrees(rec);
  });

  it('an intent far from all of history: every confidence lowered, and said so', () => {
    const huge = intentOfShape({ sites: 2000, regions: 4, redundancy: 'CRITICAL', goal: 'cost', mix: 1 });
    const r = recommendInstant(huge, history, fitPredictor(history), undefined, null);
    expect(r.novelty).toMatch(/predictions are extrapolated and confidence is lowered/);
    expectNoteAgrees(r);
  });

  it('the verified answer says its ranking is measured, not that a confidence was lowered', () => {
    const v = assembleVerified(query, [], [], rec);
    expect(v.novelty).toMatch(/unlike anything in history/);
    expect(v.novelty).toMatch(/measured by generation and simulation/);
    expect(v.novelty).not.toMatch(/confidence is lowered/);
  });

  it('estimated families keep their P(success) as confidence: the note says it is not lowered', () => {
    const ring = rec.options.find((o) => o.family === 'ring')!;
    expect(familiarityOf(ring.evidence, true)).toBe(1);
    expect(familiarityOf({ ...ring.evidence, nearest: null }, false)).toBe(0.2);
  });
});
