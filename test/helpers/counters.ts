import { mulberry32 } from '../../src-shared/lib/rng';
import type { Planning } from '../../src-shared/model/planning';
import type { Topology } from '../../src-shared/model/topology';
import { deviceDemands, planningOf, siteTraffic } from '../../src-shared/model/traffic';
import { compileTopology } from '../../src-shared/sim/csr';
import { routeLoads, routingMatrix } from '../../src-shared/traffic/routing-matrix';

/**
 * Synthetic measured counters for a design (test fixture, and the capacity
 * bench and demo): the intent's traffic model (no build-for margin) routed
 * by ECMP on the IGP weights, grown per period at each sending site's rate,
 * sampled `samplesPerPeriod` times per period with seeded log-normal noise
 * (σ `noise`), written as the CSV an SNMP poller exports
 * (`time,link,in_bps,out_bps`; out = the link's source→target direction).
 * Periods are calendar quarters from `firstQuarter` ("2026-Q1").
 */
export interface SyntheticCounters {
  csv: string;
  /** Quarter labels, oldest first. */
  periods: string[];
  /** Total routed demand per period (Gbit/s), noise-free. */
  totals: number[];
}

export function syntheticCounters(
  t: Topology,
  opts: {
    periods: number;
    firstQuarter: string;
    /** Compound % per period of the site sending a flow; sites not named take `defaultPct`. */
    sitePct?: (siteId: string) => number;
    defaultPct?: number;
    /** Multiplier on the intent's demands in the first period. */
    scale?: number;
    samplesPerPeriod?: number;
    noise?: number;
    seed?: number;
    planning?: Planning;
  },
): SyntheticCounters {
  const g = compileTopology(t);
  const a = routingMatrix(g);
  const planning = { ...(opts.planning ?? planningOf(t)), growthHeadroomPct: 0 };
  const dd = deviceDemands(t, g, siteTraffic(t.sites, planning));
  const siteOf = new Map(t.nodes.map((d) => [d.id, d.site]));
  const rand = mulberry32(opts.seed ?? 1);
  const gauss = (): number => {
    const u = Math.max(rand(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const m = /^(\d{4})-Q([1-4])$/.exec(opts.firstQuarter);
  if (m === null) throw new Error(`firstQuarter "${opts.firstQuarter}" is not YYYY-Qn`);
  const lines = ['time,link,in_bps,out_bps'];
  const periods: string[] = [];
  const totals: number[] = [];
  const samples = opts.samplesPerPeriod ?? 6;
  const sigma = opts.noise ?? 0.03;
  for (let k = 0; k < opts.periods; k++) {
    const q = Number(m[2]) - 1 + k;
    const year = Number(m[1]) + Math.floor(q / 4);
    const month = (q % 4) * 3;
    periods.push(`${year}-Q${(q % 4) + 1}`);
    const x = new Float64Array(a.src.length);
    let total = 0;
    for (const d of dd.demands) {
      const site = siteOf.get(g.nodeIds[d.s]!);
      const pct = (site !== undefined ? opts.sitePct?.(site) : undefined) ?? opts.defaultPct ?? 0;
      const idx = a.pairIndex[d.s * a.nodes + d.t]!;
      if (idx < 0) continue;
      const v = d.volume * (opts.scale ?? 1) * (1 + pct / 100) ** k;
      x[idx] = x[idx]! + v;
      total += v;
    }
    totals.push(total);
    const y = routeLoads(a, x);
    for (let i = 0; i < samples; i++) {
      // Spread over the quarter's first 60 days, at 14:00 UTC (a busy hour).
      const time = Date.UTC(year, month, 1 + Math.floor((i * 60) / samples), 14) / 1000;
      g.linkIds.forEach((id, e) => {
        const fwd = y[2 * e]! * Math.exp(sigma * gauss());
        const rev = y[2 * e + 1]! * Math.exp(sigma * gauss());
        lines.push(`${time},${id},${Math.round(rev * 1e9)},${Math.round(fwd * 1e9)}`);
      });
    }
  }
  return { csv: `${lines.join('\n')}\n`, periods, totals };
}
