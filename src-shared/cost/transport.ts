import type { Device, DeviceRole, Link, SiteRole, Topology, Transport } from '../model/topology';

/**
 * The one rule choosing how a link is bought (docs/cost-model.md), used when
 * a design is generated (generate.ts, through assignTransports) and when a
 * link without a stated transport is costed (imported designs):
 * - both ends in one site, or no distance: cabling (`intra-site`);
 * - a branch (or a branch-type device when sites are unknown) up to 1 Gbit/s:
 *   dedicated internet as an SD-WAN underlay; up to 10 Gbit/s: MPLS/IP-VPN;
 *   faster: a wavelength;
 * - between HQ, data-centre, hub, campus and colo sites: dark fibre within
 *   unamplified reach (≤ 80 km route, the reach of ZR optics) at 10 Gbit/s
 *   or more, and at any speed up to 25 km (a campus or metro pair: over a
 *   multi-year term an IRU of a few km costs far less than a leased service);
 *   otherwise a carrier wavelength at 10 Gbit/s or more, MPLS/IP-VPN below.
 */
export const DARK_FIBRE_MAX_KM = 80;
export const CAMPUS_FIBRE_MAX_KM = 25;
const BRANCH_DEVICE_ROLES: ReadonlySet<DeviceRole> = new Set(['edge', 'spoke', 'access']);

export interface LinkEnds {
  /** Roles of the two ends' sites, when known. */
  siteRoles: readonly [SiteRole | undefined, SiteRole | undefined];
  /** Roles of the two devices (used when a site role is unknown). */
  deviceRoles: readonly [DeviceRole | undefined, DeviceRole | undefined];
  capacityGbps: number;
  routeKm: number;
  sameSite: boolean;
}

export function chooseTransport(e: LinkEnds): Transport {
  if (e.sameSite || e.routeKm <= 0) return 'intra-site';
  const branch = [0, 1].some((i) => {
    const s = e.siteRoles[i];
    if (s !== undefined) return s === 'branch';
    const d = e.deviceRoles[i];
    return d !== undefined && BRANCH_DEVICE_ROLES.has(d);
  });
  if (branch) return e.capacityGbps <= 1 ? 'internet' : e.capacityGbps <= 10 ? 'mpls' : 'wavelength';
  if (e.routeKm <= CAMPUS_FIBRE_MAX_KM || (e.capacityGbps >= 10 && e.routeKm <= DARK_FIBRE_MAX_KM)) return 'dark-fibre';
  return e.capacityGbps >= 10 ? 'wavelength' : 'mpls';
}

/** What chooseTransport reads for every link of a design, by link index. */
export function linkEnds(t: Topology): LinkEnds[] {
  const siteRole = new Map(t.sites.map((s) => [s.id, s.role]));
  const dev = new Map(t.nodes.map((d) => [d.id, d]));
  return t.links.map((l) => endsOf(l, dev, siteRole));
}

/** The same for one link (the link panel's "automatic" choice). */
export function linkEndsOf(t: Topology, link: Link): LinkEnds {
  const siteRole = new Map(t.sites.map((s) => [s.id, s.role]));
  const dev = new Map(t.nodes.filter((d) => d.id === link.source || d.id === link.target).map((d) => [d.id, d]));
  return endsOf(link, dev, siteRole);
}

function endsOf(l: Link, dev: ReadonlyMap<string, Device>, siteRole: ReadonlyMap<string, SiteRole>): LinkEnds {
  const a = dev.get(l.source);
  const b = dev.get(l.target);
  const role = (d: Device | undefined) => (d?.site === undefined ? undefined : siteRole.get(d.site));
  return {
    siteRoles: [role(a), role(b)],
    deviceRoles: [a?.role, b?.role],
    capacityGbps: l.capacityGbps,
    routeKm: l.distanceKm ?? 0,
    sameSite: a?.site !== undefined && a.site === b?.site,
  };
}

/**
 * A generated design's links with their transport chosen (a transport already
 * set is kept). The generator's own per-link figures are provisional (they
 * were set while the shape was built and sized), so they are dropped: the
 * design is priced by the cost model from each link's transport.
 */
export function assignTransports(t: Topology): Topology {
  const ends = linkEnds(t);
  return {
    ...t,
    links: t.links.map((l, i) => {
      const { costUsd: _provisional, ...rest } = l;
      return { ...rest, transport: l.transport ?? chooseTransport(ends[i]!) };
    }),
  };
}
