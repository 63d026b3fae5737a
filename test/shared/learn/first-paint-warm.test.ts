import { describe, expect, it } from 'vitest';
import { rehearseFirstPaint } from '../../../src-shared/learn/first-paint-warm';
import { FEATURE_NAMES, FEATURE_SET_VERSION, intentFeatures } from '../../../src-shared/learn/features';
import { intentOfShape } from '../../../src-shared/learn/intents';
import { fitPredictor } from '../../../src-shared/learn/predictor';
import { recommendInstant } from '../../../src-shared/learn/recommend';
import { MODEL_VERSION, type LearningSample } from '../../../src-shared/learn/sample';
import { retailChain } from '../../helpers/retail-intents';
import { IntentSchema } from '../../../src-shared/model/intent';

/** A small history of two families over grid intents of 4–60 sites, with made-up but consistent figures. */
function history(): LearningSample[] {
  const out: LearningSample[] = [];
  for (const sites of [4, 8, 16, 30, 60]) {
    for (const family of ['hub-spoke', 'dual-hub'] as const) {
      const intent = intentOfShape({ sites, regions: 2, redundancy: 'HIGH', mix: 0, goal: 'cost' });
      const features = [...intentFeatures(intent).vector];
      expect(features.length).toBe(FEATURE_NAMES.length);
      out.push({
        id: `${family}-${sites}`, origin: 'bench', family, seed: 1, intent, features, featureSetVersion: FEATURE_SET_VERSION, modelVersion: MODEL_VERSION,
        metrics: { costUsd: (family === 'hub-spoke' ? 1e5 : 2e5) * sites, p95LatencyMs: 20 + sites / 10, availability: family === 'hub-spoke' ? 0.999 : 0.9999, downtimeMinPerYear: 50, incidentsPerYear: 1 },
        label: { success: family === 'dual-hub', feasible: true, withinBudget: true, validationPassed: true, sweepMet: family === 'dual-hub', redundancyAchieved: family === 'dual-hub' ? 'HIGH' : 'STANDARD' },
        softwareVersion: 'test', createdAt: 0,
      });
    }
  }
  return out;
}

describe('rehearseFirstPaint: warms the first paint without changing any answer', () => {
  it('runs every step once, then says none remains; a real answer after it equals the answer before it', () => {
    const h = history();
    const predictor = fitPredictor(h);
    const intent = IntentSchema.parse(retailChain(40, 'HIGH', 'cost'));
    const before = JSON.stringify(recommendInstant(intent, h, predictor, undefined, null));
    let steps = 1;
    while (rehearseFirstPaint(h, predictor, steps - 1)) steps++;
    expect(steps).toBe(3); // two rehearsal intents, then the up-front decision
    expect(rehearseFirstPaint(h, predictor, steps)).toBe(false);
    expect(JSON.stringify(recommendInstant(intent, h, predictor, undefined, null))).toBe(before);
  });
});
