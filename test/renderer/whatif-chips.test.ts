import { describe, expect, it } from 'vitest';
import { TopologySchema } from '../../src-shared/model/topology';
import { WhatIfModel } from '../../src-shared/sim/whatif';
import { buildChips, filterChips, groupChips } from '../../src-renderer/features/whatif/chips';

const t = TopologySchema.parse({
  name: 'chips',
  sites: [
    { id: 's1', name: 'Paris HQ', role: 'hq', region: 'emea' },
    { id: 's2', name: 'Lyon branch', role: 'branch', region: 'emea' },
    { id: 's3', name: 'Berlin branch', role: 'branch', region: 'emea' },
    { id: 's4', name: 'Ashburn DC', role: 'datacenter', region: 'amer' },
  ],
  nodes: [
    { id: 'a', name: 'par-1', role: 'core', site: 's1' },
    { id: 'b', name: 'lyo-1', role: 'spoke', site: 's2' },
    { id: 'c', name: 'ber-1', role: 'spoke', site: 's3' },
    { id: 'd', name: 'ash-1', role: 'core', site: 's4' },
  ],
  links: [
    { id: 'ab', source: 'a', target: 'b', srlgs: ['duct:s1~s2'] },
    { id: 'ac', source: 'a', target: 'c', srlgs: ['duct:s1~s3'] },
    { id: 'ad', source: 'a', target: 'd', srlgs: ['duct:s1~s4'] },
    { id: 'bd', source: 'b', target: 'd', srlgs: ['duct:s2~s4', 'x-1'] },
  ],
});

describe('what-if chips', () => {
  const model = new WhatIfModel(t);
  const chips = buildChips(t, { sites: model.sites, regions: model.regions, srlgs: model.srlgs });

  it('names every chip: sites by name, ducts by the sites they join', () => {
    const sites = chips.filter((c) => c.kind === 'sites');
    expect(sites.map((c) => c.label).sort()).toEqual(['Ashburn DC', 'Berlin branch', 'Lyon branch', 'Paris HQ']);
    expect(chips.find((c) => c.id === 'duct:s1~s4')?.label).toBe('duct Paris HQ – Ashburn DC');
    expect(chips.filter((c) => c.kind === 'regions').map((c) => c.id)).toEqual(['amer', 'emea']);
  });

  it('groups by region with counts, largest first, names in order', () => {
    const g = groupChips(chips.filter((c) => c.kind === 'sites'), 'region');
    expect(g.map((x) => [x.key, x.chips.length])).toEqual([['emea', 3], ['amer', 1]]);
    expect(g[0]!.chips.map((c) => c.label)).toEqual(['Berlin branch', 'Lyon branch', 'Paris HQ']);
  });

  it('groups by role; a shared-risk group goes with the region most of its ends stand in', () => {
    const byRole = groupChips(chips.filter((c) => c.kind === 'sites'), 'role');
    expect(byRole.map((x) => [x.key, x.chips.length])).toEqual([['branch', 2], ['datacenter', 1], ['hq', 1]]);
    const srlg = chips.filter((c) => c.kind === 'srlgs');
    expect(srlg.find((c) => c.id === 'duct:s1~s2')?.region).toBe('emea');
    expect(srlg.find((c) => c.id === 'duct:s2~s4')?.region).toBe('amer'); // tie (1 emea end, 1 amer end) → alphabetical
    expect(groupChips(srlg, 'role').map((x) => [x.key, x.chips.length])).toEqual([['duct', 4], ['other shared risk', 1]]);
  });

  it('filters on every word, by name, region or role, case-insensitive', () => {
    expect(filterChips(chips, 'branch').filter((c) => c.kind === 'sites').map((c) => c.label).sort()).toEqual(['Berlin branch', 'Lyon branch']);
    expect(filterChips(chips, 'EMEA lyon').map((c) => c.id)).toEqual(['s2', 'duct:s1~s2']);
    expect(filterChips(chips, 'ashburn').map((c) => c.id).sort()).toEqual(['duct:s1~s4', 'duct:s2~s4', 's4'].sort());
    expect(filterChips(chips, 'nowhere')).toEqual([]);
    expect(filterChips(chips, '  ')).toHaveLength(chips.length);
  });
});
