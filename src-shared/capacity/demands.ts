import type { Planning } from '../model/planning';
import type { Topology } from '../model/topology';
import { deviceDemands, siteTraffic } from '../model/traffic';
import type { CompiledGraph } from '../sim/csr';
import { estimateTrafficMatrix, type TmMethod } from '../traffic/estimate';
import type { TrafficPeriodRecord } from '../traffic/records';
import { routingMatrix } from '../traffic/routing-matrix';
import type { PlanDemand } from './plan';

/**
 * The base demands of a capacity plan, device to device in Gbit/s, before the
 * build-for margin (the plan applies it once, model/traffic.ts buildForFactor):
 * - measured: the traffic matrix estimated from the last measured period
 *   (traffic/estimate.ts, tomogravity by default), so the plan routes what
 *   the network carries, not what the intent assumed;
 * - intent: the planning model's matrix from site bandwidth (model/traffic.ts).
 */
const siteOfNode = (t: Topology, g: CompiledGraph): (string | undefined)[] => {
  const byId = new Map(t.nodes.map((d) => [d.id, d.site]));
  return g.nodeIds.map((id) => byId.get(id));
};

export function intentDemands(t: Topology, g: CompiledGraph, planning: Planning): { demands: PlanDemand[]; text: string } {
  const model = siteTraffic(t.sites, { ...planning, growthHeadroomPct: 0 });
  const d = deviceDemands(t, g, model);
  const site = siteOfNode(t, g);
  return {
    demands: d.demands.map((x) => ({ s: x.s, t: x.t, gbps: x.volume, site: site[x.s] })),
    text: `the intent's traffic model (${model.basis.replace(/, \+\d+(\.\d+)? % growth$/, '')}): ${d.totalGbps.toFixed(1)} Gbit/s`,
  };
}

/** Demands smaller than this share of the total are dropped (they cannot move a link's utilisation; said in the basis). */
export const MEASURED_DEMAND_FLOOR = 1e-7;

export function measuredDemands(t: Topology, g: CompiledGraph, period: TrafficPeriodRecord, method: TmMethod = 'tomogravity'): { demands: PlanDemand[]; text: string } {
  const a = routingMatrix(g);
  const loads = new Float64Array(a.slots).fill(Number.NaN);
  let measured = 0;
  g.linkIds.forEach((id, e) => {
    const l = period.loads[id];
    if (l === undefined) return;
    if (l.fwd !== null) loads[2 * e] = l.fwd;
    if (l.rev !== null) loads[2 * e + 1] = l.rev;
    measured++;
  });
  const est = estimateTrafficMatrix(a, { loads }, method);
  const total = est.x.reduce((s, v) => s + v, 0);
  const site = siteOfNode(t, g);
  const demands: PlanDemand[] = [];
  let dropped = 0;
  for (let k = 0; k < est.x.length; k++) {
    const v = est.x[k]!;
    if (!(v > total * MEASURED_DEMAND_FLOOR)) {
      dropped += v > 0 ? v : 0;
      continue;
    }
    demands.push({ s: a.src[k]!, t: a.dst[k]!, gbps: v, site: site[a.src[k]!] });
  }
  return {
    demands,
    text:
      `traffic matrix estimated (${method}) from the measured period ${period.label} (${period.statistic}, ${measured} of ${g.linkIds.length} links measured): ` +
      `${total.toFixed(1)} Gbit/s, fit error ${(est.fitError * 100).toFixed(1)} %${dropped > 0 ? `; ${dropped.toExponential(1)} Gbit/s in negligible demands left out` : ''}`,
  };
}
