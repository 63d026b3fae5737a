import type { Link, Site, SiteRole, Topology } from '../../../src-shared/model/topology';

/**
 * Tiny hand-built designs for validation tests. `links` are
 * [source, target] or [source, target, { … link fields }]; devices are
 * "<site>/<name>" strings, so the site is the part before the slash.
 */
export function design(
  siteRoles: Record<string, SiteRole>,
  links: ([string, string] | [string, string, Partial<Link>])[],
  extraDevices: string[] = [],
): Topology {
  const devices = new Set<string>(extraDevices);
  for (const [a, b] of links) {
    devices.add(a);
    devices.add(b);
  }
  const sites: Site[] = Object.entries(siteRoles).map(([id, role]) => ({ id, name: id, role, region: 'r' }));
  return {
    formatVersion: 1,
    name: 'test',
    sites,
    nodes: [...devices].map((id) => ({ id, name: id, role: 'router', site: id.split('/')[0]!, ports: 48 })),
    links: links.map(([source, target, extra], i) => ({
      id: `e${i}`,
      source,
      target,
      capacityGbps: 10,
      igpWeight: 1,
      latencyMs: 1,
      srlgs: [],
      ...extra,
    })),
  };
}
