import { describe, expect, it } from 'vitest';
import { lagMembers } from '../../../src-shared/model/capacity';
import { IntentSchema, type IntentInput } from '../../../src-shared/model/intent';
import type { Link, Site, SiteRole, Topology } from '../../../src-shared/model/topology';
import { validateDesign } from '../../../src-shared/validate/validate';

/**
 * Hand-built designs whose verdict an architect gives without a tool
 * (issue 15's "Must show"). Devices are "<site>/<name>"; every site states
 * its bandwidth so the traffic model has demand to route.
 */
function design(sites: Record<string, [SiteRole, number]>, links: [string, string, Partial<Link>?][], ports = 48): Topology {
  const devices = new Set<string>();
  for (const [a, b] of links) {
    devices.add(a);
    devices.add(b);
  }
  const siteList: Site[] = Object.entries(sites).map(([id, [role, mbps]]) => ({ id, name: id, role, region: 'eu', bandwidthMbps: mbps }));
  return {
    formatVersion: 1,
    name: 'hand-built',
    sites: siteList,
    nodes: [...devices].map((id) => ({ id, name: id, role: 'router', site: id.split('/')[0]!, ports })),
    links: links.map(([source, target, extra], i) => ({
      id: `l${i + 1}`, source, target, capacityGbps: 10, igpWeight: 10, latencyMs: 1, srlgs: [], ...extra,
    })),
  };
}
const intent = (over: Partial<IntentInput> = {}) =>
  IntentSchema.parse({ siteGroups: [{ role: 'branch', count: 1 }], redundancy: 'HIGH', growthHeadroomPct: 0, ...over });
const check = (r: ReturnType<typeof validateDesign>, id: string) => r.checks.find((c) => c.id === id)!;

describe('verdicts an architect would give', () => {
  it('two HQ–DC circuits in one duct are one risk: the duct cut isolates the DC, so not even STANDARD', () => {
    const duct = { srlgs: ['duct:hq~dc'] };
    const t = design({ hq: ['hq', 1000], dc: ['datacenter', 1000], b: ['branch', 100] }, [
      ['hq/a', 'dc/a', duct], ['hq/b', 'dc/b', duct], ['hq/a', 'hq/b'], ['dc/a', 'dc/b'], ['b/r', 'hq/a'], ['b/r', 'hq/b'],
    ]);
    const r = validateDesign(t, intent({ redundancy: 'STANDARD' }));
    expect(r.redundancyAchieved).toBe('NONE');
    expect(check(r, 'redundancy.standard').message).toContain('shared-risk group duct:hq~dc');
    // The same circuits in two ducts are diverse.
    const diverse = design({ hq: ['hq', 1000], dc: ['datacenter', 1000], b: ['branch', 100] }, [
      ['hq/a', 'dc/a', { srlgs: ['duct:1'] }], ['hq/b', 'dc/b', { srlgs: ['duct:2'] }], ['hq/a', 'hq/b'], ['dc/a', 'dc/b'], ['b/r', 'hq/a'], ['b/r', 'hq/b'],
    ]);
    expect(validateDesign(diverse, intent({ redundancy: 'STANDARD' })).redundancyAchieved).toBe('HIGH');
  });

  it('a link plus a device cut a dual-homed branch: HIGH, not CRITICAL, and the pair is named', () => {
    // Branch b dual-homed to two HQ routers; a link of one homing plus the other HQ router isolate it.
    const t = design({ hq: ['hq', 1000], dc: ['datacenter', 1000], b: ['branch', 100] }, [
      ['hq/a', 'dc/a', { srlgs: ['duct:1'] }], ['hq/b', 'dc/b', { srlgs: ['duct:2'] }], ['hq/a', 'hq/b'], ['dc/a', 'dc/b'],
      ['b/r', 'hq/a', { srlgs: ['duct:3'] }], ['b/r', 'hq/b', { srlgs: ['duct:4'] }],
    ]);
    const r = validateDesign(t, intent({ redundancy: 'CRITICAL' }));
    expect(r.redundancyAchieved).toBe('HIGH');
    const critical = check(r, 'redundancy.critical');
    expect(critical.passed).toBe(false);
    // Mixed link + device pairs are among them (the old CRITICAL check tried link pairs only).
    expect(critical.message).toMatch(/link l\d+ \+ device \w+\/\w/);
  });

  it('a LAG takes one port per member: 52 × 400G on a 64-port device uses 52 ports, not 1', () => {
    expect(lagMembers({ capacityGbps: 52 * 400 })).toBe(52);
    expect(lagMembers({ capacityGbps: 100 })).toBe(1);
    expect(lagMembers({ capacityGbps: 800, lagMembers: 8 })).toBe(8);
    const t = design({ a: ['datacenter', 0], b: ['datacenter', 0] }, [['a/r', 'b/r', { capacityGbps: 52 * 400 }], ['a/r', 'b/r', { capacityGbps: 52 * 400 }]], 64);
    const ports = check(validateDesign(t, intent({ redundancy: 'NONE' })), 'ports');
    expect(ports.passed).toBe(false);
    expect(ports.message).toContain('uses 104 of 64');
  });

  it('a 50 Gbit/s branch on 100G with a 1G backup fails: the backup carries everything when the primary is cut', () => {
    // Backup has a higher IGP metric: it carries nothing until the primary fails.
    const t = design({ dc: ['datacenter', 0], b: ['branch', 50_000] }, [
      ['b/r', 'dc/r', { capacityGbps: 100, srlgs: ['duct:p'] }],
      ['b/r', 'dc/r', { capacityGbps: 1, igpWeight: 1000, srlgs: ['duct:q'] }],
    ]);
    const r = validateDesign(t, intent({ redundancy: 'STANDARD' }));
    const cap = check(r, 'capacity');
    expect(cap.passed).toBe(false);
    expect(cap.message).toContain('worst case: l2 (b – dc) at 5,000 % (50 Gbit/s of 1.0 Gbit/s) when link l1 (b – dc) fails');
    expect(r.passed).toBe(false);
    expect(r.redundancyAchieved).toBe('NONE');
    // With nothing failed the primary carries it at 50 %: the baseline alone is fine.
    expect(validateDesign(t, intent({ redundancy: 'NONE' })).checks.find((c) => c.id === 'capacity')!.passed).toBe(true);
  });

  it('a properly diverse dual-homed design reaches exactly HIGH', () => {
    // Two core sites with two routers each, joined on two diverse ducts; every branch homed to both
    // core sites on its own ducts; enough capacity for any single failure.
    const links: [string, string, Partial<Link>?][] = [
      ['hq/a', 'hq/b', { capacityGbps: 100 }], ['dc/a', 'dc/b', { capacityGbps: 100 }],
      ['hq/a', 'dc/a', { capacityGbps: 100, srlgs: ['duct:c1'] }], ['hq/b', 'dc/b', { capacityGbps: 100, srlgs: ['duct:c2'] }],
    ];
    const sites: Record<string, [SiteRole, number]> = { hq: ['hq', 2000], dc: ['datacenter', 10_000] };
    for (let i = 1; i <= 4; i++) {
      sites[`b${i}`] = ['branch', 500];
      links.push([`b${i}/r`, i % 2 ? 'hq/a' : 'hq/b', { srlgs: [`duct:b${i}hq`] }], [`b${i}/r`, i % 2 ? 'dc/b' : 'dc/a', { srlgs: [`duct:b${i}dc`] }]);
    }
    const r = validateDesign(design(sites, links), intent({ redundancy: 'HIGH' }));
    expect(check(r, 'redundancy.high').passed).toBe(true);
    expect(check(r, 'capacity').passed).toBe(true);
    expect(r.redundancyAchieved).toBe('HIGH');
    expect(r.passed).toBe(true);
  });

  it('degenerate designs get honest verdicts: one device, one site', () => {
    const one: Topology = { formatVersion: 1, name: 'one', sites: [{ id: 's', name: 's', role: 'hq', region: 'eu' }], nodes: [{ id: 's/r', name: 'r', role: 'router', site: 's', ports: 48 }], links: [] };
    const r = validateDesign(one, intent({ redundancy: 'CRITICAL' }));
    expect(r.redundancyAchieved).toBe('STANDARD');
    expect(check(r, 'redundancy.high').message).toContain('one device: when it fails nothing is left');
    const site = design({ s: ['hq', 100] }, [['s/a', 's/b'], ['s/b', 's/c'], ['s/c', 's/a']]);
    const v = validateDesign(site, intent({ redundancy: 'CRITICAL' }));
    expect(v.redundancyAchieved).toBe('HIGH');
    expect(check(v, 'redundancy.critical').message).toContain('one site: a site outage');
  });
});
