import type { Intent } from '../model/intent';
import { TOPOLOGY_FAMILIES, type Family, type Site, type SiteRole } from '../model/topology';

/** Sites that may host core, hub and spine devices: where an architect puts shared infrastructure. */
export const CORE_SITE_ROLES: readonly SiteRole[] = ['hq', 'datacenter', 'region-hub', 'colo'];
export const isCoreCapable = (s: Pick<Site, 'role'>): boolean => CORE_SITE_ROLES.includes(s.role);

/** Most sites a full mesh is offered for: 16 sites are 120 circuits; beyond, a partial mesh does the job. */
export const FULL_MESH_SENSIBLE_SITES = 16;
/** Most sites a ring is offered for: a ring of n has a worst path of n/2 hops and every span carries transit. */
export const RING_SENSIBLE_SITES = 32;

const HUB_FAMILIES: readonly Family[] = ['hub-spoke', 'dual-hub', 'tree', 'hybrid'];
const WAN_FAMILIES: readonly Family[] = ['hub-spoke', 'dual-hub', 'tree', 'ring', 'dual-ring', 'partial-mesh', 'full-mesh'];

/**
 * Why a family makes no sense for these sites, or null when it does. A family
 * that is not applicable is listed with this reason (generate.ts
 * generateAll, the CLI, the design list) and is not built or priced:
 * - leaf-spine is a datacenter fabric: only when every site is a datacenter
 *   or colo (the hybrid builds fabrics inside the datacenters of a WAN);
 * - hub-spoke, dual-hub, tree and hybrid put hub or core devices at HQ,
 *   datacenter, region-hub or colo sites: not applicable without one;
 * - the WAN families (all but leaf-spine and hybrid) need two sites or more;
 * - full mesh: at most FULL_MESH_SENSIBLE_SITES sites;
 * - ring and dual ring: at most RING_SENSIBLE_SITES sites.
 */
export function notApplicableReason(family: Family, sites: readonly Pick<Site, 'role'>[]): string | null {
  const n = sites.length;
  if (family === 'leaf-spine') {
    const others = sites.filter((s) => s.role !== 'datacenter' && s.role !== 'colo');
    if (others.length === 0) return null;
    return (
      `leaf-spine (Clos) is a datacenter fabric, not a WAN; this intent has ${describeRoles(others)} to connect — ` +
      `the hybrid family builds a fabric inside each datacenter and a WAN between sites`
    );
  }
  if (WAN_FAMILIES.includes(family) && n < 2) {
    return `${family} is a WAN family and this intent has ${n === 0 ? 'no site' : 'one site'}: there is nothing to connect between sites (leaf-spine or hybrid build a site's fabric)`;
  }
  if (HUB_FAMILIES.includes(family) && !sites.some(isCoreCapable)) {
    return `${family} needs an HQ, datacenter, region-hub or colo site for its ${family === 'tree' || family === 'hybrid' ? 'core' : 'hub'} devices; this intent has only ${describeRoles(sites)}`;
  }
  if (family === 'full-mesh' && n > FULL_MESH_SENSIBLE_SITES) {
    return `a full mesh of ${n} sites needs ${((n * (n - 1)) / 2).toLocaleString('en-US')} circuits; above ${FULL_MESH_SENSIBLE_SITES} sites a partial mesh gives the same resilience with far fewer`;
  }
  if ((family === 'ring' || family === 'dual-ring') && n > RING_SENSIBLE_SITES) {
    return `a ring of ${n} sites has a worst path of ${Math.floor(n / 2)} hops and every span carries transit traffic; rings are offered up to ${RING_SENSIBLE_SITES} sites`;
  }
  return null;
}

function describeRoles(sites: readonly Pick<Site, 'role'>[]): string {
  const counts = new Map<string, number>();
  for (const s of sites) counts.set(s.role, (counts.get(s.role) ?? 0) + 1);
  return [...counts].map(([role, k]) => `${k} ${role} site${k === 1 ? '' : 's'}`).join(', ');
}

/**
 * Every family that is not applicable to an intent, with the reason — from
 * the site roles and counts alone (no placement), so the intent wizard lists
 * them before generating, with the same words generateAll gives.
 */
export function notApplicableFamilies(intent: Intent): { family: Family; reason: string }[] {
  const sites: { role: SiteRole }[] = [];
  for (const g of intent.siteGroups) {
    const n = Math.max(g.count ?? 0, g.sites?.length ?? 0);
    for (let i = 0; i < n; i++) sites.push({ role: g.role });
  }
  return TOPOLOGY_FAMILIES.flatMap((family) => {
    const reason = notApplicableReason(family, sites);
    return reason === null ? [] : [{ family, reason }];
  });
}
