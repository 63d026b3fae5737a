import { describe, expect, it } from 'vitest';
import { noFailures, type FailureSelection } from '../../src-renderer/canvas/types';
import { WhatIfModel } from '../../src-shared/sim/whatif';
import { squareWithTail } from './fixtures';

const fail = (patch: Partial<Record<keyof FailureSelection, string[]>>): FailureSelection => {
  const f = noFailures();
  return {
    nodes: new Set(patch.nodes ?? f.nodes),
    links: new Set(patch.links ?? f.links),
    sites: new Set(patch.sites ?? f.sites),
    regions: new Set(patch.regions ?? f.regions),
    srlgs: new Set(patch.srlgs ?? f.srlgs),
  };
};

describe('what-if overlay', () => {
  const model = new WhatIfModel(squareWithTail());

  it('nothing failed: survives, heat is relative to the busiest link (max 1)', () => {
    const o = model.evaluate(noFailures());
    expect(o.verdict.survives).toBe(true);
    expect(o.maxHeat).toBeCloseTo(1);
    expect(o.rerouted.size).toBe(0);
  });

  it('a ring link failure reroutes around the square; nothing is cut off', () => {
    const o = model.evaluate(fail({ links: ['ab'] }));
    expect(o.failed).toEqual(new Set(['ab']));
    expect(o.cutOff.size).toBe(0);
    expect(o.strandedDemand).toBe(0);
    expect(o.rerouted.has('bc')).toBe(true);
    expect(o.heat.has('ab')).toBe(false);
  });

  it('the bridge d-e cuts e (and its site) off; 40 % of demand among survivors is stranded', () => {
    const o = model.evaluate(fail({ links: ['de'] }));
    expect([...o.cutOff]).toEqual(['e']);
    expect(o.cutOffSites).toEqual(['s2']);
    // survivors: 5 devices, components {a,b,c,d} and {e}: 1 - 12/20 = 0.4
    expect(o.strandedDemand).toBeCloseTo(0.4);
    expect(o.verdict.survives).toBe(false);
  });

  it('an SRLG fails both its links together; a site fails all its devices', () => {
    expect(model.evaluate(fail({ srlgs: ['duct-1'] })).failed).toEqual(new Set(['ab', 'bc']));
    const site = model.evaluate(fail({ sites: ['s1'] }));
    expect([...site.failed].filter((x) => x.length === 1).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(model.evaluate(fail({ regions: ['south'] })).cutOff.size).toBe(0); // only e fails: the square holds
  });

  it('single cuts are the bridge and the device it hangs on; two-link cuts exclude bridges', () => {
    expect(model.singleCuts()).toEqual({ links: ['de'], nodes: ['d'] });
    const pairs = model.linkPairCuts().map((p) => p.links.join('+'));
    expect(pairs).toContain('ab+cd');
    expect(pairs.some((p) => p.includes('de'))).toBe(false);
  });
});
