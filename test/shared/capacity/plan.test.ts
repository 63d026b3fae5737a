import { describe, expect, it } from 'vitest';
import { costDesign } from '../../../src-shared/cost/cost';
import { DEFAULT_PRICE_BOOK, type PriceBook } from '../../../src-shared/cost/pricebook';
import { applyPatch } from '../../../src-shared/optimise/patch';
import { compileTopology } from '../../../src-shared/sim/csr';
import { planPeriods } from '../../../src-shared/capacity/periods';
import { planCapacity } from '../../../src-shared/capacity/plan';
import { capacityCandidates } from '../../../src-shared/capacity/steps';
import { resolveSiteGrowth, type GrowthSpec } from '../../../src-shared/traffic/site-growth';
import { demand, passes, plan, planning, triangle } from './fixtures';

const tenPct: GrowthSpec = { base: { kind: 'compound', pctPerPeriod: 10 }, overrides: [] };

describe('capacity plan on hand-built designs', () => {
  it('takes one upgrade when one circuit alone runs out', () => {
    // A→B 7.5 Gbit/s on a 10G A–B circuit; the way round by New York has 100G: only A–B runs out.
    const t = triangle(10, 100, 100);
    const d = [demand(t, 'A', 'B', 7.5)];
    const r = plan(t, d, tenPct);
    expect(r.steps).toHaveLength(1);
    const s = r.steps[0]!;
    expect(s.link).toBe('ab');
    expect(['upgrade', 'parallel']).toContain(s.kind);
    // First needed in Q1 2027 (7.5 × 1.1 = 8.25 Gbit/s > 80 % of 10G), not in Q4 2026 (75 %).
    expect(s.due.label).toBe('2027-Q1');
    expect(s.summary).toMatch(/^by Q1 2027: Amsterdam DC – Rotterdam DC \(ab\) to /);
    expect(s.before[0]!.utilisation).toBeCloseTo(0.825, 6);
    expect(s.after[0]!.utilisation).toBeLessThanOrEqual(0.8);
    expect(s.verified).toBe(true);
    // Still enough four periods on (7.5 × 1.1⁴ = 11 Gbit/s): the plan holds for every period.
    expect(r.periods.every((p) => p.overWithPlan === 0)).toBe(true);
    expect(r.periods[0]!.overAsIs).toBe(0);
    expect(r.periods[4]!.overAsIs).toBe(1);
    // Minimal: nothing passes without a step at the last period, and one step does.
    expect(passes(t, d, 1.1 ** 4)).toBe(false);
    expect(passes(applyPatch(t, r.steps.flatMap((x) => x.patch)), d, 1.1 ** 4)).toBe(true);
  });

  it('takes one new diverse circuit where two capacity steps would be needed', () => {
    // A→B 8.5 Gbit/s: fine on the 25G A–B fibre, but when the A–B duct is cut it goes by New York
    // over two 10G transatlantic waves. One diverse A–B circuit answers both; upgrades need two steps.
    const t = triangle(25, 10, 10);
    const d = [demand(t, 'A', 'B', 8.5)];
    const r = plan(t, d, tenPct, { periods: 2 });
    expect(r.steps).toHaveLength(1);
    const s = r.steps[0]!;
    expect(s.kind).toBe('diverse');
    expect(s.due.label).toBe('2026-Q4');
    expect(s.patch[0]!.op).toBe('add-link');
    // Its before lists both transatlantic circuits at 85 % when the A–B circuit fails; after, both are within the limit.
    expect(s.before.map((b) => b.link).sort()).toEqual(['ac', 'cb']);
    expect(s.before[0]!.failure).toBe('link ab (Amsterdam DC – Rotterdam DC) fails');
    for (const a of s.after) expect(a.utilisation).toBeLessThanOrEqual(0.8);
    expect(s.verified).toBe(true);
    // No single capacity step passes (the other transatlantic wave stays over), the plan's one step does.
    for (const link of ['ac', 'cb']) {
      for (const c of capacityCandidates(t.links.find((l) => l.id === link)!, 20)) expect(passes(applyPatch(t, c.patch), d, 1.1 ** 2)).toBe(false);
    }
    expect(passes(applyPatch(t, s.patch), d, 1.1 ** 2)).toBe(true);
  });

  it('dates steps in the order they are needed and every period passes with the steps due by then', () => {
    const t = triangle(10, 10, 10);
    const d = [demand(t, 'A', 'B', 5), demand(t, 'B', 'C', 3), demand(t, 'C', 'A', 2)];
    const r = plan(t, d, { base: { kind: 'compound', pctPerPeriod: 25 }, overrides: [] }, { periods: 5 });
    expect(r.steps.length).toBeGreaterThan(1);
    const aheads = r.steps.map((s) => s.due.ahead);
    expect([...aheads].sort((a, b) => a - b)).toEqual(aheads);
    expect(new Set(aheads).size).toBeGreaterThan(1);
    for (const p of r.periods) {
      expect(p.overWithPlan).toBe(0);
      const due = r.steps.filter((s) => s.due.ahead <= p.ahead).flatMap((s) => s.patch);
      expect(passes(applyPatch(t, due), d, 1.25 ** p.ahead)).toBe(true);
      // The steps due by the period before do not suffice where a step is first due.
      if (r.steps.some((s) => s.due.ahead === p.ahead)) {
        const earlier = r.steps.filter((s) => s.due.ahead < p.ahead).flatMap((s) => s.patch);
        expect(passes(applyPatch(t, earlier), d, 1.25 ** p.ahead)).toBe(false);
      }
    }
  });

  it('prices each step with the cost model and follows the price book', () => {
    const t = triangle(10, 100, 100);
    const d = [demand(t, 'A', 'B', 7.5)];
    const r = plan(t, d, tenPct);
    const s = r.steps[0]!;
    const before = costDesign(t, DEFAULT_PRICE_BOOK);
    const after = costDesign(applyPatch(t, s.patch), DEFAULT_PRICE_BOOK);
    expect(s.capexUsd).toBe(Math.round(after.capexUsd - before.capexUsd));
    expect(s.monthlyUsd).toBe(Math.round(after.mrcUsd - before.mrcUsd));
    expect(s.tcoUsd).toBe(Math.round(after.totalUsd - before.totalUsd));
    expect(s.tcoUsd).toBeGreaterThan(0);
    expect(r.totals.tcoUsd).toBe(s.tcoUsd);
    // Dearer optics in the book: the same step costs more capex.
    const book: PriceBook = structuredClone(DEFAULT_PRICE_BOOK);
    book.optics.tiers = book.optics.tiers.map((o) => ({ ...o, shortReachUsd: o.shortReachUsd * 3, longReachUsd: o.longReachUsd * 3 }));
    const dear = plan(t, d, tenPct, { book });
    expect(dear.steps[0]!.capexUsd).toBeGreaterThan(s.capexUsd);
  });

  it('builds for the intent margin: the same demands need a step sooner with 20 % on top', () => {
    const t = triangle(10, 100, 100);
    const d = [demand(t, 'A', 'B', 7.5)];
    const none = plan(t, d, tenPct);
    const margin = plan(t, d, tenPct, { planning: planning({ growthHeadroomPct: 20 }) });
    expect(none.steps[0]!.due.label).toBe('2027-Q1');
    expect(margin.steps[0]!.due.label).toBe('2026-Q4');
    expect(margin.buildForPct).toBe(20);
  });

  it('grows each flow at its sending site’s rate (per-site growth)', () => {
    const t = triangle(10, 100, 100);
    const d = [demand(t, 'A', 'B', 7.5)];
    const flat: GrowthSpec = { base: { kind: 'compound', pctPerPeriod: 0 }, overrides: [{ match: 'Amsterdam DC', rule: { kind: 'linear', pctPerPeriod: 10 } }] };
    const r = plan(t, d, flat);
    expect(r.steps).toHaveLength(1);
    expect(r.growth.bySite.find((s) => s.site === 'A')!.rule).toBe('linear 10 % per period');
    const other: GrowthSpec = { base: { kind: 'compound', pctPerPeriod: 0 }, overrides: [{ match: 'role:datacenter', rule: { kind: 'compound', pctPerPeriod: 0 } }, { match: 'New York DC', rule: { kind: 'compound', pctPerPeriod: 50 } }] };
    expect(plan(t, d, other).steps).toHaveLength(0);
  });

  it('offers IGP re-optimisation as the zero-capex alternative when weights alone suffice', () => {
    // A→B 9 Gbit/s on the 10G A–B circuit with a 10G detour by C that is never used: moving part of it there suffices
    // without a failure set (NONE) — a weight change splits A→B over both paths.
    const t = triangle(10, 10, 10);
    t.links[0]!.igpWeight = 15;
    const g = compileTopology(t);
    const d = [demand(t, 'A', 'B', 9)];
    const growth = resolveSiteGrowth(t, { base: { kind: 'compound', pctPerPeriod: 0 }, overrides: [] });
    const r = planCapacity({
      topology: t,
      design: { id: 'd', name: 't', revision: 1 },
      planning: planning(),
      redundancy: 'NONE',
      book: DEFAULT_PRICE_BOOK,
      demands: d.map((x) => ({ ...x, s: g.nodeIndex.get('rA')!, t: g.nodeIndex.get('rB')! })),
      basis: { demands: 'intent', text: 'hand-built' },
      growth: { ...growth, base: 'stated', overrides: [], names: new Map() },
      periods: planPeriods(null, 1, new Date(Date.UTC(2026, 11, 7))),
    });
    expect(r.steps.length).toBeGreaterThan(0);
    expect(r.igp.tried).toBe(true);
    expect(r.igp.suffices).toBe(true);
    expect(r.igp.changes.length).toBeGreaterThan(0);
    expect(r.igp.worstAfter).toBeLessThanOrEqual(0.8);
  });
});
