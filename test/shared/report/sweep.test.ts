import { describe, expect, it } from 'vitest';
import type { ScenarioResultShape } from '../../../src-shared/contract/sim-types';
import { certificateScenarios, classRows, worstScenarios } from '../../../src-shared/report/sweep';

const scenario = (cls: ScenarioResultShape['cls'], label: string, pairs: number, util = 0.1, stranded = 0): ScenarioResultShape => ({
  cls, label, failedNodes: [], failedLinks: [], disconnectedPairs: pairs, isolatedSites: 0, strandedDemand: stranded,
  stretchP50: 1, stretchP95: 1, stretchMax: 1, maxLoad: 1, maxUtilisation: util, overloadedLinks: util > 1 ? 1 : 0, worstLink: null,
});

describe('worstScenarios', () => {
  const all = [
    ...Array.from({ length: 20 }, (_, i) => scenario('n2-links', `pair ${i}`, 50 - i)),
    scenario('n1-nodes', 'hub', 30),
    scenario('sites', 'Dublin', 10, 1.2),
    scenario('n1-links', 'l1', 0, 0.5), // harmless: never listed
  ];

  it('lists the worst of every harmful class before a second of any class, most severe first', () => {
    const w = worstScenarios(all, 5);
    expect(w.map((s) => s.label)).toEqual(['pair 0', 'pair 1', 'pair 2', 'hub', 'Dublin']);
  });

  it('leaves out scenarios that change nothing', () => {
    expect(worstScenarios([scenario('n1-links', 'quiet', 0, 0.3)])).toEqual([]);
  });
});

describe('classRows', () => {
  it('counts scenarios per class in the class order and keeps the worst figures', () => {
    const rows = classRows([scenario('sites', 'a', 3, 1.5), scenario('n1-links', 'b', 0), scenario('sites', 'c', 0, 0.2, 7)]);
    expect(rows).toEqual([
      { cls: 'n1-links', scenarios: 1, disconnecting: 0, overloading: 0, worstPairs: 0, worstStranded: 0, worstUtilisation: 0.1 },
      { cls: 'sites', scenarios: 2, disconnecting: 1, overloading: 1, worstPairs: 3, worstStranded: 7, worstUtilisation: 1.5 },
    ]);
  });

  it('without the full result, falls back to the summary and says the list is not complete', () => {
    const worst = [scenario('sites', 'a', 3)];
    const summary = { worst } as unknown as Parameters<typeof certificateScenarios>[0];
    expect(certificateScenarios(summary, undefined)).toEqual({ scenarios: worst, complete: false });
    expect(certificateScenarios(summary, { scenarios: [scenario('n1-links', 'x', 0)] }).complete).toBe(true);
  });
});
