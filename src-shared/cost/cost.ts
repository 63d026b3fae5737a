import { lagMembers } from '../model/capacity';
import { DEFAULT_FINANCE, type Finance } from '../model/planning';
import type { DeviceRole, SiteRole, Topology, Transport } from '../model/topology';
import { deviceTiers, type CircuitTier, type PriceBook } from './pricebook';
import { chooseTransport, linkEnds } from './transport';

/**
 * Cost model as a finance officer reads it (docs/cost-model.md).
 * - Capex (one-time): devices (smallest tier of the role with enough ports;
 *   `extraPortUsd` per port beyond the largest), device installation, optics
 *   (one per LAG member at each end, long reach beyond `shortReachMaxKm`),
 *   circuit installation and cabling, dark-fibre IRUs.
 * - Recurring (per month): circuits by transport (bandwidth tier × distance
 *   band), vendor support as a share of device list price, colocation racks
 *   at data-centre/colo/hub sites, dark-fibre maintenance.
 * - TCO over the design's term (`planning.finance`, default 5 years): capex
 *   plus every year's recurring cost, discounted at the stated rate (end of
 *   year). `totalUsd` is the TCO: the one headline every surface prints.
 * A LAG is one circuit build: one installation and one fibre path; its
 * members each take optics (and, on a carrier wavelength, a wavelength).
 * A `costUsd` set on a device by hand replaces its list price; on a link, the
 * circuit's whole cost over the term (its optics are still priced).
 */
export interface TransportCost {
  links: number;
  /** LAG members (wavelengths, fibre pairs lit or access circuits). */
  members: number;
  oneTimeUsd: number;
  monthlyUsd: number;
}

export interface CostBreakdown {
  currency: 'USD';
  priceBook: string;
  termYears: number;
  discountRatePct: number;
  /** The headline: TCO over the term (capex + recurring, discounted). */
  totalUsd: number;
  capexUsd: number;
  /** Monthly recurring cost: circuits, support, colocation, fibre maintenance. */
  mrcUsd: number;
  tcoUsd: number;
  capex: { devicesUsd: number; installationUsd: number; opticsUsd: number; fibreIruUsd: number; handPricedLinksUsd: number };
  monthly: { circuitsUsd: number; supportUsd: number; colocationUsd: number; fibreMaintenanceUsd: number };
  byTransport: Partial<Record<Transport, TransportCost>>;
  /** Device list price by role. */
  byRole: Record<string, { count: number; usd: number }>;
  racks: number;
}

export function deviceCostUsd(book: PriceBook, role: DeviceRole, ports: number): number {
  const tiers = deviceTiers(book, role);
  for (const t of tiers) if (t.ports >= ports) return t.usd;
  const top = tiers[tiers.length - 1]!;
  return top.usd + (ports - top.ports) * book.devices.extraPortUsd;
}

/** Index of the distance band a route of this length falls in. */
export function distanceBand(book: PriceBook, routeKm: number): number {
  const i = book.circuits.bands.findIndex((b) => routeKm <= b.maxKm);
  return i === -1 ? book.circuits.bands.length - 1 : i;
}

export interface CircuitPrice {
  transport: Transport;
  members: number;
  oneTimeUsd: number;
  monthlyUsd: number;
  /** Of oneTimeUsd: the dark-fibre IRU. */
  iruUsd: number;
  /** Dark-fibre maintenance per year. */
  maintenancePerYearUsd: number;
}

const fitTier = (tiers: readonly CircuitTier[], gbps: number): { tier: CircuitTier; count: number } => {
  const fit = tiers.find((t) => t.capacityGbps >= gbps - 1e-9);
  if (fit) return { tier: fit, count: 1 };
  const top = tiers[tiers.length - 1]!;
  return { tier: top, count: Math.ceil(gbps / top.capacityGbps - 1e-9) };
};

/**
 * One circuit (or LAG) of `capacityGbps` in `members` members over `routeKm`.
 * `billedGbps`: the committed rate an access service is bought at (internet,
 * MPLS), when smaller than the port speed.
 */
export function circuitPrice(
  book: PriceBook,
  transport: Transport,
  capacityGbps: number,
  members: number,
  routeKm: number,
  billedGbps = capacityGbps,
): CircuitPrice {
  const c = book.circuits;
  const base = { transport, members, iruUsd: 0, maintenancePerYearUsd: 0 };
  switch (transport) {
    case 'intra-site':
      return { ...base, oneTimeUsd: c.intraSiteUsd * members, monthlyUsd: 0 };
    case 'dark-fibre': {
      const iru = c.darkFibre.iruPerKmUsd * routeKm;
      return { ...base, oneTimeUsd: c.darkFibre.installUsd + iru, monthlyUsd: 0, iruUsd: iru, maintenancePerYearUsd: c.darkFibre.maintenancePerKmYearUsd * routeKm };
    }
    case 'wavelength': {
      // One build on one path; each member is a wavelength of its share of the capacity.
      const { tier, count } = fitTier(c.wavelength.tiers, capacityGbps / members);
      const factor = c.wavelength.bandFactors[distanceBand(book, routeKm)] ?? 1;
      return { ...base, oneTimeUsd: tier.installUsd, monthlyUsd: members * count * tier.monthlyUsd * factor };
    }
    case 'internet':
    case 'mpls': {
      const leased = c[transport];
      const { tier, count } = fitTier(leased.tiers, Math.min(capacityGbps, billedGbps));
      const factor = leased.bandFactors[distanceBand(book, routeKm)] ?? 1;
      return { ...base, oneTimeUsd: tier.installUsd, monthlyUsd: count * tier.monthlyUsd * factor };
    }
  }
}

/** Optics of one link: one per member at each end, of the member's speed. */
export function opticsCostUsd(book: PriceBook, capacityGbps: number, distanceKm: number, members = lagMembers({ capacityGbps })): number {
  const tiers = book.optics.tiers;
  const perMember = capacityGbps / members;
  const fit = tiers.find((t) => t.capacityGbps >= perMember - 1e-9);
  const tier = fit ?? tiers[tiers.length - 1]!;
  const n = members * (fit ? 1 : Math.ceil(perMember / tier.capacityGbps));
  const each = distanceKm > book.optics.shortReachMaxKm ? tier.longReachUsd : tier.shortReachUsd;
  return 2 * n * each;
}

/** Present value of one unit a year for `years` years at `ratePct` (end of year); `years` when the rate is 0. */
export function annuityFactor(years: number, ratePct: number): number {
  if (ratePct <= 0) return years;
  const r = ratePct / 100;
  return (1 - (1 + r) ** -years) / r;
}

/**
 * A rough figure for one circuit (its cost over the default term, transport
 * chosen from capacity and distance alone), for ranking candidate links
 * before they are part of a design; designs are priced by costDesign.
 */
export function linkCostUsd(book: PriceBook, capacityGbps: number, distanceKm: number, intraSite: boolean): number {
  const members = lagMembers({ capacityGbps });
  const transport = chooseTransport({ siteRoles: [undefined, undefined], deviceRoles: [undefined, undefined], capacityGbps, routeKm: distanceKm, sameSite: intraSite });
  const p = circuitPrice(book, transport, capacityGbps, members, distanceKm);
  const years = DEFAULT_FINANCE.termYears;
  return Math.round(p.oneTimeUsd + years * (12 * p.monthlyUsd + p.maintenancePerYearUsd));
}

const BRANCH_SITE: ReadonlySet<SiteRole> = new Set(['branch']);

/** Prices a whole design. O(nodes + links). */
export function costDesign(t: Topology, book: PriceBook, finance: Finance = t.planning?.finance ?? DEFAULT_FINANCE): CostBreakdown {
  const byRole: Record<string, { count: number; usd: number }> = {};
  let devicesUsd = 0;
  let installationUsd = 0;
  const perSite = new Map<string, number>();
  for (const d of t.nodes) {
    const usd = d.costUsd ?? deviceCostUsd(book, d.role, d.ports);
    devicesUsd += usd;
    installationUsd += book.devices.installUsd;
    const r = (byRole[d.role] ??= { count: 0, usd: 0 });
    r.count += 1;
    r.usd += usd;
    if (d.site !== undefined) perSite.set(d.site, (perSite.get(d.site) ?? 0) + 1);
  }
  // Colocation racks at the sites whose roles pay for them.
  const rackRoles = new Set(book.recurring.rackSiteRoles);
  let racks = 0;
  for (const s of t.sites) {
    const n = perSite.get(s.id) ?? 0;
    if (n > 0 && rackRoles.has(s.role)) racks += Math.ceil(n / book.recurring.devicesPerRack);
  }
  // The rate an access service is bought at: the branch's own busy-hour demand with growth, at the utilisation limit.
  const planning = t.planning;
  const growth = 1 + (planning?.growthHeadroomPct ?? 20) / 100;
  const limit = (planning?.utilisationLimitPct ?? 80) / 100;
  const site = new Map(t.sites.map((s) => [s.id, s]));
  const dev = new Map(t.nodes.map((d) => [d.id, d]));
  const billedOf = (source: string, target: string, capacity: number): number => {
    for (const id of [source, target]) {
      const s = site.get(dev.get(id)?.site ?? '');
      if (s && BRANCH_SITE.has(s.role) && s.bandwidthMbps !== undefined && s.bandwidthMbps > 0) {
        return Math.min(capacity, ((s.bandwidthMbps / 1000) * growth) / limit);
      }
    }
    return capacity;
  };

  const ends = linkEnds(t);
  const byTransport: Partial<Record<Transport, TransportCost>> = {};
  let opticsUsd = 0;
  let circuitOneTimeUsd = 0;
  let fibreIruUsd = 0;
  let handPricedLinksUsd = 0;
  let circuitsMonthlyUsd = 0;
  let fibreMaintenancePerYearUsd = 0;
  t.links.forEach((l, i) => {
    const km = l.distanceKm ?? 0;
    const members = lagMembers(l);
    opticsUsd += opticsCostUsd(book, l.capacityGbps, km, members);
    const transport = l.transport ?? chooseTransport(ends[i]!);
    const agg = (byTransport[transport] ??= { links: 0, members: 0, oneTimeUsd: 0, monthlyUsd: 0 });
    agg.links += 1;
    agg.members += members;
    if (l.costUsd !== undefined) {
      handPricedLinksUsd += l.costUsd;
      agg.oneTimeUsd += l.costUsd;
      return;
    }
    const p = circuitPrice(book, transport, l.capacityGbps, members, km, billedOf(l.source, l.target, l.capacityGbps));
    circuitOneTimeUsd += p.oneTimeUsd - p.iruUsd;
    fibreIruUsd += p.iruUsd;
    circuitsMonthlyUsd += p.monthlyUsd;
    fibreMaintenancePerYearUsd += p.maintenancePerYearUsd;
    agg.oneTimeUsd += p.oneTimeUsd;
    agg.monthlyUsd += p.monthlyUsd + p.maintenancePerYearUsd / 12;
  });
  installationUsd += circuitOneTimeUsd;

  const supportMonthly = (devicesUsd * book.recurring.supportPctPerYear) / 100 / 12;
  const colocationMonthly = racks * book.recurring.rackMonthlyUsd;
  const fibreMaintenanceMonthly = fibreMaintenancePerYearUsd / 12;
  const mrc = circuitsMonthlyUsd + supportMonthly + colocationMonthly + fibreMaintenanceMonthly;
  const capex = devicesUsd + installationUsd + opticsUsd + fibreIruUsd + handPricedLinksUsd;
  const tco = capex + 12 * mrc * annuityFactor(finance.termYears, finance.discountRatePct);
  const round = (x: number) => Math.round(x);
  for (const v of Object.values(byTransport)) {
    v.oneTimeUsd = round(v.oneTimeUsd);
    v.monthlyUsd = round(v.monthlyUsd);
  }
  for (const v of Object.values(byRole)) v.usd = round(v.usd);
  return {
    currency: 'USD',
    priceBook: book.name,
    termYears: finance.termYears,
    discountRatePct: finance.discountRatePct,
    totalUsd: round(tco),
    capexUsd: round(capex),
    mrcUsd: round(mrc),
    tcoUsd: round(tco),
    capex: {
      devicesUsd: round(devicesUsd),
      installationUsd: round(installationUsd),
      opticsUsd: round(opticsUsd),
      fibreIruUsd: round(fibreIruUsd),
      handPricedLinksUsd: round(handPricedLinksUsd),
    },
    monthly: {
      circuitsUsd: round(circuitsMonthlyUsd),
      supportUsd: round(supportMonthly),
      colocationUsd: round(colocationMonthly),
      fibreMaintenanceUsd: round(fibreMaintenanceMonthly),
    },
    byTransport,
    byRole,
    racks,
  };
}
