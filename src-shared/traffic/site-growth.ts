import type { Site, SiteRole } from '../model/topology';
import { SITE_ROLES } from '../model/topology';
import { fitGrowth, grow, type GrowthRule } from './growth';

/**
 * Growth per site or per group of sites (issue 21 item 3). A plan states a
 * base rule for every site — linear or compound % per period, or `fitted`:
 * a compound rate fitted to each site's measured load over the stored
 * periods, with its 95 % interval — and overrides for groups (a region or a
 * site role) and single sites; the most specific wins (site > group > base).
 * A flow grows at the rate of the site that sends it.
 *
 * A site's measured load is what leaves it on inter-site links (the link
 * directions away from the site), summed over the links measured in every
 * period, so transit traffic through a hub counts at the hub (said in the
 * result). A site without a fit of its own (no measured link, or fewer than
 * two periods) takes the network's fit, the sum over every such link.
 */
export type GrowthBase = GrowthRule | { kind: 'fitted' };

export interface GrowthOverride {
  /** Site id or name; or `region:NAME`, or `role:ROLE`. */
  match: string;
  rule: GrowthRule;
}

export interface GrowthSpec {
  base: GrowthBase;
  overrides: GrowthOverride[];
}

export interface SiteGrowth {
  site: string;
  /** Compound or linear rule applied to this site's flows. */
  rule: GrowthRule;
  /** 95 % interval of a fitted compound rate (% per period); null when stated or fitted on two periods. */
  intervalPct: [number, number] | null;
  /** How the rule was chosen, in words: "stated for region apac", "fitted on 6 periods", "network fit (no measured link)". */
  source: string;
}

/** One period's measured loads (traffic_periods, Gbit/s per direction; fwd = source→target). */
export interface MeasuredPeriod {
  label: string;
  loads: Readonly<Record<string, { fwd: number | null; rev: number | null }>>;
}

export class GrowthSpecError extends Error {
  override name = 'GrowthSpecError';
}

/** "5%", "5", "compound:5%", "linear:3%" → a rule; throws naming the text. */
export function parseGrowthRule(text: string, where = 'growth'): GrowthRule {
  const m = /^\s*(?:(compound|linear)\s*:)?\s*(-?\d+(?:\.\d+)?)\s*%?\s*$/i.exec(text);
  if (m === null) throw new GrowthSpecError(`${where}: "${text}" is not a rate (write 5%, compound:5% or linear:3%)`);
  const pct = Number(m[2]);
  if (pct <= -100 || pct > 1000) throw new GrowthSpecError(`${where}: ${pct} % per period is outside -100 to 1000 %`);
  return { kind: (m[1]?.toLowerCase() as 'compound' | 'linear' | undefined) ?? 'compound', pctPerPeriod: pct };
}

/** "fitted" or a rule. */
export function parseGrowthBase(text: string): GrowthBase {
  return text.trim().toLowerCase() === 'fitted' ? { kind: 'fitted' } : parseGrowthRule(text, '--growth');
}

/** "Paris HQ=8%,region:apac=12%,role:branch=linear:2%" → overrides (commas or semicolons between them). */
export function parseGrowthOverrides(text: string): GrowthOverride[] {
  return text
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((item) => {
      const eq = item.lastIndexOf('=');
      if (eq <= 0) throw new GrowthSpecError(`--site-growth: "${item}" must be SITE=RATE, region:NAME=RATE or role:ROLE=RATE`);
      const match = item.slice(0, eq).trim();
      if (match.startsWith('role:') && !(SITE_ROLES as readonly string[]).includes(match.slice(5))) {
        throw new GrowthSpecError(`--site-growth: unknown role "${match.slice(5)}" (roles: ${SITE_ROLES.join(', ')})`);
      }
      return { match, rule: parseGrowthRule(item.slice(eq + 1), `--site-growth ${match}`) };
    });
}

/** The load leaving each site per period (Gbit/s) over the inter-site links measured in every period. */
export function siteLoads(
  t: { sites: readonly Site[]; nodes: readonly { id: string; site?: string | undefined }[]; links: readonly { id: string; source: string; target: string }[] },
  periods: readonly MeasuredPeriod[],
): { bySite: Map<string, number[]>; network: number[] } {
  const siteOf = new Map(t.nodes.map((d) => [d.id, d.site]));
  const bySite = new Map<string, number[]>();
  const network = periods.map(() => 0);
  for (const l of t.links) {
    const a = siteOf.get(l.source);
    const b = siteOf.get(l.target);
    if (a === undefined || b === undefined || a === b) continue;
    if (!periods.every((p) => p.loads[l.id] !== undefined)) continue;
    for (const [site, dir] of [
      [a, 'fwd'],
      [b, 'rev'],
    ] as const) {
      if (!periods.every((p) => p.loads[l.id]![dir] !== null)) continue;
      let row = bySite.get(site);
      if (row === undefined) bySite.set(site, (row = periods.map(() => 0)));
      periods.forEach((p, i) => {
        const v = p.loads[l.id]![dir]!;
        row[i] = row[i]! + v;
        network[i] = network[i]! + v;
      });
    }
  }
  return { bySite, network };
}

const pct = (x: number): number => Math.round(x * 10000) / 100;

/**
 * Resolves the rule of every site. `periods` are the measured periods
 * (oldest first), read only when the base is `fitted`.
 */
export function resolveSiteGrowth(
  t: Parameters<typeof siteLoads>[0],
  spec: GrowthSpec,
  periods: readonly MeasuredPeriod[] = [],
): { sites: Map<string, SiteGrowth>; network: SiteGrowth; notes: string[] } {
  const notes: string[] = [];
  const known = (m: string): boolean =>
    m.startsWith('region:') ? t.sites.some((s) => s.region === m.slice(7)) : m.startsWith('role:') ? t.sites.some((s) => s.role === (m.slice(5) as SiteRole)) : t.sites.some((s) => s.id === m || s.name === m);
  for (const o of spec.overrides) if (!known(o.match)) throw new GrowthSpecError(`growth override "${o.match}" names no site, region or role of this design`);
  let network: SiteGrowth;
  let fits = new Map<string, SiteGrowth>();
  if (spec.base.kind === 'fitted') {
    if (periods.length < 2) throw new GrowthSpecError(`fitted growth needs at least two measured periods; this design has ${periods.length}: import counters for more periods or state a rate`);
    const loads = siteLoads(t, periods);
    const nf = fitGrowth(loads.network);
    if (nf === null) throw new GrowthSpecError('fitted growth: no inter-site link was measured in every period');
    network = {
      site: '(network)',
      rule: { kind: 'compound', pctPerPeriod: pct(nf.rate) },
      intervalPct: nf.interval === null ? null : [pct(nf.interval[0]), pct(nf.interval[1])],
      source: `network fit on ${nf.periods} periods`,
    };
    for (const [site, row] of loads.bySite) {
      const f = fitGrowth(row);
      if (f === null) continue;
      fits.set(site, {
        site,
        rule: { kind: 'compound', pctPerPeriod: pct(f.rate) },
        intervalPct: f.interval === null ? null : [pct(f.interval[0]), pct(f.interval[1])],
        source: `fitted on ${f.periods} periods of its own load`,
      });
    }
    notes.push(`growth fitted per site on ${periods.length} measured periods (${periods[0]!.label} to ${periods[periods.length - 1]!.label}); a site's load is what leaves it on inter-site links, transit included; ${t.sites.length - fits.size} sites without a fit of their own take the network's (${network.rule.pctPerPeriod} % per period)`);
  } else {
    network = { site: '(network)', rule: spec.base, intervalPct: null, source: 'stated' };
    fits = new Map();
  }
  const sites = new Map<string, SiteGrowth>();
  for (const s of t.sites) {
    const own = spec.overrides.find((o) => o.match === s.id || o.match === s.name);
    const group = spec.overrides.find((o) => o.match === `region:${s.region}` || o.match === `role:${s.role}`);
    if (own) sites.set(s.id, { site: s.id, rule: own.rule, intervalPct: null, source: `stated for ${s.name}` });
    else if (group) sites.set(s.id, { site: s.id, rule: group.rule, intervalPct: null, source: `stated for ${group.match.replace(':', ' ')}` });
    else sites.set(s.id, fits.get(s.id) ?? { ...network, site: s.id, source: spec.base.kind === 'fitted' ? 'network fit (no fit of its own)' : 'stated' });
  }
  return { sites, network, notes };
}

/** Growth factors of a site `ahead` periods on: expected, and the interval's ends (equal without one). */
export function growthFactor(g: SiteGrowth, ahead: number): { expected: number; low: number; high: number } {
  const expected = grow(1, g.rule, ahead);
  if (g.intervalPct === null) return { expected, low: expected, high: expected };
  return { expected, low: (1 + g.intervalPct[0] / 100) ** ahead, high: (1 + g.intervalPct[1] / 100) ** ahead };
}
