import { bySeverity } from '../sim/impact-report';
import type { ScenarioResultShape, SweepReportShape, SweepSummaryShape } from '../contract/sim-types';

/**
 * The failure-sweep half of the resilience certificate: per failure class,
 * how many scenarios were run and what the worst of them did; and a short
 * list of worst scenarios that shows the worst of every class before
 * repeating a class (a board wants "the worst single link, the worst
 * device, the worst site", not twelve near-identical link pairs).
 * Severity order is the one the stored summary uses: pairs cut apart, then
 * stranded demand, then utilisation, then latency stretch.
 */
export const CLASS_WORDS: Record<string, string> = {
  'n1-links': 'single link',
  'n1-nodes': 'single device',
  'n2-links': 'two links',
  srlg: 'shared-risk group',
  sites: 'site outage',
  regions: 'region outage',
  custom: 'hand-picked (what-if)',
};

export interface ClassRow {
  cls: string;
  scenarios: number;
  disconnecting: number;
  overloading: number;
  worstPairs: number;
  worstStranded: number;
  worstUtilisation: number;
}

export { bySeverity };

/** Whether a scenario changes anything worth a line in the certificate. */
const harmful = (s: ScenarioResultShape): boolean =>
  s.disconnectedPairs > 0 || s.strandedDemand > 0 || s.overloadedLinks > 0 || s.stretchP95 > 1.0001;

/** The full sweep result when it has the SweepReportShape (scenarios with their impact); else null. */
export function sweepScenarios(raw: unknown): ScenarioResultShape[] | null {
  const r = raw as Partial<SweepReportShape> | null | undefined;
  if (!r || !Array.isArray(r.scenarios)) return null;
  return r.scenarios.filter((s) => typeof s === 'object' && s !== null && typeof s.cls === 'string' && typeof s.disconnectedPairs === 'number');
}

export function classRows(scenarios: readonly ScenarioResultShape[]): ClassRow[] {
  const rows = new Map<string, ClassRow>();
  for (const s of scenarios) {
    let r = rows.get(s.cls);
    if (!r) {
      r = { cls: s.cls, scenarios: 0, disconnecting: 0, overloading: 0, worstPairs: 0, worstStranded: 0, worstUtilisation: 0 };
      rows.set(s.cls, r);
    }
    r.scenarios++;
    if (s.disconnectedPairs > 0) r.disconnecting++;
    if (s.overloadedLinks > 0) r.overloading++;
    r.worstPairs = Math.max(r.worstPairs, s.disconnectedPairs);
    r.worstStranded = Math.max(r.worstStranded, s.strandedDemand);
    r.worstUtilisation = Math.max(r.worstUtilisation, s.maxUtilisation);
  }
  const order = Object.keys(CLASS_WORDS);
  return [...rows.values()].sort((a, b) => order.indexOf(a.cls) - order.indexOf(b.cls));
}

/**
 * Up to `max` harmful scenarios: the worst of each class first, then the
 * next worst overall; printed most severe first. From the full result when
 * there is one, else from the summary's stored worst list.
 */
export function worstScenarios(scenarios: readonly ScenarioResultShape[], max = 12): ScenarioResultShape[] {
  const sorted = scenarios.filter(harmful).sort(bySeverity);
  const picked = new Set<ScenarioResultShape>();
  const seen = new Set<string>();
  for (const s of sorted) {
    if (picked.size >= max) break;
    if (!seen.has(s.cls)) {
      seen.add(s.cls);
      picked.add(s);
    }
  }
  for (const s of sorted) {
    if (picked.size >= max) break;
    picked.add(s);
  }
  return [...picked].sort(bySeverity);
}

/** The scenarios the certificate draws on: the full result if stored, else the summary's worst list. */
export function certificateScenarios(summary: SweepSummaryShape | null, full: unknown): { scenarios: ScenarioResultShape[]; complete: boolean } {
  const all = sweepScenarios(full);
  if (all) return { scenarios: all, complete: true };
  return { scenarios: summary?.worst ?? [], complete: false };
}
