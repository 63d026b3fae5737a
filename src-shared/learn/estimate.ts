import { costDesign } from '../cost/cost';
import { DEFAULT_PRICE_BOOK, type PriceBook } from '../cost/pricebook';
import { assignTransports } from '../cost/transport';
import { notApplicableFamilies } from '../generate/applicability';
import { buildFamily, GenerateError } from '../generate/generate';
import { hardenCoreSites } from '../generate/harden';
import { sizeForFailures } from '../generate/size';
import { RoutedFailures } from '../model/routed-failures';
import { redundancyRank, REDUNDANCY_ORDER, type Intent } from '../model/intent';
import { planningFromIntent } from '../model/traffic';
import { TOPOLOGY_FAMILIES, type Family, type Topology } from '../model/topology';
import { indexDesign } from '../validate/design-index';
import { distanceChecks } from '../validate/distance-checks';
import { budgetCheck, oversubscriptionCheck, portChecks } from '../validate/physical';
import { assessRedundancy } from '../validate/redundancy';
import type { Check } from '../validate/types';
import { availabilityOf } from './availability';
import { needsPairTerm, type DesignMeasures } from './sample';
import { p95SiteLatencyMs } from './latency';
import { failedConstraints, type FailedConstraint, type MeasuredFigures } from './options';

/**
 * The analytic estimate of one family for an intent (issue 17): what the
 * family's generator lays, priced and checked by the same code verification
 * uses, without the validation's one expensive check.
 *
 * Cost is not learnt: it follows from the design's structure and the price
 * book. The estimate builds the family's design with the generator itself
 * (generate.ts buildFamily: sites, devices per role and model, links per
 * site and their route lengths from the sites' coordinates and the route
 * model), hardens core sites as buildTopology does (two devices at every core
 * site for HIGH and above), attaches the intent's planning assumptions and
 * chooses each link's transport (cost/transport.ts). Up to
 * ESTIMATE_SIZING_MAX_DEVICES devices its links are sized for the traffic
 * under the failures the class must survive exactly as generation does
 * (generate/size.ts): the estimate's design is then the generated design.
 * Above it links keep the family's own speeds (the SKELETON): sizing is one
 * capacity-under-failure run, seconds at 500 sites. On that design:
 * - cost: costDesign (cost/cost.ts), the one cost model and price book;
 * - p95 latency: p95SiteLatencyMs (latency.ts), the measure verification
 *   records; sizing changes capacities, never paths or IGP weights, so this
 *   is the generated design's own figure even unsized;
 * - availability: availabilityOf (availability.ts), the one availability
 *   model; sizing adds LAG members but no circuits, ducts or devices;
 * - whether the intent is met: the validation's own checks (validate/*) —
 *   connectivity and each required redundancy level (assessRedundancy),
 *   hops, latency and latency budgets (distanceChecks), ports and
 *   oversubscription, the budget (budgetCheck) on the estimated cost — and
 *   the failure sweep (availabilityOf's worst pairs) as successOf reads them
 *   (sample.ts), stated as verification states them (options.ts
 *   failedConstraints). Only the capacity-under-failure check is left out;
 *   the generators size every link for it, so it rarely binds.
 * Where it departs from the generated design (docs/learning.md, "The
 * analytic estimate"): unsized, links that sizing would raise cost more (a
 * partial mesh's chords, carried through failures, up to 60 %), and a LAG
 * added by sizing uses ports the skeleton does not; history corrects the
 * cost (estimate-record.ts). O(one generation + one latency, availability
 * and site-pair pass), no simulation of traffic beyond the sizing run.
 */
export interface FamilyEstimate {
  family: Family;
  /** Links sized for failures as generated (cost exact), or the family's own speeds (history corrects the cost). */
  sized: boolean;
  /** The figures verification measures, on the skeleton. */
  estimated: MeasuredFigures;
  /** Meets the intent by the checks above (budget on the estimated cost). */
  success: boolean;
  /** Meets everything but the budget. */
  feasible: boolean;
  /** The constraints it fails, as verification states them (options.ts failedConstraints). */
  failed: FailedConstraint[];
}

/**
 * Monte Carlo draws of the availability model (sim/availability.ts) for an
 * unsized skeleton (above ESTIMATE_SIZING_MAX_DEVICES), where the design is
 * too large to enumerate: verification uses the model's own rule (2,000–
 * 20,000 draws), which costs about 0.1 s per family at 500 sites. A sized
 * estimate uses the model's own rule, so its availability is verification's
 * to the digit (same elements, same seed, same draws). The headline is a
 * mean over site pairs, so the sampling error of 500 draws stays moderate
 * (docs/learning.md gives the measured error).
 */
export const ESTIMATE_AVAILABILITY_SAMPLES = 500;

export interface FamilyEstimates {
  estimates: FamilyEstimate[];
  /** Families not applicable to the sites or that the generator cannot build, with the reason. */
  skipped: { family: Family; reason: string }[];
  /** Families whose skeleton has more than ESTIMATE_MAX_LINKS links: not estimated (history answers for them). */
  tooLarge: Family[];
}

/**
 * Most links of a skeleton the estimate checks and measures (validation's
 * site-pair checks and the availability model grow with it); a larger one is
 * left to history. About 1,000 links at 500 sites for most families.
 */
export const ESTIMATE_MAX_LINKS = 20_000;

/**
 * Largest skeleton (devices) whose links the estimate sizes for the failures
 * the class must survive, exactly as generation does (generate/size.ts, one
 * capacity-under-failure run: about 0.3 s CPU at 150 devices on the realistic
 * set, 0.2–2.7 s per family at 500 sites). Up to it the estimate's design IS
 * the generated design (cost exact); above it links keep the family's own
 * speeds and history corrects the cost (estimate-record.ts). 600 covers
 * intents of about 500 sites: there the unsized skeleton was off by up to
 * ×2.56 (partial mesh; hybrid ×1.12, which made instant rank it first where
 * verification ranks the tree first) — docs/recommendations.md. An
 * assumption traded against time (7.5 s of CPU over the five families of a
 * 500-site retail chain instead of 1 s, shared by the workers).
 */
export const ESTIMATE_SIZING_MAX_DEVICES = 600;

/** The family's design before sizing: its generator's shape, core sites hardened as buildTopology does, the intent's planning attached. */
export function plannedShape(intent: Intent, family: Family, seed = 1, book: PriceBook = DEFAULT_PRICE_BOOK): Topology {
  const shape = buildFamily(intent, family, seed, { priceBook: book });
  // As buildTopology: hub-spoke claims STANDARD only; the dual hub places its own device pairs.
  const built = family === 'hub-spoke' || family === 'dual-hub' ? shape : hardenCoreSites(shape, intent, book);
  return { ...built, planning: planningFromIntent(intent) };
}

/** The skeleton: the generated design, its links sized only when `sized` (see the module comment). */
export function skeletonOf(
  intent: Intent,
  family: Family,
  seed = 1,
  book: PriceBook = DEFAULT_PRICE_BOOK,
  sizing: 'auto' | 'never' = 'auto',
  /** Keeps the sizing run's routed loads (verification of the same design reuses them: prepared-designs.ts). */
  routed?: RoutedFailures,
): { topology: Topology; sized: boolean } {
  const planned = plannedShape(intent, family, seed, book);
  const sized = sizing === 'auto' && planned.nodes.length <= ESTIMATE_SIZING_MAX_DEVICES;
  return { topology: assignTransports(sized ? sizeForFailures(planned, intent, book, routed) : planned), sized };
}

/** The estimate of one family's skeleton. */
export function estimateSkeleton(
  intent: Intent,
  family: Family,
  t: Topology,
  sized: boolean,
  book: PriceBook = DEFAULT_PRICE_BOOK,
  /** Draws of the availability model instead of the rule above, never enumerating (a caller that reads only cost and verdict). */
  availabilitySamples?: number,
  /** Told the availability and p95 latency measured, when measured as a verified sample measures them (sized, no draws given). */
  onMeasured?: (m: DesignMeasures) => void,
): FamilyEstimate {
  const cost = costDesign(t, book);
  const x = indexDesign(t);
  const red = assessRedundancy(x);
  const checks: Check[] = [];
  const required = redundancyRank(intent.redundancy);
  for (const level of REDUNDANCY_ORDER) {
    if (redundancyRank(level) > required) break;
    const v = red.levels[level];
    const id = level === 'NONE' ? 'connectivity' : `redundancy.${level.toLowerCase()}`;
    checks.push({ id, title: level === 'NONE' ? 'Connectivity' : `Redundancy ${level}`, passed: v.passed, severity: 'error', message: v.message, evidence: v.evidence, weight: 0 });
  }
  const distance = distanceChecks(x, intent);
  checks.push(...distance.checks, ...portChecks(x, intent), oversubscriptionCheck(x, intent), budgetCheck(cost, intent));
  // The pair term as sampleFromDesign takes it (only a CRITICAL label reads it), so verification can take these measures.
  const pairTerm = needsPairTerm(intent);
  const avail = availabilityOf(t, x.g, availabilitySamples !== undefined ? { samples: availabilitySamples, exactLimit: 0, pairTerm } : sized ? { pairTerm } : { samples: ESTIMATE_AVAILABILITY_SAMPLES, pairTerm });
  // The failure sweep as successOf (sample.ts) reads it.
  let sweepMet = true;
  if (required >= 2) sweepMet = avail.worstLinkPairs === 0 && avail.worstNodePairs === 0;
  if (required >= 3 && avail.worstLinkPairPairs > 0) sweepMet = false;
  const withinBudget = intent.budgetUsd === undefined || cost.totalUsd <= intent.budgetUsd;
  const validation = {
    checks,
    metrics: { diameterHops: distance.diameterHops, maxLatencyMs: distance.maxLatencyMs, unreachablePairs: distance.unreachablePairs },
    redundancyAchieved: red.achieved,
  };
  const failed = failedConstraints(intent, { validation }, { metrics: { costUsd: cost.totalUsd }, label: { sweepMet, withinBudget } });
  const p95LatencyMs = p95SiteLatencyMs(t, x.g);
  // measureTopology's very calls (availabilityOf(t, g, { pairTerm }) as sampleFromDesign asks, p95SiteLatencyMs(t, g)) on the same compiled graph.
  if (sized && availabilitySamples === undefined) onMeasured?.({ avail, p95LatencyMs });
  return {
    family,
    sized,
    estimated: { costUsd: cost.totalUsd, p95LatencyMs, availability: avail.availability, downtimeMinPerYear: avail.downtimeMinPerYear },
    success: failed.length === 0,
    feasible: failed.every((f) => f.id === 'budget'),
    failed,
  };
}

/** Every applicable family's estimate (TOPOLOGY_FAMILIES order); the others listed with why. */
export function estimateFamilies(
  intent: Intent,
  opts: {
    seed?: number;
    book?: PriceBook;
    families?: readonly Family[];
    sizing?: 'auto' | 'never';
    availabilitySamples?: number;
    /** Each sized design with its sizing run's routed loads and its measures: the generated design, which verification can take as it is. */
    onSized?: (family: Family, topology: Topology, routed: RoutedFailures, measures: DesignMeasures) => void;
  } = {},
): FamilyEstimates {
  const book = opts.book ?? DEFAULT_PRICE_BOOK;
  const skipped: FamilyEstimates['skipped'] = notApplicableFamilies(intent).map((s) => ({ family: s.family, reason: s.reason }));
  const out = new Set(skipped.map((s) => s.family));
  const estimates: FamilyEstimate[] = [];
  const tooLarge: Family[] = [];
  for (const family of opts.families ?? TOPOLOGY_FAMILIES) {
    if (out.has(family)) continue;
    let t: { topology: Topology; sized: boolean };
    let routed: RoutedFailures | undefined;
    try {
      routed = opts.onSized !== undefined ? new RoutedFailures() : undefined;
      t = skeletonOf(intent, family, opts.seed ?? 1, book, opts.sizing ?? 'auto', routed);
    } catch (err) {
      if (!(err instanceof GenerateError)) throw err;
      skipped.push({ family, reason: err.message });
      continue;
    }
    if (t.topology.links.length > ESTIMATE_MAX_LINKS) tooLarge.push(family);
    else {
      const onMeasured = (m: DesignMeasures): void => {
        if (routed !== undefined) opts.onSized?.(family, t.topology, routed, m);
      };
      estimates.push(estimateSkeleton(intent, family, t.topology, t.sized, book, opts.availabilitySamples, onMeasured));
    }
  }
  return { estimates, skipped, tooLarge };
}
