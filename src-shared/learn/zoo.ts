import { costDesign } from '../cost/cost';
import { DEFAULT_PRICE_BOOK } from '../cost/pricebook';
import { IntentSchema, type Redundancy } from '../model/intent';
import type { Topology } from '../model/topology';
import { validateDesign } from '../validate/validate';
import { FEATURE_SET_VERSION, featuresOfSites } from './features';
import { measureTopology, MODEL_VERSION, successOf, type LearningSample } from './sample';

/**
 * A real network (e.g. a Topology Zoo file imported from GraphML) as a
 * history sample: priced with the default price book, measured (p95
 * latency, availability) and validated with no intent. Its "intent" is the
 * one it actually serves: its sites as branches in their regions, at the
 * redundancy class it achieves — so the sample says what real operators
 * build for networks of that size and spread. It has no family, so it feeds
 * the report and evidence, not the per-family predictor. O(validate + sweep).
 */
export function sampleFromRealNetwork(
  t: Topology,
  meta: { id: string; name: string; softwareVersion: string; createdAt: number },
): LearningSample {
  const cost = costDesign(t, DEFAULT_PRICE_BOOK);
  const validation = validateDesign(t, undefined, { cost });
  const { metrics, avail } = measureTopology(t, cost.totalUsd);
  const achieved: Redundancy = validation.redundancyAchieved ?? 'NONE';
  const regions = [...new Set(t.sites.map((s) => s.region))];
  const intent = IntentSchema.parse({
    name: meta.name,
    siteGroups: (regions.length ? regions : ['default']).map((region) => ({
      role: 'branch',
      region,
      count: Math.max(1, t.sites.filter((s) => s.region === region).length || t.nodes.length),
    })),
    redundancy: achieved,
  });
  const sites = t.sites.length ? t.sites : t.nodes.map((d) => ({ id: d.id, name: d.name, role: 'branch' as const, region: d.region ?? 'default', ...(d.lat !== undefined && d.lon !== undefined ? { lat: d.lat, lon: d.lon } : {}) }));
  return {
    id: meta.id,
    origin: 'zoo',
    family: null,
    seed: 0,
    intent,
    features: featuresOfSites(intent, sites).vector,
    featureSetVersion: FEATURE_SET_VERSION,
    modelVersion: MODEL_VERSION,
    metrics,
    label: successOf(intent, validation, avail, cost.totalUsd),
    softwareVersion: meta.softwareVersion,
    createdAt: meta.createdAt,
  };
}
