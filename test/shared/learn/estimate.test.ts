import { describe, expect, it } from 'vitest';
import { costDesign } from '../../../src-shared/cost/cost';
import { DEFAULT_PRICE_BOOK } from '../../../src-shared/cost/pricebook';
import { generateDesign } from '../../../src-shared/generate/generate';
import { estimateFamilies, skeletonOf } from '../../../src-shared/learn/estimate';
import { verifyCandidate } from '../../../src-shared/learn/verify';
import { IntentSchema, type Intent } from '../../../src-shared/model/intent';
import { retailChain } from '../../helpers/retail-intents';

/**
 * The analytic estimate (estimate.ts) against what generation and
 * verification measure. Intents written here by hand at real cities (not the
 * learning bench's held-out realistic set, not the intent generator's).
 */
const intent = (x: unknown): Intent => IntentSchema.parse(x);

/** A Benelux retailer: HQ, one DC, 14 stores; STANDARD, cost, a budget. */
const retail = intent({
  name: 'Benelux retailer, 14 stores',
  redundancy: 'STANDARD',
  goal: 'cost',
  budgetUsd: 2_500_000,
  siteGroups: [
    { role: 'hq', region: 'benelux', sites: [{ name: 'Utrecht HQ', lat: 52.09, lon: 5.12, bandwidthMbps: 2000 }] },
    { role: 'datacenter', region: 'benelux', sites: [{ name: 'Amsterdam DC', lat: 52.37, lon: 4.9, bandwidthMbps: 10000 }] },
    {
      role: 'branch',
      region: 'benelux',
      bandwidthMbpsPerSite: 100,
      sites: [
        ['Rotterdam', 51.92, 4.48], ['The Hague', 52.08, 4.31], ['Eindhoven', 51.44, 5.47], ['Groningen', 53.22, 6.57],
        ['Antwerp', 51.22, 4.4], ['Ghent', 51.05, 3.72], ['Brussels', 50.85, 4.35], ['Liege', 50.63, 5.57],
        ['Maastricht', 50.85, 5.69], ['Nijmegen', 51.84, 5.86], ['Zwolle', 52.52, 6.08], ['Luxembourg', 49.61, 6.13],
        ['Breda', 51.59, 4.78], ['Leuven', 50.88, 4.7],
      ].map(([name, lat, lon]) => ({ name: `${name as string} store`, lat, lon })),
    },
  ],
});

/** Two trading floors and a DC over the Atlantic: HIGH, latency, a tight latency budget one pair cannot meet. */
const trading = intent({
  name: 'Transatlantic trading',
  redundancy: 'HIGH',
  goal: 'latency',
  siteGroups: [
    { role: 'hq', region: 'uk', sites: [{ name: 'London floor', lat: 51.51, lon: -0.09, bandwidthMbps: 10000 }] },
    { role: 'datacenter', region: 'us-east', sites: [{ name: 'Secaucus DC', lat: 40.79, lon: -74.06, bandwidthMbps: 40000 }] },
    { role: 'region-hub', region: 'eu-central', sites: [{ name: 'Frankfurt floor', lat: 50.11, lon: 8.68, bandwidthMbps: 10000 }] },
    { role: 'branch', region: 'uk', count: 4, bandwidthMbpsPerSite: 500 },
  ],
  constraints: { latencyBudgets: [{ from: 'London floor', to: 'Secaucus DC', maxMs: 30 }] },
});

/** A hospital trust: CRITICAL between two DCs, clinics at most 2 hops, balanced. */
const hospital = intent({
  name: 'Hospital trust, Manchester',
  redundancy: 'HIGH',
  goal: 'balanced',
  siteGroups: [
    { role: 'datacenter', region: 'north-west', sites: [{ name: 'Manchester DC', lat: 53.48, lon: -2.24, bandwidthMbps: 20000 }, { name: 'Salford DC', lat: 53.49, lon: -2.29, bandwidthMbps: 20000 }] },
    { role: 'campus', region: 'north-west', sites: [{ name: 'Wythenshawe hospital', lat: 53.39, lon: -2.29, bandwidthMbps: 5000 }] },
    { role: 'branch', region: 'north-west', count: 9, bandwidthMbpsPerSite: 200 },
  ],
  constraints: { maxHops: 2 },
});

const verified = (i: Intent, family: Parameters<typeof generateDesign>[1]) => {
  const r = verifyCandidate(i, { family, seed: 1 }, { softwareVersion: 'test', now: 0 });
  if ('skipped' in r) throw new Error(r.skipped.reason);
  return r;
};

describe('analytic estimate', () => {
  it('prices the family exactly as the generated design is priced (every cost term: devices, hardening, transports, billed rates, sizing)', () => {
    for (const i of [retail, hospital]) {
      const { estimates } = estimateFamilies(i);
      expect(estimates.length).toBeGreaterThanOrEqual(4);
      for (const e of estimates) {
        expect(e.sized).toBe(true);
        const d = generateDesign(i, e.family, 1);
        // Equal to the dollar: dropping hardening, transport choice, billed access rate or sizing moves it.
        expect(e.estimated.costUsd, `${i.name} ${e.family}`).toBe(d.cost.totalUsd);
      }
    }
  });

  it('unsized, prices the same devices and circuits at the family\u2019s own speeds, never above the sized design', () => {
    for (const family of ['tree', 'partial-mesh', 'hybrid'] as const) {
      const raw = skeletonOf(hospital, family, 1, DEFAULT_PRICE_BOOK, 'never');
      const sized = generateDesign(hospital, family, 1);
      expect(raw.sized).toBe(false);
      expect(raw.topology.nodes.map((d) => d.id)).toEqual(sized.topology.nodes.map((d) => d.id));
      expect(raw.topology.links.length).toBe(sized.topology.links.length);
      expect(costDesign(raw.topology, DEFAULT_PRICE_BOOK).totalUsd).toBeLessThanOrEqual(sized.cost.totalUsd);
      // The unsized path is what estimateFamilies gives with sizing 'never'.
      const e = estimateFamilies(hospital, { families: [family], sizing: 'never' }).estimates[0]!;
      expect(e.estimated.costUsd).toBe(costDesign(raw.topology, DEFAULT_PRICE_BOOK).totalUsd);
    }
  });

  it('measures p95 latency on the same paths verification measures', () => {
    for (const e of estimateFamilies(trading).estimates) {
      expect(e.estimated.p95LatencyMs, e.family).toBeCloseTo(verified(trading, e.family).sample.metrics.p95LatencyMs, 9);
    }
  });

  it('says whether each family meets the intent as verification finds, and fails the same constraints', () => {
    let meets = 0;
    let fails = 0;
    for (const i of [retail, trading, hospital]) {
      for (const e of estimateFamilies(i).estimates) {
        const v = verified(i, e.family);
        expect(e.success, `${i.name}: ${e.family} (estimate fails ${e.failed.map((f) => f.id).join(', ')}; verified fails ${v.option.failed.map((f) => f.id).join(', ')})`).toBe(v.option.success);
        expect(e.failed.map((f) => f.id)).toEqual(v.option.failed.map((f) => f.id));
        if (e.success) meets++;
        else fails++;
      }
    }
    // The intents were written so that both verdicts occur.
    expect(meets).toBeGreaterThan(2);
    expect(fails).toBeGreaterThan(2);
  });

  it('sizes the links of a design of about 300 devices too, so its cost is the generated design\u2019s (unsized, the hybrid\u2019s skeleton is cheaper)', () => {
    const chain = intent(retailChain(300, 'HIGH', 'cost'));
    const e = estimateFamilies(chain, { families: ['hybrid'] }).estimates[0]!;
    expect(e.sized).toBe(true);
    const generated = generateDesign(chain, 'hybrid', 1).cost.totalUsd;
    expect(e.estimated.costUsd).toBe(generated);
    expect(estimateFamilies(chain, { families: ['hybrid'], sizing: 'never' }).estimates[0]!.estimated.costUsd).toBeLessThan(generated);
  }, 120_000);

  it('lists families that are not applicable, and estimates every other', () => {
    const r = estimateFamilies(retail);
    expect(r.skipped.map((s) => s.family)).toContain('leaf-spine');
    expect(r.estimates.length + r.skipped.length + r.tooLarge.length).toBe(9);
  });
});
