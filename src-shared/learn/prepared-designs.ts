import { costDesign } from '../cost/cost';
import { DEFAULT_PRICE_BOOK } from '../cost/pricebook';
import type { Design } from '../generate/generate';
import { APP_VERSION } from '../lib/version';
import type { Intent } from '../model/intent';
import { RoutedFailures, type HeldRouting } from '../model/routed-failures';
import type { Family, Topology } from '../model/topology';
import { validateDesign } from '../validate/validate';
import { MODEL_VERSION, type DesignMeasures } from './sample';

/**
 * Designs the instant estimate has already generated and sized, for
 * verification to take instead of generating and sizing them again.
 *
 * At about 500 sites the estimate sizes every family's links exactly as
 * generation does (estimate.ts ESTIMATE_SIZING_MAX_DEVICES): the same intent,
 * family and seed give the very topology generateDesign builds, and sizing —
 * one capacity-under-failure run, most of a family's verification — is the
 * run whose routed loads validation reuses (RoutedFailures). So the Options
 * view's "verify every family", asked after the estimate, would route every
 * failure of every family a second time. A prepared design carries the sized
 * topology and that run's loads (HeldRouting, in shared memory); validation
 * on it gives the report generateDesign's validation gives, so the verified
 * candidate is identical (prepared-designs.test.ts compares them whole).
 */
export interface PreparedDesign {
  family: Family;
  seed: number;
  topology: Topology;
  routing: HeldRouting;
  /** Its availability and p95 latency as the estimate measured them: measureTopology's own calls on this topology. */
  measures: DesignMeasures;
}

/** The design generateDesign(intent, p.family, p.seed) returns, from a prepared one: priced and validated, nothing routed again. */
export function designFromPrepared(intent: Intent, p: PreparedDesign): Design {
  const book = DEFAULT_PRICE_BOOK;
  const routed = RoutedFailures.restore(p.routing, p.topology, intent);
  const cost = costDesign(p.topology, book);
  const validation = validateDesign(p.topology, intent, { cost, routed });
  return { family: p.family, seed: p.seed, topology: p.topology, cost, validation };
}

/** A prepared design from a sized topology and its sizing run, or null when the run did not keep everything. */
export function prepareDesign(family: Family, seed: number, topology: Topology, routed: RoutedFailures, measures: DesignMeasures): PreparedDesign | null {
  const routing = routed.held();
  return routing === null ? null : { family, seed, topology, routing, measures };
}

/**
 * Which design a prepared one stands for: the intent in full, family, seed,
 * and the versions of the software and the model that generate and size
 * (the price book is the default one both paths use). Any change to one of
 * these is another key, so a stale design is never taken.
 */
export function preparedKey(intent: Intent, family: Family, seed: number): string {
  return `${APP_VERSION}|${MODEL_VERSION}|${family}|${seed}|${JSON.stringify(intent)}`;
}

/** Bytes a prepared design holds: its loads and about 1 KB a link and device of topology. */
export function preparedBytes(p: PreparedDesign): number {
  const r = p.routing;
  return r.slots.byteLength + r.values.byteLength + r.baseLoad.byteLength + 16 * r.demands.s.length + 1024 * (p.topology.links.length + p.topology.nodes.length);
}

/**
 * The host's store of prepared designs, bounded in bytes (least recently
 * used dropped first). A verified run takes the designs of its tasks that are
 * here and generates the rest.
 */
export class PreparedDesigns {
  private readonly held = new Map<string, { design: PreparedDesign; bytes: number }>();
  private total = 0;

  constructor(private readonly maxBytes: number = PREPARED_MAX_BYTES) {}

  put(intent: Intent, p: PreparedDesign): void {
    const key = preparedKey(intent, p.family, p.seed);
    const bytes = preparedBytes(p);
    this.drop(key);
    if (bytes > this.maxBytes) return;
    while (this.total + bytes > this.maxBytes) {
      const oldest = this.held.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
    this.held.set(key, { design: p, bytes });
    this.total += bytes;
  }

  /** The prepared design of (intent, family, seed), marked as recently used; undefined when not held. */
  get(intent: Intent, family: Family, seed: number): PreparedDesign | undefined {
    const key = preparedKey(intent, family, seed);
    const h = this.held.get(key);
    if (h === undefined) return undefined;
    this.held.delete(key);
    this.held.set(key, h);
    return h.design;
  }

  get bytes(): number {
    return this.total;
  }

  private drop(key: string): void {
    const h = this.held.get(key);
    if (h === undefined) return;
    this.held.delete(key);
    this.total -= h.bytes;
  }
}

/** Bytes of prepared designs the host keeps: the five families of two 500-site intents (about 70 MB each). */
export const PREPARED_MAX_BYTES = 160 * 1024 * 1024;
