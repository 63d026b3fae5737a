import { describe, expect, it } from 'vitest';
import { fitPredictorModel } from '../../../src-shared/learn/predictor';
import { similarSamples } from '../../../src-shared/learn/similarity';
import { fitRidge } from '../../../src-shared/learn/ridge';
import { FEATURE_NAMES, FEATURE_SET_VERSION } from '../../../src-shared/learn/features';
import { MODEL_VERSION, type LearningSample } from '../../../src-shared/learn/sample';
import { IntentSchema } from '../../../src-shared/model/intent';
import { TOPOLOGY_FAMILIES, type Family } from '../../../src-shared/model/topology';
import { mulberry32 } from '../../../src-shared/lib/rng';
import { referenceFitPredictorModel, referenceFitRidge, referenceSimilarSamples } from '../../helpers/predictor-reference';

/**
 * The fast fit (shared ridge factor, one neighbour search for three targets,
 * similar samples by a small buffer) against the plain one it replaced
 * (test/helpers/predictor-reference.ts), bit for bit, on random histories
 * built to have ties: feature values drawn from a few levels, duplicated
 * rows, families too small for a model, intents with and without budgets.
 * The shipped bootstrap history is compared in test/main/learn/predictor-fit-store.test.ts.
 */
const withBudget = IntentSchema.parse({ siteGroups: [{ role: 'branch', count: 3 }], budgetUsd: 400_000 });
const without = IntentSchema.parse({ siteGroups: [{ role: 'branch', count: 3 }] });

function randomHistory(seed: number, n: number, levels: number): LearningSample[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  // Six families in use, one of them rare (fewer than MIN_FAMILY_SAMPLES: no model of its own).
  const families = TOPOLOGY_FAMILIES.slice(0, 6);
  const out: LearningSample[] = [];
  for (let i = 0; i < n; i++) {
    const twin = i > 10 && rnd() < 0.15 ? out[Math.floor(rnd() * out.length)]! : null;
    const features = twin ? [...twin.features] : FEATURE_NAMES.map((_, j) => (j === 2 || j === 3 || j === 4 ? Number(rnd() < 0.3) : Math.floor(rnd() * levels) / levels + (j === 0 ? 1 : 0)));
    const family: Family | null = rnd() < 0.05 ? null : i % 97 === 5 ? families[5]! : pick(families.slice(0, 5));
    const success = rnd() < 0.6;
    out.push({
      id: `s${seed}-${i}`,
      origin: 'bench',
      family,
      seed: 1,
      intent: rnd() < 0.5 ? withBudget : without,
      features,
      featureSetVersion: FEATURE_SET_VERSION,
      modelVersion: MODEL_VERSION,
      metrics: {
        costUsd: twin && rnd() < 0.5 ? twin.metrics.costUsd : Math.exp(10 + 3 * rnd()),
        p95LatencyMs: Math.floor(rnd() * 40),
        availability: 0.999,
        downtimeMinPerYear: rnd() < 0.1 ? 0 : 600 * rnd(),
        incidentsPerYear: 1,
      },
      label: { success, feasible: success || rnd() < 0.3, withinBudget: true, validationPassed: true, sweepMet: true, redundancyAchieved: 'STANDARD' },
      softwareVersion: 'test',
      createdAt: i,
    });
  }
  return out;
}

describe('the fast predictor fit equals the plain one bit for bit', () => {
  it('on random histories with tied rows and distances (three seeds, coarse and fine feature levels)', () => {
    for (const [seed, n, levels] of [[1, 300, 3], [2, 200, 50], [3, 120, 2]] as const) {
      const h = randomHistory(seed, n, levels);
      expect(JSON.stringify(fitPredictorModel(h)), `seed ${seed}`).toBe(JSON.stringify(referenceFitPredictorModel(h)));
    }
  });

  it('on histories too small for cross-validation or for any family model', () => {
    for (const n of [0, 1, 7, 12, 30]) {
      const h = randomHistory(10 + n, n, 4);
      expect(JSON.stringify(fitPredictorModel(h)), `n ${n}`).toBe(JSON.stringify(referenceFitPredictorModel(h)));
    }
  });

  it('ridge with several targets is each target alone', () => {
    const h = randomHistory(7, 80, 9);
    const X = h.map((s) => s.features);
    expect(JSON.stringify(fitRidge(X, h.map((s) => s.metrics.p95LatencyMs), 0.3))).toBe(JSON.stringify(referenceFitRidge(X, h.map((s) => s.metrics.p95LatencyMs), 0.3)));
  });

  it('similar samples: same picks, in the same order, with ties, Infinity and NaN distances', () => {
    const h = randomHistory(5, 260, 2);
    // Nearly every distance tied: which of the tied samples fill the last places decides the evidence.
    const flat = randomHistory(6, 700, 1);
    // Non-finite features give Infinity and NaN distances: the plain sort's answer for them is kept.
    h[3] = { ...h[3]!, features: h[3]!.features.map((v, j) => (j === 0 ? Infinity : v)) };
    h[9] = { ...h[9]!, features: h[9]!.features.map((v, j) => (j === 1 ? NaN : v)) };
    const key = (r: ReturnType<typeof similarSamples>) => JSON.stringify({ ...r, used: r.used.map((u) => [u.sample.id, u.d]) });
    for (let q = 0; q < 40; q++) {
      const hist = q < 15 ? h.filter((_, i) => i !== 9) : q < 30 ? h : flat; // with and without the NaN row
      const x = hist[(q * 7) % hist.length]!.features.map((v, j) => (q % 3 === 0 && j === 0 ? v + 0.5 : v));
      for (const family of TOPOLOGY_FAMILIES.slice(0, 6)) {
        expect(key(similarSamples(hist, family, x)), `${q} ${family}`).toBe(key(referenceSimilarSamples(hist, family, x)));
      }
    }
  });
});
