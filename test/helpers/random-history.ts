import { FEATURE_NAMES, FEATURE_SET_VERSION } from '../../src-shared/learn/features';
import { MODEL_VERSION, type LearningSample } from '../../src-shared/learn/sample';
import { IntentSchema } from '../../src-shared/model/intent';
import { TOPOLOGY_FAMILIES, type Family } from '../../src-shared/model/topology';
import { mulberry32 } from '../../src-shared/lib/rng';

/**
 * A random learning history for the predictor's tests, built to have ties:
 * feature values drawn from `levels` levels, duplicated rows, a family too
 * small for a model, samples without a family, intents with and without a
 * budget. Deterministic in `seed`; no design is generated (cheap).
 */
const withBudget = IntentSchema.parse({ siteGroups: [{ role: 'branch', count: 3 }], budgetUsd: 400_000 });
const without = IntentSchema.parse({ siteGroups: [{ role: 'branch', count: 3 }] });

export function randomHistory(seed: number, n: number, levels: number): LearningSample[] {
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

