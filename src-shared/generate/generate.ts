import { costDesign, type CostBreakdown } from '../cost/cost';
import { assignTransports } from '../cost/transport';
import { DEFAULT_PRICE_BOOK, type PriceBook } from '../cost/pricebook';
import type { Intent, Redundancy } from '../model/intent';
import { TOPOLOGY_FAMILIES, type Family, type Site, type Topology } from '../model/topology';
import type { ValidationResult } from '../validate/types';
import { validateDesign } from '../validate/validate';
import { GenerateError, type GenContext } from './builder';
import { generateDualHub } from './dual-hub';
import { generateFullMesh } from './full-mesh';
import { generateHubSpoke } from './hub-spoke';
import { generateHybrid } from './hybrid';
import { generateLeafSpine } from './leaf-spine';
import { generatePartialMesh } from './partial-mesh';
import { generateDualRing, generateRing } from './ring';
import { expandSites } from './sites';
import { generateTree } from './tree';
import { hardenCoreSites } from './harden';
import { sizeForFailures } from './size';
import { planningFromIntent } from '../model/traffic';
import { RoutedFailures } from '../model/capacity';
import { isCoreCapable, notApplicableReason } from './applicability';

/** A generated candidate: the topology, its price and its verdict against the intent. */
export interface Design {
  family: Family;
  seed: number;
  topology: Topology;
  cost: CostBreakdown;
  validation: ValidationResult;
}

export interface GenerateOptions {
  /** The project's price book; DEFAULT_PRICE_BOOK when absent. */
  priceBook?: PriceBook;
}

const GENERATORS: Record<Family, (ctx: GenContext) => Topology> = {
  'hub-spoke': generateHubSpoke,
  'dual-hub': generateDualHub,
  tree: generateTree,
  'leaf-spine': generateLeafSpine,
  ring: generateRing,
  'dual-ring': generateDualRing,
  'partial-mesh': generatePartialMesh,
  'full-mesh': generateFullMesh,
  hybrid: generateHybrid,
};

/**
 * The strongest redundancy class a family's generator is built to meet for
 * these sites (its design rules, documented in each generator). Designs
 * generated for a class at or below it must pass their own redundancy check.
 */
export function familyCapability(family: Family, sites: readonly Site[]): Redundancy {
  const n = sites.length;
  if (family === 'dual-hub' && n >= 3 && sites.filter(isCoreCapable).length >= 2) return 'CRITICAL';
  if (n <= 1) {
    // One site: a site outage takes everything down, so never CRITICAL
    // (validate/redundancy.ts). A lone leaf with its spines is a star; a lone
    // hybrid site is a core pair on two circuits.
    if (family === 'leaf-spine') return 'NONE';
    return family === 'tree' || family === 'hybrid' ? 'HIGH' : 'STANDARD';
  }
  return ownCapability(family, n);
}

function ownCapability(family: Family, n: number): Redundancy {
  // CRITICAL means surviving any two failures of links, devices and ducts in any mix
  // (validate/redundancy.ts): every site needs three disjoint ways out. Only the
  // dual hub builds that (two hub sites of two devices each, spokes on three
  // diverse circuits to three of them: dual-hub.ts); it is checked above.
  switch (family) {
    case 'hub-spoke':
      return 'STANDARD';
    case 'full-mesh':
      return n >= 3 ? 'HIGH' : 'NONE';
    default:
      return 'HIGH';
  }
}

/** The family's own shape, before the planning passes below (tests of family structure read this). */
export function buildFamily(intent: Intent, family: Family, seed: number, options: GenerateOptions = {}): Topology {
  const sites = expandSites(intent, seed);
  const reason = notApplicableReason(family, sites);
  if (reason !== null) throw new NotApplicableError(family, reason);
  return GENERATORS[family]({ intent, sites, seed, book: options.priceBook ?? DEFAULT_PRICE_BOOK });
}

/**
 * The topology alone (no pricing or validation): the family's shape, then
 * two devices at every core site when the intent asks HIGH or more (a hub and
 * spoke stays one hub: it claims STANDARD only), the intent's planning
 * assumptions attached, and every link sized for the intent's traffic under
 * the failures its class must survive (size.ts). Throws GenerateError when
 * the family cannot be built.
 */
export function buildTopology(intent: Intent, family: Family, seed: number, options: GenerateOptions = {}, routed?: RoutedFailures): Topology {
  const book = options.priceBook ?? DEFAULT_PRICE_BOOK;
  const shape = buildFamily(intent, family, seed, options);
  // Hub-spoke claims STANDARD only; the dual hub places its own device pairs (dual-hub.ts).
  const built = family === 'hub-spoke' || family === 'dual-hub' ? shape : hardenCoreSites(shape, intent, book);
  // The planning assumptions travel with the design, so every surface reads the same traffic.
  // Last: each link's transport (internet, MPLS, wavelength, dark fibre), which the cost model prices.
  return assignTransports(sizeForFailures({ ...built, planning: planningFromIntent(intent) }, intent, book, routed));
}

/**
 * Generates, prices and validates one family for an intent. Deterministic:
 * the same (intent, family, seed, price book) gives byte-identical JSON.
 * Throws GenerateError when the family cannot be built for this intent
 * (e.g. a full mesh above FULL_MESH_MAX_SITES).
 */
export function generateDesign(intent: Intent, family: Family, seed: number, options: GenerateOptions = {}): Design {
  const book = options.priceBook ?? DEFAULT_PRICE_BOOK;
  // The sizing run's routed loads: validation routes the same graph, weights and demands again.
  const routed = new RoutedFailures();
  const topology = buildTopology(intent, family, seed, { priceBook: book }, routed);
  const cost = costDesign(topology, book);
  const validation = validateDesign(topology, intent, { cost, routed });
  return { family, seed, topology, cost, validation };
}

/**
 * A family left out for an intent, with the reason: `notApplicable` when the
 * family makes no sense for these sites (applicability.ts: "not applicable,
 * because …"), false when it could not be built (e.g. too large).
 */
export interface SkippedFamily {
  family: Family;
  reason: string;
  notApplicable: boolean;
}

/** Every family; those that are not applicable or cannot be built are listed in `skipped` with the reason. */
export function generateAll(intent: Intent, seed: number, options: GenerateOptions = {}): { designs: Design[]; skipped: SkippedFamily[] } {
  const designs: Design[] = [];
  const skipped: SkippedFamily[] = [];
  for (const family of TOPOLOGY_FAMILIES) {
    try {
      designs.push(generateDesign(intent, family, seed, options));
    } catch (err) {
      if (!(err instanceof GenerateError)) throw err;
      skipped.push({ family, reason: err.message, notApplicable: err instanceof NotApplicableError });
    }
  }
  return { designs, skipped };
}

/** The family makes no sense for this intent (not a failure to build): shown as "not applicable, because …". */
export class NotApplicableError extends GenerateError {
  override name = 'NotApplicableError';
  constructor(
    readonly family: Family,
    readonly because: string,
  ) {
    super(`not applicable, because ${because}`);
  }
}

/** Whether a family applies to an intent's sites: null, or why not. */
export function familyNotApplicable(intent: Intent, family: Family, seed: number): string | null {
  return notApplicableReason(family, expandSites(intent, seed));
}

export { GenerateError };
