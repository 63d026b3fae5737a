import { describe, expect, it } from 'vitest';
import { planPeriods, parsePeriodLabel } from '../../../src-shared/capacity/periods';
import { TopologySchema } from '../../../src-shared/model/topology';
import { GrowthSpecError, growthFactor, parseGrowthBase, parseGrowthOverrides, resolveSiteGrowth, type MeasuredPeriod } from '../../../src-shared/traffic/site-growth';

const t = TopologySchema.parse({
  sites: [
    { id: 'p', name: 'Paris HQ', role: 'hq', region: 'eu' },
    { id: 's', name: 'Singapore', role: 'branch', region: 'apac' },
    { id: 'l', name: 'Lyon', role: 'branch', region: 'eu' },
  ],
  nodes: [
    { id: 'rp', name: 'rp', role: 'core', site: 'p' },
    { id: 'rs', name: 'rs', role: 'edge', site: 's' },
    { id: 'rl', name: 'rl', role: 'edge', site: 'l' },
  ],
  links: [
    { id: 'ps', source: 'rp', target: 'rs' },
    { id: 'pl', source: 'rp', target: 'rl' },
  ],
});

describe('growth per site or group', () => {
  it('reads stated rules and overrides, and names what is wrong', () => {
    expect(parseGrowthBase('fitted')).toEqual({ kind: 'fitted' });
    expect(parseGrowthBase('5%')).toEqual({ kind: 'compound', pctPerPeriod: 5 });
    expect(parseGrowthBase('linear:3')).toEqual({ kind: 'linear', pctPerPeriod: 3 });
    expect(parseGrowthOverrides('Paris HQ=8%; region:apac=12%, role:branch=linear:2%')).toEqual([
      { match: 'Paris HQ', rule: { kind: 'compound', pctPerPeriod: 8 } },
      { match: 'region:apac', rule: { kind: 'compound', pctPerPeriod: 12 } },
      { match: 'role:branch', rule: { kind: 'linear', pctPerPeriod: 2 } },
    ]);
    expect(() => parseGrowthBase('fast')).toThrow(GrowthSpecError);
    expect(() => parseGrowthOverrides('role:castle=3%')).toThrow(/unknown role "castle"/);
    expect(() => resolveSiteGrowth(t, { base: { kind: 'compound', pctPerPeriod: 1 }, overrides: [{ match: 'Atlantis', rule: { kind: 'compound', pctPerPeriod: 1 } }] })).toThrow(/names no site/);
  });

  it('takes the most specific rule: site over group over base', () => {
    const r = resolveSiteGrowth(t, {
      base: { kind: 'compound', pctPerPeriod: 2 },
      overrides: [
        { match: 'role:branch', rule: { kind: 'compound', pctPerPeriod: 5 } },
        { match: 'Singapore', rule: { kind: 'compound', pctPerPeriod: 20 } },
      ],
    });
    expect(r.sites.get('p')!.rule.pctPerPeriod).toBe(2);
    expect(r.sites.get('l')!.rule.pctPerPeriod).toBe(5);
    expect(r.sites.get('s')!.rule.pctPerPeriod).toBe(20);
    expect(growthFactor(r.sites.get('s')!, 2).expected).toBeCloseTo(1.44, 9);
  });

  it('fits each site from what leaves it, with an interval, and the network for sites without a fit', () => {
    // Paris sends +10 % a period on both links; Singapore +30 %; Lyon sends nothing measurable (rev null).
    const periods: MeasuredPeriod[] = [0, 1, 2, 3].map((k) => ({
      label: `2026-Q${k + 1}`,
      loads: { ps: { fwd: 10 * 1.1 ** k, rev: 2 * 1.3 ** k * (k % 2 ? 1.01 : 0.99) }, pl: { fwd: 5 * 1.1 ** k, rev: null } },
    }));
    const r = resolveSiteGrowth(t, { base: { kind: 'fitted' }, overrides: [] }, periods);
    expect(r.sites.get('p')!.rule.pctPerPeriod).toBeCloseTo(10, 6);
    const s = r.sites.get('s')!;
    expect(s.intervalPct![0]).toBeLessThan(30);
    expect(s.intervalPct![1]).toBeGreaterThan(30);
    expect(r.sites.get('l')!.source).toBe('network fit (no fit of its own)');
    expect(() => resolveSiteGrowth(t, { base: { kind: 'fitted' }, overrides: [] }, periods.slice(0, 1))).toThrow(/at least two measured periods/);
  });
});

describe('plan periods', () => {
  it('continues the measured periods in their own kind, with a board-readable title', () => {
    expect(planPeriods('2026-Q4', 2, new Date(0)).map((p) => [p.label, p.title, p.start])).toEqual([
      ['2026-Q4', 'Q4 2026', '2026-10-01'],
      ['2027-Q1', 'Q1 2027', '2027-01-01'],
      ['2027-Q2', 'Q2 2027', '2027-04-01'],
    ]);
    expect(planPeriods('2026-11', 2, new Date(0)).map((p) => p.title)).toEqual(['Nov 2026', 'Dec 2026', 'Jan 2027']);
    expect(planPeriods('2026-W52', 2, new Date(0)).map((p) => p.label)).toEqual(['2026-W52', '2026-W53', '2027-W01']);
    expect(planPeriods(null, 1, new Date(Date.UTC(2026, 11, 7))).map((p) => p.label)).toEqual(['2026-Q4', '2027-Q1']);
    expect(parsePeriodLabel('all')).toBeNull();
  });
});
