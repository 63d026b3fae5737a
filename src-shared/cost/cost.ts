import type { DeviceRole, Link, Topology } from '../model/topology';
import { deviceTiers, type PriceBook } from './pricebook';

/**
 * Cost model. A device costs the smallest tier of its role with at least
 * its ports (beyond the largest tier, `extraPortUsd` per extra port). A link
 * inside one site costs `intraSiteUsd`; between sites, the smallest circuit
 * tier with at least its capacity (several of the largest when above it):
 * install + perKm × distance. Every link needs two optics of its speed,
 * long-reach when longer than `shortReachMaxKm`. A `costUsd` set on a device
 * or link by hand wins over the price book (optics are always priced).
 */
export interface CostBreakdown {
  currency: 'USD';
  priceBook: string;
  totalUsd: number;
  devicesUsd: number;
  linksUsd: number;
  opticsUsd: number;
  byRole: Record<string, { count: number; usd: number }>;
}

export function deviceCostUsd(book: PriceBook, role: DeviceRole, ports: number): number {
  const tiers = deviceTiers(book, role);
  for (const t of tiers) if (t.ports >= ports) return t.usd;
  const top = tiers[tiers.length - 1]!;
  return top.usd + (ports - top.ports) * book.devices.extraPortUsd;
}

/** Whether a link stays inside one site (priced as cabling, short optics). */
export function isIntraSite(link: Pick<Link, 'distanceKm'>, sameSite: boolean): boolean {
  return sameSite || (link.distanceKm ?? 0) === 0;
}

export function linkCostUsd(book: PriceBook, capacityGbps: number, distanceKm: number, intraSite: boolean): number {
  if (intraSite) return book.links.intraSiteUsd;
  const tiers = book.links.tiers;
  const fit = tiers.find((t) => t.capacityGbps >= capacityGbps);
  if (fit) return Math.round(fit.installUsd + fit.perKmUsd * distanceKm);
  const top = tiers[tiers.length - 1]!;
  const n = Math.ceil(capacityGbps / top.capacityGbps);
  return Math.round(n * (top.installUsd + top.perKmUsd * distanceKm));
}

export function opticsCostUsd(book: PriceBook, capacityGbps: number, distanceKm: number): number {
  const tiers = book.optics.tiers;
  const fit = tiers.find((t) => t.capacityGbps >= capacityGbps);
  const tier = fit ?? tiers[tiers.length - 1]!;
  const n = fit ? 1 : Math.ceil(capacityGbps / tier.capacityGbps);
  const each = distanceKm > book.optics.shortReachMaxKm ? tier.longReachUsd : tier.shortReachUsd;
  return 2 * n * each;
}

/** Prices a whole design. O(nodes + links). */
export function costDesign(t: Topology, book: PriceBook): CostBreakdown {
  const siteOf = new Map<string, string | undefined>();
  const byRole: Record<string, { count: number; usd: number }> = {};
  let devicesUsd = 0;
  for (const d of t.nodes) {
    siteOf.set(d.id, d.site);
    const usd = d.costUsd ?? deviceCostUsd(book, d.role, d.ports);
    devicesUsd += usd;
    const r = (byRole[d.role] ??= { count: 0, usd: 0 });
    r.count += 1;
    r.usd += usd;
  }
  let linksUsd = 0;
  let opticsUsd = 0;
  for (const l of t.links) {
    const a = siteOf.get(l.source);
    const sameSite = a !== undefined && a === siteOf.get(l.target);
    const km = l.distanceKm ?? 0;
    linksUsd += l.costUsd ?? linkCostUsd(book, l.capacityGbps, km, isIntraSite(l, sameSite));
    opticsUsd += opticsCostUsd(book, l.capacityGbps, km);
  }
  const round = (x: number) => Math.round(x);
  return {
    currency: 'USD',
    priceBook: book.name,
    totalUsd: round(devicesUsd + linksUsd + opticsUsd),
    devicesUsd: round(devicesUsd),
    linksUsd: round(linksUsd),
    opticsUsd: round(opticsUsd),
    byRole,
  };
}
