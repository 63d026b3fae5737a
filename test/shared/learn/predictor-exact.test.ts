import { describe, expect, it } from 'vitest';
import { fitPredictorModel } from '../../../src-shared/learn/predictor';
import { similarSamples } from '../../../src-shared/learn/similarity';
import { fitRidge } from '../../../src-shared/learn/ridge';
import { TOPOLOGY_FAMILIES } from '../../../src-shared/model/topology';
import { randomHistory } from '../../helpers/random-history';
import { referenceFitPredictorModel, referenceFitRidge, referenceSimilarSamples } from '../../helpers/predictor-reference';

/**
 * The fast fit (shared ridge factor, one neighbour search for three targets,
 * similar samples by a small buffer) against the plain one it replaced
 * (test/helpers/predictor-reference.ts), bit for bit, on random histories
 * built to have ties: feature values drawn from a few levels, duplicated
 * rows, families too small for a model, intents with and without budgets.
 * The shipped bootstrap history is compared in test/main/learn/predictor-fit-store.test.ts.
 */
describe('the fast predictor fit equals the plain one bit for bit', () => {
  it('on random histories with tied rows and distances (three seeds, coarse and fine feature levels)', () => {
    for (const [seed, n, levels] of [[1, 200, 3], [2, 150, 50], [3, 120, 2]] as const) {
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
