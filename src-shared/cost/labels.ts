import type { Transport } from '../model/topology';
import type { CostBreakdown } from './cost';

/** Words every surface uses for the cost figures, so the CLI, the app and the decision pack say the same. */
export const TRANSPORT_LABEL: Record<Transport, string> = {
  'intra-site': 'Cabling inside a site',
  internet: 'Internet / SD-WAN (dedicated access)',
  mpls: 'MPLS / IP-VPN',
  wavelength: 'Wavelength',
  'dark-fibre': 'Dark fibre (IRU + maintenance)',
};

/** The headline's name: the TCO over the design's term. */
export function headlineLabel(c: Pick<CostBreakdown, 'termYears' | 'discountRatePct'>): string {
  return `${c.termYears}-year TCO${c.discountRatePct > 0 ? ` (NPV at ${c.discountRatePct} %)` : ''}`;
}

/** Capex parts in the order a finance officer reads them. */
export function capexRows(c: CostBreakdown): [string, number][] {
  const rows: [string, number][] = [
    ['Devices (list price)', c.capex.devicesUsd],
    ['Optics', c.capex.opticsUsd],
    ['Installation (devices, circuits, cabling)', c.capex.installationUsd],
    ['Dark-fibre IRUs', c.capex.fibreIruUsd],
  ];
  if (c.capex.handPricedLinksUsd > 0) rows.push(['Circuits priced by hand (whole term)', c.capex.handPricedLinksUsd]);
  return rows;
}

/** Monthly recurring parts: circuits by transport, then support, colocation and fibre maintenance. */
export function monthlyRows(c: CostBreakdown): { label: string; links: number | null; usd: number }[] {
  const rows: { label: string; links: number | null; usd: number }[] = [];
  for (const [t, v] of Object.entries(c.byTransport) as [Transport, NonNullable<CostBreakdown['byTransport'][Transport]>][]) {
    if (t === 'intra-site' || t === 'dark-fibre') continue;
    rows.push({ label: TRANSPORT_LABEL[t], links: v.links, usd: v.monthlyUsd });
  }
  rows.sort((a, b) => b.usd - a.usd);
  const df = c.byTransport['dark-fibre'];
  if (df) rows.push({ label: 'Dark-fibre maintenance', links: df.links, usd: c.monthly.fibreMaintenanceUsd });
  rows.push({ label: 'Device support and maintenance', links: null, usd: c.monthly.supportUsd });
  if (c.racks > 0 || c.monthly.colocationUsd > 0) rows.push({ label: `Colocation and power (${c.racks} rack${c.racks === 1 ? '' : 's'})`, links: null, usd: c.monthly.colocationUsd });
  return rows;
}
