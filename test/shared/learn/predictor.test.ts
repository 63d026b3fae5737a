import { describe, expect, it } from 'vitest';
import { fitPredictor, fitPredictorModel, predictorFromFit, type Predictor } from '../../../src-shared/learn/predictor';
import { MODEL_VERSION, type LearningSample } from '../../../src-shared/learn/sample';
import { calibrationOf } from '../../../src-shared/learn/accuracy';
import { FEATURE_NAMES, FEATURE_SET_VERSION } from '../../../src-shared/learn/features';
import { IntentSchema, type Intent } from '../../../src-shared/model/intent';
import { recommendInstant } from '../../../src-shared/learn/recommend';
import { intentOfShape } from '../../../src-shared/learn/intents';
import { intentFeatures } from '../../../src-shared/learn/features';

const intent = IntentSchema.parse({ siteGroups: [{ role: 'branch', count: 3 }] });

/** Hand-made history: cost = 1000 × sites for ring, 5000 × sites for full-mesh; latency 10 ms flat. */
function sample(i: number, family: 'ring' | 'full-mesh', sites: number): LearningSample {
  const v = new Array<number>(FEATURE_NAMES.length).fill(0);
  v[0] = Math.log(sites);
  return {
    id: `${family}-${i}`,
    origin: 'bench',
    family,
    seed: 1,
    intent,
    features: v,
    featureSetVersion: FEATURE_SET_VERSION,
    modelVersion: MODEL_VERSION,
    metrics: { costUsd: (family === 'ring' ? 1000 : 5000) * sites, p95LatencyMs: 10, availability: 0.9999, downtimeMinPerYear: 52.56, incidentsPerYear: 1 },
    label: { success: true, feasible: true, withinBudget: true, validationPassed: true, sweepMet: true, redundancyAchieved: 'HIGH' },
    softwareVersion: 'test',
    createdAt: 0,
  };
}

describe('predictor on tiny data with an obvious answer', () => {
  const history: LearningSample[] = [];
  for (let i = 0; i < 20; i++) {
    history.push(sample(i, 'ring', 4 + i));
    history.push(sample(i, 'full-mesh', 4 + i));
  }
  const p = fitPredictor(history);

  it('learns cost proportional to size per family (log-linear)', () => {
    const x = new Array<number>(FEATURE_NAMES.length).fill(0);
    x[0] = Math.log(15);
    expect(p.predict('ring', x)!.costUsd).toBeCloseTo(15_000, -2);
    expect(p.predict('full-mesh', x)!.costUsd).toBeCloseTo(75_000, -3);
    expect(p.predict('ring', x)!.p95LatencyMs).toBeCloseTo(10, 1);
  });
  it('reports a small held-out error on data it can fit, and no model for unseen families', () => {
    expect(p.heldOut.costMapePct).toBeLessThan(2);
    expect(p.trainedOn).toBe(40);
    expect(p.predict('tree', new Array<number>(FEATURE_NAMES.length).fill(0))).toBeNull();
  });
  it('refits as history grows: a new regime changes the prediction', () => {
    const x = new Array<number>(FEATURE_NAMES.length).fill(0);
    x[0] = Math.log(15);
    const more = history.map((s) => (s.family === 'ring' ? { ...s, id: `${s.id}-b`, metrics: { ...s.metrics, costUsd: s.metrics.costUsd * 2 } } : s));
    const p2 = fitPredictor([...history, ...more.filter((s) => s.family === 'ring')]);
    expect(p2.predict('ring', x)!.costUsd).toBeGreaterThan(p.predict('ring', x)!.costUsd * 1.2);
  });
});

describe('instant recommendation', () => {
  it('from history alone, ranks the family history says is cheaper first for a cost goal, and flags unfamiliar intents', () => {
    const small = intentOfShape({ sites: 6, regions: 1, redundancy: 'HIGH', goal: 'cost', mix: 0 });
    const x = intentFeatures(small).vector;
    const history: LearningSample[] = [];
    for (let i = 0; i < 10; i++) {
      for (const family of ['ring', 'full-mesh'] as const) {
        const s = sample(i, family, 4 + i);
        history.push({ ...s, features: x.map((v, j) => (j === 0 ? Math.log(4 + i) : v)) });
      }
    }
    // History alone (as above ESTIMATE_MAX_SITES): the analytic estimate is left out.
    const rec = recommendInstant(small, history, fitPredictor(history), undefined, null);
    expect(rec.options[0]!.family).toBe('ring');
    expect(rec.options[0]!.rationale).toMatch(/ring met HIGH/);
    expect(rec.options).toHaveLength(9);
    // Families history knows nothing about: no numbers invented, nothing that is not JSON.
    const tree = rec.options.find((o) => o.family === 'tree')!;
    expect(tree.predicted).toEqual({ costUsd: null, p95LatencyMs: null, availability: null });
    expect(tree.evidence.nearest).toBeNull();
    expect(rec.options.every((o) => [o.confidence, o.successProbability].every(Number.isFinite))).toBe(true);
    const huge = intentOfShape({ sites: 2000, regions: 4, redundancy: 'CRITICAL', goal: 'cost', mix: 1 });
    const far = recommendInstant(huge, history, fitPredictor(history), undefined, null);
    expect(far.novelty).toMatch(/unlike anything in history/);
    expect(far.options[0]!.confidence).toBeLessThan(rec.options[0]!.confidence);
  });
});

describe('instant recommendation with the analytic estimate', () => {
  it('states the estimate\u2019s figures (the generated design\u2019s cost to the dollar), its verdict and history\u2019s share, in the one verified order', async () => {
    const { generateDesign } = await import('../../../src-shared/generate/generate');
    const { estimateFamilies } = await import('../../../src-shared/learn/estimate');
    const small = intentOfShape({ sites: 6, regions: 1, redundancy: 'HIGH', goal: 'cost', mix: 0 });
    const x = intentFeatures(small).vector;
    const history: LearningSample[] = [];
    for (let i = 0; i < 10; i++) for (const family of ['ring', 'full-mesh'] as const) history.push({ ...sample(i, family, 4 + i), features: x });
    const predictor = fitPredictor(history);
    const rec = recommendInstant(small, history, predictor);
    const est = estimateFamilies(small);
    const record = predictor.estimateRecord();
    for (const o of rec.options) {
      const e = est.estimates.find((q) => q.family === o.family);
      if (!e) {
        expect(o.successProbability).toBe(0);
        continue;
      }
      expect(o.predicted.costUsd).toBe(generateDesign(small, o.family, 1).cost.totalUsd);
      expect(o.successProbability).toBeCloseTo(e.success ? record.pIfMeets : record.pIfFails, 3);
      expect(o.rationale).toMatch(/^estimated from its own design .*this verdict held for \d+ of \d+ designs in history/);
    }
    // Meeting options first, cheapest first (goal cost), as verified mode orders measured ones.
    const meeting = rec.options.filter((o) => est.estimates.find((q) => q.family === o.family)?.success);
    expect(meeting.length).toBeGreaterThan(1);
    expect(rec.options.slice(0, meeting.length)).toEqual(meeting);
    const costs = meeting.map((o) => o.predicted.costUsd!);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
  });
});

describe('real-world context', () => {
  it('counts real networks of about the same size that reach the class', () => {
    const small = intentOfShape({ sites: 6, regions: 1, redundancy: 'HIGH', goal: 'cost', mix: 0 });
    const x = intentFeatures(small).vector;
    const zoo = (i: number, sites: number, achieved: 'STANDARD' | 'HIGH'): LearningSample => ({
      ...sample(i, 'ring', sites),
      id: `zoo-${i}`,
      origin: 'zoo',
      family: null,
      features: x.map((v, j) => (j === 0 ? Math.log(sites) : v)),
      label: { ...sample(i, 'ring', sites).label, redundancyAchieved: achieved },
    });
    const history = [zoo(1, 5, 'HIGH'), zoo(2, 7, 'STANDARD'), zoo(3, 8, 'HIGH'), zoo(4, 60, 'HIGH')];
    for (let i = 0; i < 10; i++) history.push({ ...sample(i, 'ring', 6), features: x });
    const rec = recommendInstant(small, history, fitPredictor(history));
    expect(rec.realWorld).toMatch(/^2 of 3 real networks of about this size/);
  });
});

describe('learning report', () => {
  it('keeps one batch in one trend bucket and splits later batches by time', async () => {
    const { learningReport } = await import('../../../src-shared/learn/report');
    const batch = Array.from({ length: 30 }, (_, i) => ({ ...sample(i, 'ring', 5), createdAt: 100 }));
    const later = Array.from({ length: 10 }, (_, i) => ({ ...sample(100 + i, 'ring', 5), createdAt: 200 + i, label: { ...sample(0, 'ring', 5).label, success: false } }));
    const r = learningReport([...batch, ...later], { heldOut: { samples: 0, costMapePct: NaN, p95MapePct: NaN, downtimeMaeMin: NaN, downtimeMapePct: NaN, calibration: calibrationOf([]) }, trainedOn: 0 });
    expect(r.trend[0]).toMatchObject({ from: 100, to: 100, samples: 30, rate: 1 });
    expect(r.trend.slice(1).every((t) => t.rate === 0)).toBe(true);
    expect(r.perFamily).toEqual([expect.objectContaining({ family: 'ring', successes: 30, total: 40 })]);
    expect(r.perFamily[0]!.interval.low).toBeGreaterThan(0.58);
    expect(r.predictor.costMapePct).toBeNull(); // not cross-validated: null, never NaN
  });
});

describe('calibrated success probabilities', () => {
  it('states the frequency that held out: every design feasible, half within budget → about 50 %, not the raw 95 %', () => {
    const history = Array.from({ length: 80 }, (_, i) => {
      const s = sample(i, 'ring', 5);
      return { ...s, label: { ...s.label, success: i % 2 === 0, withinBudget: i % 2 === 0 } };
    });
    const p = fitPredictor(history);
    // The raw probability from 25 of 25 feasible neighbours is the Wilson centre, about 0.93.
    expect(p.calibrate(0.93)).toBeGreaterThan(0.4);
    expect(p.calibrate(0.93)).toBeLessThan(0.6);
    expect(p.heldOut.calibration.cases).toBe(80);
    expect(p.heldOut.calibration.ecePoints!).toBeLessThan(12);
  });

  it('with too little history, states raw probabilities (within the floor)', () => {
    const p = fitPredictor(Array.from({ length: 20 }, (_, i) => sample(i, 'ring', 5)));
    expect(p.calibrate(0.7)).toBe(0.7);
    expect(p.calibrate(1)).toBe(0.99);
  });
});

describe('a fit made in another thread', () => {
  it('carried across as plain data (structured clone) gives the same predictions, intervals, calibration and held-out error', () => {
    const history: LearningSample[] = [];
    for (let i = 0; i < 60; i++) {
      const s = sample(i, 'ring', 4 + (i % 17));
      history.push({ ...s, metrics: { ...s.metrics, costUsd: s.metrics.costUsd * (1 + 0.3 * Math.sin(i)) }, label: { ...s.label, success: i % 3 !== 0 } });
    }
    // Few full-mesh samples: their spread is the pooled one, which the carried fit must keep too.
    for (let i = 0; i < 9; i++) history.push(sample(i, 'full-mesh', 5 + i));
    const here = fitPredictor(history);
    const there = predictorFromFit(structuredClone(fitPredictorModel(history)), history);
    expect(there.families).toEqual(here.families);
    expect(there.sigma).toEqual(here.sigma);
    expect(there.heldOut).toEqual(here.heldOut);
    expect(there.trainedOn).toBe(here.trainedOn);
    for (const raw of [0, 0.2, 0.55, 0.93, 1]) expect(there.calibrate(raw)).toBe(here.calibrate(raw));
    expect(here.calibrate(0.93)).not.toBe(0.93); // the calibration map is in use
    for (const family of ['ring', 'full-mesh', 'tree'] as const) {
      for (const sites of [3, 9, 40]) {
        const x = new Array<number>(FEATURE_NAMES.length).fill(0);
        x[0] = Math.log(sites);
        expect(there.predict(family, x)).toEqual(here.predict(family, x));
      }
    }
  });
});

describe('recommendation accuracy over time', () => {
  it('replays instant answers from the history before each period against the verified outcome (hand-computed regret)', async () => {
    const { accuracyOverTime } = await import('../../../src-shared/learn/report');
    const costIntent = { ...intent, goal: 'cost' as const };
    const base = Array.from({ length: 20 }, (_, i) => [sample(i, 'ring', 5), sample(i, 'full-mesh', 5)]).flat();
    const verified = (t: number, ringCost: number, meshCost: number) =>
      (['ring', 'full-mesh'] as const).map((f) => {
        const s = sample(1000 + t, f, 5);
        return { ...s, id: `v-${t}-${f}`, origin: 'verified' as const, intent: costIntent, createdAt: t, metrics: { ...s.metrics, costUsd: f === 'ring' ? ringCost : meshCost } };
      });
    // Period 1: ring is cheaper, as history says: agreement, no regret.
    // Period 2: full mesh turned out cheaper (5,000 against 6,000): instant still picks ring → regret 20 %.
    // History alone answers (the replay is under test, not the analytic estimate, whose figures are the real generators').
    const historyAlone = (i: Intent, h: readonly LearningSample[], p: Predictor) => recommendInstant(i, h, p, undefined, null);
    const periods = accuracyOverTime([...base, ...verified(100, 5000, 25_000), ...verified(200, 6000, 5000)], historyAlone);
    expect(periods).toHaveLength(2);
    expect(periods[0]).toMatchObject({ from: 100, to: 100, intents: 1, trainedOn: 40, top1Pct: 100, meanRegretPct: 0 });
    expect(periods[1]).toMatchObject({ from: 200, intents: 1, trainedOn: 42, top1Pct: 0 });
    expect(periods[1]!.meanRegretPct).toBeCloseTo(20, 10);
    expect(accuracyOverTime(base, historyAlone)).toEqual([]);
  });

  it('is keyed by what it reads: later designs leave the key alone, a verified one or an earlier design changes it', async () => {
    const { accuracyKey } = await import('../../../src-shared/learn/report');
    const base = Array.from({ length: 20 }, (_, i) => sample(i, 'ring', 5));
    const verified = (t: number) => ({ ...sample(900 + t, 'ring', 5), id: `v-${t}`, origin: 'verified' as const, createdAt: t });
    const key = accuracyKey([...base, verified(100)]);
    expect(accuracyKey(base)).toBe(''); // nothing to answer again
    expect(accuracyKey([...base, verified(100), { ...sample(50, 'ring', 5), id: 'later', createdAt: 500 }])).toBe(key);
    expect(accuracyKey([...base, verified(100), verified(200)])).not.toBe(key);
    expect(accuracyKey([...base, verified(100), { ...sample(51, 'ring', 5), id: 'earlier', createdAt: 50 }])).not.toBe(key);
  });
});
