import { greatCircleKm } from '../generate/geo';
import { hilbertOrder } from '../generate/order';
import { expandSites, isImportantSite, rankSites, sitesByRegion } from '../generate/sites';
import { redundancyRank, type Goal, type Intent, type Redundancy } from '../model/intent';
import type { Site } from '../model/topology';
import { quantile } from './stats';

/**
 * Numeric features of an intent, the inputs of the predictor and of the
 * similarity search. Sites are expanded exactly as the generators do
 * (`expandSites(intent, seed)`), so geography is the design's own.
 *
 * Geometry is measured on at most GEO_SAMPLE sites taken evenly from the
 * ranked list (deterministic), so a 20,000-site intent costs the same as a
 * 120-site one: O(n log n) for ranking plus O(GEO_SAMPLE²).
 *
 * Cost proxies follow how the families lay cable: a star (n × distance to
 * the hub), a ring (√n × spread, the travelling-salesman scaling of
 * Beardwood–Halton–Hammersley 1959) and a mesh (n² × mean pair distance).
 */
export const GEO_SAMPLE = 120;

/**
 * The version of the feature set: FEATURE_NAMES and how each is computed.
 * Bump it with any change to either. Stored samples carry the version they
 * were computed with, and history never mixes two versions in one fit
 * (sample.ts, currentSample).
 */
export const FEATURE_SET_VERSION = 2;

export const FEATURE_NAMES = [
  'lnSites',
  'lnRegions',
  'redundancyStandard',
  'redundancyHigh',
  'redundancyCritical',
  'fracImportant',
  'fracBranch',
  'lnBandwidthMbps',
  'lnMeanPairKm',
  'lnP95PairKm',
  'lnP95ViaHubKm',
  'lnMeanHubKm',
  'lnStarKm',
  'lnRingKm',
  'lnMeshKm',
  'lnPorts',
  'lnOversubscription',
  'lnFabricGbps',
  'headroom',
  'lnTourKm',
  'lnRegionStarKm',
  'lnInterRegionKm',
  'lnDemandGbps',
  // Version 2: the intent's limits, which decide feasibility more than size does (issue 17).
  'hopTightness',
  'latencyTightness',
  'pairBudgetTightness',
  'fracDatacenter',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface IntentFeatures {
  /** Values in FEATURE_NAMES order. */
  readonly vector: readonly number[];
  readonly sites: number;
  readonly regions: number;
  readonly redundancy: Redundancy;
  readonly goal: Goal;
  readonly budgetUsd: number | null;
}

const ln1 = (x: number): number => Math.log(1 + Math.max(0, x));

/**
 * One-way latency of a great-circle distance over fibre: 5 µs per route km
 * × a route factor of 1.3 (terrestrial long haul; docs/planning-model.md §5,
 * Durairajan et al. 2015). Only a scale for the tightness features — a limit
 * compared with the distance it must cover — not a latency prediction.
 */
const fibreMs = (km: number): number => km * 0.005 * 1.3;

/** Evenly spaced sample of at most k items (keeps the first). */
function evenSample<T>(xs: readonly T[], k: number): T[] {
  if (xs.length <= k) return [...xs];
  const out: T[] = [];
  for (let i = 0; i < k; i++) out.push(xs[Math.floor((i * xs.length) / k)]!);
  return out;
}

const km = (a: Site, b: Site): number => greatCircleKm(a.lat ?? 0, a.lon ?? 0, b.lat ?? 0, b.lon ?? 0);

export function intentFeatures(intent: Intent, seed = 1): IntentFeatures {
  const sites = expandSites(intent, seed);
  return featuresOfSites(intent, sites);
}

/** Same as intentFeatures for sites already expanded (or imported). */
export function featuresOfSites(intent: Intent, sites: readonly Site[]): IntentFeatures {
  const n = Math.max(1, sites.length);
  const ranked = rankSites(sites);
  const regions = new Set(sites.map((s) => s.region)).size || 1;
  const important = sites.filter((s) => isImportantSite(s.role)).length;
  const branch = sites.filter((s) => s.role === 'branch' || s.role === 'campus').length;
  const bw = sites.reduce((a, s) => a + (s.bandwidthMbps ?? 0), 0) / n;
  const sample = evenSample(ranked, GEO_SAMPLE);
  const hub = ranked[0];
  const hubKm = hub ? sample.map((s) => km(s, hub)) : [0];
  const pair: number[] = [];
  const viaHub: number[] = [];
  for (let i = 0; i < sample.length; i++) {
    for (let j = i + 1; j < sample.length; j++) {
      pair.push(km(sample[i]!, sample[j]!));
      if (hub) viaHub.push(hubKm[i]! + hubKm[j]!);
    }
  }
  const meanPair = pair.length ? pair.reduce((a, b) => a + b, 0) / pair.length : 0;
  const meanHub = hubKm.reduce((a, b) => a + b, 0) / hubKm.length;
  const spread = quantile(pair, 0.5) || 0;
  const r = redundancyRank(intent.redundancy);
  const c = intent.constraints;
  const regional = regionalKm(sites);
  const vector = [
    Math.log(n),
    Math.log(regions),
    r >= 1 ? 1 : 0,
    r >= 2 ? 1 : 0,
    r >= 3 ? 1 : 0,
    important / n,
    branch / n,
    ln1(bw),
    ln1(meanPair),
    ln1(pair.length ? quantile(pair, 0.95) : 0),
    ln1(viaHub.length ? quantile(viaHub, 0.95) : 0),
    ln1(meanHub),
    ln1(n * meanHub),
    ln1(Math.sqrt(n) * spread),
    ln1(n * n * meanPair),
    Math.log(c.portsPerDevice),
    Math.log(c.maxOversubscription),
    Math.log(c.fabricUplinkGbps),
    intent.growthHeadroomPct / 100,
    ln1(tourKm(sites)),
    ln1(regional.star),
    ln1(regional.inter),
    ln1(sites.reduce((a, s) => a + (s.bandwidthMbps ?? 0), 0) / 1000),
    c.maxHops === undefined ? 0 : Math.log2(n) / c.maxHops,
    c.maxLatencyMs === undefined ? 0 : fibreMs(quantile(pair, 0.95) || 0) / c.maxLatencyMs,
    c.latencyBudgets.length === 0 ? 0 : fibreMs(quantile(pair, 0.5) || 0) / Math.min(...c.latencyBudgets.map((b) => b.maxMs)),
    sites.filter((s) => s.role === 'datacenter' || s.role === 'colo').length / n,
  ];
  return {
    vector,
    sites: sites.length,
    regions,
    redundancy: intent.redundancy,
    goal: intent.goal,
    budgetUsd: intent.budgetUsd ?? null,
  };
}

/** Length of the closed Hilbert-order tour the ring families lay (generate/order.ts). O(n log n). */
function tourKm(sites: readonly Site[]): number {
  const order = hilbertOrder(sites);
  let total = 0;
  for (let i = 0; i < order.length && order.length > 1; i++) total += km(order[i]!, order[(i + 1) % order.length]!);
  return total;
}

/**
 * Per region: distance of each site to the region's most important site
 * (where trees put distribution and hybrids their region core), summed; and
 * the summed distance between region centroids (inter-region circuits).
 * O(n log n + regions²).
 */
function regionalKm(sites: readonly Site[]): { star: number; inter: number } {
  let star = 0;
  const centroids: { lat: number; lon: number }[] = [];
  for (const list of sitesByRegion(sites).values()) {
    const head = rankSites(list)[0]!;
    for (const s of list) star += km(s, head);
    const lat = list.reduce((a, s) => a + (s.lat ?? 0), 0) / list.length;
    const lon = list.reduce((a, s) => a + (s.lon ?? 0), 0) / list.length;
    centroids.push({ lat, lon });
  }
  let inter = 0;
  for (let i = 0; i < centroids.length; i++)
    for (let j = i + 1; j < centroids.length; j++)
      inter += greatCircleKm(centroids[i]!.lat, centroids[i]!.lon, centroids[j]!.lat, centroids[j]!.lon);
  return { star, inter };
}

/** The coarse class of an intent used by the learning report. */
export interface IntentClass {
  sizeBand: '1-10' | '11-50' | '51-200' | '201+';
  redundancy: Redundancy;
  goal: Goal;
  regionBand: '1' | '2-3' | '4+';
}

export function intentClass(f: Pick<IntentFeatures, 'sites' | 'regions' | 'redundancy' | 'goal'>): IntentClass {
  const sizeBand = f.sites <= 10 ? '1-10' : f.sites <= 50 ? '11-50' : f.sites <= 200 ? '51-200' : '201+';
  const regionBand = f.regions <= 1 ? '1' : f.regions <= 3 ? '2-3' : '4+';
  return { sizeBand, redundancy: f.redundancy, goal: f.goal, regionBand };
}

export const classKey = (c: IntentClass): string => `${c.sizeBand}|${c.redundancy}|${c.goal}|${c.regionBand}`;

/**
 * Distance between two intents on the features a planner would call
 * "similar": size and region count (per doubling), redundancy class (two
 * units per class step: a different class is a different problem), the mix
 * of important sites, geographic spread (per doubling), and (version 2)
 * how tight the hop and latency limits are and the share of datacenters. Fixed weights so
 * the distance is stable as history grows. O(1).
 */
export function intentDistance(a: readonly number[], b: readonly number[]): number {
  const LN2 = Math.LN2;
  const red = 2 * (a[2]! + a[3]! + a[4]! - (b[2]! + b[3]! + b[4]!));
  const t0 = (a[0]! - b[0]!) / LN2;
  const t1 = (a[1]! - b[1]!) / LN2;
  const t5 = 3 * (a[5]! - b[5]!);
  const t9 = (a[9]! - b[9]!) / LN2;
  const t7 = (a[7]! - b[7]!) / (2 * LN2);
  // Limits (version 2): a tightness of 1 means the limit is about what the geography needs.
  const t23 = 2 * ((a[23] ?? 0) - (b[23] ?? 0));
  const t24 = 2 * (Math.min(2, a[24] ?? 0) - Math.min(2, b[24] ?? 0));
  const t25 = 2 * (Math.min(2, a[25] ?? 0) - Math.min(2, b[25] ?? 0));
  const t26 = 3 * ((a[26] ?? 0) - (b[26] ?? 0));
  return Math.sqrt(t0 * t0 + t1 * t1 + red * red + t5 * t5 + t9 * t9 + t7 * t7 + t23 * t23 + t24 * t24 + t25 * t25 + t26 * t26);
}
