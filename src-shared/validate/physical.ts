import type { CostBreakdown } from '../cost/cost';
import { headlineLabel } from '../cost/labels';
import { CLASS_FAILURES, describeWorst, formatGbps, formatPct, lagMembers, survivesClass, worstFor, type CapacityReport } from '../model/capacity';
import type { Intent } from '../model/intent';
import type { DesignIndex } from './design-index';
import { evidence, plural, type Check } from './types';

/**
 * Port, oversubscription, capacity and budget checks. Each is O(n + m).
 * - ports: a device uses one port per link, one per member of a LAG
 *   (model/capacity.ts lagMembers); more than it has fails.
 * - port-headroom (warning): the intent's growth headroom must still fit:
 *   links × (1 + headroom) ≤ ports.
 * - oversubscription: for every leaf, host-facing capacity (free ports ×
 *   access speed) over uplink capacity (its links) at most the intent's
 *   maximum.
 * - capacity (error): the intent's traffic (model/traffic.ts) routed under
 *   every failure the required class must survive keeps every link within
 *   the utilisation limit (model/capacity.ts); names the worst case.
 * - budget: the TCO over the intent's term (cost.ts totalUsd) within the intent's budget.
 */
export function portChecks(x: DesignIndex, intent: Intent | undefined): Check[] {
  const { g, topology } = x;
  const over: string[] = [];
  const tight: string[] = [];
  const growth = 1 + (intent?.growthHeadroomPct ?? 0) / 100;
  let worst = '';
  let worstRatio = 0;
  const members = topology.links.length === g.linkIds.length ? null : new Map(topology.links.map((l) => [l.id, l]));
  topology.nodes.forEach((d, v) => {
    let used = 0;
    for (let k = g.offsets[v]!; k < g.offsets[v + 1]!; k++) {
      const e = g.edgeLink[k]!;
      const link = members === null ? topology.links[g.linkOrigin[e]!]! : members.get(g.linkIds[e]!)!;
      used += lagMembers(link);
    }
    if (used > d.ports) over.push(d.id);
    else if (used * growth > d.ports) tight.push(d.id);
    if (used / d.ports > worstRatio) {
      worstRatio = used / d.ports;
      worst = `${d.id} uses ${used} of ${d.ports}`;
    }
  });
  return [
    {
      id: 'ports',
      title: 'Port limits',
      passed: over.length === 0,
      severity: 'error',
      weight: 10,
      message:
        over.length === 0
          ? `every device has enough ports (fullest: ${worst || 'none'})`
          : `${plural(over.length, 'device')} need more ports than the model has (worst: ${worst})`,
      evidence: evidence(over),
    },
    {
      id: 'port-headroom',
      title: 'Port growth headroom',
      passed: tight.length === 0,
      severity: 'warning',
      weight: 5,
      message:
        tight.length === 0
          ? `every device keeps ${Math.round((growth - 1) * 100)} % of its ports free for growth`
          : `${plural(tight.length, 'device')} leave less than ${Math.round((growth - 1) * 100)} % growth headroom`,
      evidence: evidence(tight),
    },
  ];
}

export function oversubscriptionCheck(x: DesignIndex, intent: Intent | undefined): Check {
  const { g, topology } = x;
  const access = intent?.constraints.accessPortGbps ?? 25;
  const max = intent?.constraints.maxOversubscription ?? 3;
  const bad: string[] = [];
  let leaves = 0;
  let worst = 0;
  topology.nodes.forEach((d, v) => {
    if (d.role !== 'leaf') return;
    leaves++;
    let up = 0;
    for (let k = g.offsets[v]!; k < g.offsets[v + 1]!; k++) up += g.capacities[g.edgeLink[k]!]!;
    const used = g.offsets[v + 1]! - g.offsets[v]!;
    const ratio = up === 0 ? Infinity : (Math.max(0, d.ports - used) * access) / up;
    worst = Math.max(worst, ratio);
    if (ratio > max) bad.push(d.id);
  });
  const shown = Number.isFinite(worst) ? worst.toFixed(2) : '∞';
  return {
    id: 'oversubscription',
    title: 'Leaf oversubscription',
    passed: bad.length === 0,
    severity: leaves === 0 ? 'info' : 'error',
    weight: leaves === 0 ? 0 : 5,
    message:
      leaves === 0
        ? 'no leaf devices'
        : bad.length === 0
          ? `every leaf within ${max}:1 (worst ${shown}:1)`
          : `${plural(bad.length, 'leaf')} above ${max}:1 (worst ${shown}:1)`,
    evidence: evidence(bad),
  };
}

/**
 * The capacity-under-failure check for the class the intent requires (the
 * baseline only for NONE). `report` is null when the design is too large to
 * route here; `demandGbps` 0 when no site states bandwidth.
 */
export function capacityCheck(report: CapacityReport | null, intent: Intent | undefined, devices: number): Check {
  const base = { id: 'capacity', title: 'Capacity under failure', evidence: evidence() };
  if (report === null) {
    return { ...base, passed: true, severity: 'warning', weight: 0, message: `not evaluated here: ${devices.toLocaleString('en-US')} devices is above the validation limit; run a failure simulation` };
  }
  if (report.totalDemandGbps <= 0) {
    return { ...base, passed: true, severity: 'info', weight: 0, message: 'no traffic: no site states its bandwidth and the intent gives no demands' };
  }
  const cls = intent?.redundancy ?? 'NONE';
  const limit = formatPct(report.limit);
  const what = cls === 'NONE' ? 'with nothing failed' : `under every failure ${cls} must survive (${CLASS_FAILURES[cls].join(', ')})`;
  const worst = cls === 'NONE' ? report.baseline : worstFor(report, cls);
  const ok = cls === 'NONE' ? (report.baseline?.utilisation ?? 0) <= report.limit + 1e-12 : survivesClass(report, cls);
  const over: string[] = [];
  report.perLink.forEach((u, e) => {
    if (u > report.limit + 1e-12 && (cls !== 'NONE' || report.perLinkFailure[e] === -1)) over.push(report.linkIds[e]!);
  });
  const demand = `${formatGbps(report.totalDemandGbps)} of demand`;
  return {
    ...base,
    passed: ok,
    severity: 'error',
    weight: 10,
    message: ok
      ? `${demand}: every link stays within ${limit} ${what}; ${describeWorst(worst)}`
      : `${demand}: links exceed ${limit} ${what}; ${describeWorst(worst)}`,
    evidence: evidence([], ok ? [] : [...(worst === null ? [] : [worst.link]), ...over]),
  };
}

const usd = (v: number): string => `$${Math.round(v).toLocaleString('en-US')}`;

/** The headline with its parts: what the budget is compared with (cost/cost.ts totalUsd). */
const headline = (c: CostBreakdown): string =>
  `${headlineLabel(c)} ${usd(c.totalUsd)} (capex ${usd(c.capexUsd)} + ${usd(c.mrcUsd)} a month)`;

export function budgetCheck(cost: CostBreakdown | undefined, intent: Intent | undefined): Check {
  const budget = intent?.budgetUsd;
  if (cost === undefined || budget === undefined) {
    return {
      id: 'budget',
      title: 'Budget',
      passed: true,
      severity: 'info',
      weight: 0,
      message: cost === undefined ? 'not priced' : `${headline(cost)}; the intent sets no budget`,
      evidence: evidence(),
    };
  }
  const ok = cost.totalUsd <= budget;
  return {
    id: 'budget',
    title: 'Budget',
    passed: ok,
    severity: 'error',
    weight: 10,
    message: `${headline(cost)}: ${Math.round((cost.totalUsd / budget) * 100)} % of the ${usd(budget)} budget (compared with the TCO over the term)`,
    evidence: evidence(),
  };
}
