import { describe, expect, it } from 'vitest';
import { IntentSchema, intentProblems, parseIntent } from '../../../src-shared/model/intent';

describe('intent schema', () => {
  it('fills the defaults a planner expects', () => {
    const i = IntentSchema.parse({ siteGroups: [{ role: 'branch', count: 3 }] });
    expect(i).toMatchObject({
      redundancy: 'STANDARD',
      goal: 'balanced',
      growthHeadroomPct: 20,
      constraints: { portsPerDevice: 48, maxOversubscription: 3, accessPortGbps: 25, fabricUplinkGbps: 100, latencyBudgets: [], devicePorts: {} },
    });
    expect(i.siteGroups[0]).toMatchObject({ region: 'default', usersPerSite: 100, bandwidthMbpsPerSite: 1000 });
  });

  it('reports one line per problem, each naming the field path', () => {
    expect(
      intentProblems({
        siteGroups: [{ role: 'castle', count: 0 }, { role: 'branch' }, { role: 'hq', count: 1, sites: [{ name: 'a', lat: 1 }], colour: 'red' }],
        redundancy: 'EXTREME',
        budgetUsd: -5,
        constraints: { devicePorts: { hub: 1 }, maxOversubscription: 0.5 },
      }),
    ).toEqual([
      expect.stringMatching(/^siteGroups\.0\.role: Invalid option/),
      expect.stringMatching(/^siteGroups\.0\.count: Too small/),
      'siteGroups.1: give either count or sites',
      'siteGroups.2.sites.0.lat: give both lat and lon, or neither',
      'siteGroups.2: Unrecognized key: "colour"',
      expect.stringMatching(/^redundancy: Invalid option/),
      expect.stringMatching(/^budgetUsd: Too small/),
      expect.stringMatching(/^constraints\.devicePorts\.hub: Too small/),
      expect.stringMatching(/^constraints\.maxOversubscription: Too small/),
    ]);
  });

  it('checks latency budget selectors and duplicate site names against the intent', () => {
    const r = parseIntent({
      siteGroups: [{ role: 'hq', region: 'eu', sites: [{ name: 'Paris' }, { name: 'Paris' }] }],
      constraints: {
        latencyBudgets: [
          { from: 'Paris', to: 'region:eu', maxMs: 10 },
          { from: 'role:castle', to: 'region:mars', maxMs: 10 },
          { from: 'Lyon', to: '*', maxMs: 10 },
        ],
      },
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([
      'siteGroups.0.sites.1.name: duplicate site name "Paris" (also at siteGroups.0.sites.0)',
      expect.stringMatching(/^constraints\.latencyBudgets\.1\.from: unknown site role "castle"/),
      'constraints.latencyBudgets.1.to: no site group is in region "mars"',
      'constraints.latencyBudgets.2.from: no explicit site is named "Lyon" (use role:…, region:… or *)',
    ]);
  });

  it('rejects a count below the number of explicit sites', () => {
    expect(intentProblems({ siteGroups: [{ role: 'branch', count: 1, sites: [{ name: 'a' }, { name: 'b' }] }] })).toEqual([
      'siteGroups.0.count: count is smaller than the number of explicit sites',
    ]);
  });
});
