import { costDesign } from '../../../src-shared/cost/cost';
import { DEFAULT_PRICE_BOOK } from '../../../src-shared/cost/pricebook';
import type { IntentRecord, TopologyRecord, ValidationRecord } from '../../../src-shared/model/records';
import { restoreTopology, type Topology } from '../../../src-shared/model/topology';
import { IntentSchema } from '../../../src-shared/model/intent';
import type { ReportInput } from '../../../src-shared/report/model';
import { validateDesign } from '../../../src-shared/validate/validate';

export const HOSTILE = `Q3 <script>alert("pwn")</script> & 'quoted' <b>bold</b> Zürich 東京 🚀`;
export const T0 = Date.UTC(2026, 0, 15, 10, 30);

/**
 * Hand-built designs whose structure is obvious:
 * - "lollipop": triangle A–B–C plus a tail C–D. Bridge C–D, cut device C,
 *   and the three triangle links form one 2-link cut class (any two of them
 *   cut a corner off).
 * - "square": ring A–B–C–D–A: no bridge, no cut device, one class of 4.
 */
export function lollipop(name = 'lollipop'): Topology {
  return restoreTopology({
    name,
    nodes: ['A', 'B', 'C', 'D'].map((id) => ({ id, name: `dev ${id}`, role: id === 'C' ? 'hub' : 'spoke' })),
    links: [
      { id: 'ab', source: 'A', target: 'B' },
      { id: 'bc', source: 'B', target: 'C' },
      { id: 'ca', source: 'C', target: 'A' },
      { id: 'cd', source: 'C', target: 'D' },
    ],
  });
}

export function square(name = 'square'): Topology {
  return restoreTopology({
    name,
    nodes: ['A', 'B', 'C', 'D'].map((id) => ({ id, name: `dev ${id}`, role: 'core' })),
    links: [
      { id: 'ab', source: 'A', target: 'B' },
      { id: 'bc', source: 'B', target: 'C' },
      { id: 'cd', source: 'C', target: 'D' },
      { id: 'da', source: 'D', target: 'A' },
    ],
  });
}

export const intent = IntentSchema.parse({
  name: 'Two sites',
  siteGroups: [{ role: 'hq', count: 1 }, { role: 'branch', count: 3 }],
  redundancy: 'HIGH',
  goal: 'resilience',
  budgetUsd: 1_000_000, // compared with the 5-year TCO (four core routers: about $710k)
});

export const intentRecord: IntentRecord = { id: 'i1', name: intent.name, intent, softwareVersion: 't', createdAt: T0 };

export function record(id: string, t: Topology, extra: Partial<TopologyRecord> = {}): TopologyRecord {
  const cost = costDesign(t, DEFAULT_PRICE_BOOK);
  return {
    id, name: t.name, family: null, seed: null, source: 'imported', intentId: 'i1', revision: 1,
    nodeCount: t.nodes.length, linkCount: t.links.length, costUsd: cost.totalUsd, createdAt: T0, updatedAt: T0,
    topology: t, cost, softwareVersion: 't', ...extra,
  };
}

export function validation(rec: TopologyRecord, createdAt = T0): ValidationRecord {
  const result = validateDesign(rec.topology, intent, { cost: costDesign(rec.topology, DEFAULT_PRICE_BOOK) });
  return {
    id: `v-${rec.id}-${createdAt}`, topologyId: rec.id, topologyRevision: rec.revision, intentId: 'i1',
    score: result.score, passed: result.passed, result, softwareVersion: 't', createdAt,
  };
}

/** Two designs, validated, no history: the smallest project a report can be made of. */
export function baseInput(over: Partial<ReportInput> = {}): ReportInput {
  const designs = [record('d-lolly', lollipop()), record('d-square', square())];
  return {
    project: { name: 'Test project', fileName: 'test.nettwin', schemaVersion: 20, createdAt: T0, createdBy: 'NetTwin t' },
    priceBook: null,
    generatedAt: T0 + 3_600_000,
    softwareVersion: '9.9.9',
    designs,
    intents: [intentRecord],
    validations: designs.map((d) => validation(d)),
    simulations: [],
    audit: [],
    auditTotal: 0,
    recommendations: [],
    optimisations: [],
    decisions: [],
    outcomes: [],
    ...over,
  };
}
