import { costDesign, type CostBreakdown } from '../cost/cost';
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
  if (n <= 1) {
    // One site: a site outage leaves nothing to disconnect. A lone leaf with
    // its spines is a star; a lone hybrid site is a core pair on two circuits.
    if (family === 'leaf-spine') return 'NONE';
    return family === 'tree' || family === 'hybrid' ? 'HIGH' : 'CRITICAL';
  }
  const own = ownCapability(family, n);
  // Two sites are joined only through the duct between them: no design survives its loss.
  return n === 2 && own === 'CRITICAL' ? 'HIGH' : own;
}

function ownCapability(family: Family, n: number): Redundancy {
  switch (family) {
    case 'hub-spoke':
      return 'STANDARD';
    case 'tree':
    case 'ring':
    case 'partial-mesh':
      return 'HIGH';
    case 'full-mesh':
      return n >= 4 ? 'CRITICAL' : n === 3 ? 'HIGH' : 'NONE';
    case 'dual-hub':
    case 'leaf-spine':
    case 'dual-ring':
    case 'hybrid':
      return 'CRITICAL';
  }
}

/** The topology alone (no pricing or validation). Throws GenerateError when the family cannot be built. */
export function buildTopology(intent: Intent, family: Family, seed: number, options: GenerateOptions = {}): Topology {
  const sites = expandSites(intent, seed);
  return GENERATORS[family]({ intent, sites, seed, book: options.priceBook ?? DEFAULT_PRICE_BOOK });
}

/**
 * Generates, prices and validates one family for an intent. Deterministic:
 * the same (intent, family, seed, price book) gives byte-identical JSON.
 * Throws GenerateError when the family cannot be built for this intent
 * (e.g. a full mesh above FULL_MESH_MAX_SITES).
 */
export function generateDesign(intent: Intent, family: Family, seed: number, options: GenerateOptions = {}): Design {
  const book = options.priceBook ?? DEFAULT_PRICE_BOOK;
  const topology = buildTopology(intent, family, seed, { priceBook: book });
  const cost = costDesign(topology, book);
  const validation = validateDesign(topology, intent, { cost });
  return { family, seed, topology, cost, validation };
}

/** Every family; those that cannot be built are listed in `skipped` with the reason. */
export function generateAll(
  intent: Intent,
  seed: number,
  options: GenerateOptions = {},
): { designs: Design[]; skipped: { family: Family; reason: string }[] } {
  const designs: Design[] = [];
  const skipped: { family: Family; reason: string }[] = [];
  for (const family of TOPOLOGY_FAMILIES) {
    try {
      designs.push(generateDesign(intent, family, seed, options));
    } catch (err) {
      if (!(err instanceof GenerateError)) throw err;
      skipped.push({ family, reason: err.message });
    }
  }
  return { designs, skipped };
}

export { GenerateError };
