import type { CostBreakdown } from '../cost/cost';
import type { Intent } from '../model/intent';
import type { DesignIndex } from './design-index';
import { evidence, plural, type Check } from './types';

/**
 * Port, oversubscription, capacity and budget checks. Each is O(n + m).
 * - ports: a device uses one port per link; more links than ports fails.
 * - port-headroom (warning): the intent's growth headroom must still fit:
 *   links × (1 + headroom) ≤ ports.
 * - oversubscription: for every leaf, host-facing capacity (free ports ×
 *   access speed) over uplink capacity (its links) at most the intent's
 *   maximum.
 * - capacity (warning): every site's links to other sites carry at least
 *   its demand with growth headroom.
 * - budget: total cost within the intent's budget.
 */
export function portChecks(x: DesignIndex, intent: Intent | undefined): Check[] {
  const { g, topology } = x;
  const over: string[] = [];
  const tight: string[] = [];
  const growth = 1 + (intent?.growthHeadroomPct ?? 0) / 100;
  let worst = '';
  let worstRatio = 0;
  topology.nodes.forEach((d, v) => {
    const used = g.offsets[v + 1]! - g.offsets[v]!;
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

export function capacityCheck(x: DesignIndex, intent: Intent | undefined): Check {
  const { g } = x;
  const growth = 1 + (intent?.growthHeadroomPct ?? 0) / 100;
  const external = new Float64Array(x.siteNodes.length);
  for (let e = 0; e < g.linkIds.length; e++) {
    const a = x.nodeSite[g.linkSource[e]!]!;
    const b = x.nodeSite[g.linkTarget[e]!]!;
    if (a === b) continue;
    external[a]! += g.capacities[e]!;
    external[b]! += g.capacities[e]!;
  }
  const short: string[] = [];
  const names: string[] = [];
  x.siteNodes.forEach((members, s) => {
    const need = (x.siteDemandMbps[s]! / 1000) * growth;
    // A site alone in the design has nowhere to send traffic; nothing to check.
    if (need === 0 || members.length === 0 || x.siteNodes.length < 2) return;
    if (external[s]! < need) {
      short.push(...members.map((v) => g.nodeIds[v]!));
      names.push(x.siteNames[s]!);
    }
  });
  return {
    id: 'capacity',
    title: 'Site uplink capacity',
    passed: names.length === 0,
    severity: 'warning',
    weight: 5,
    message:
      names.length === 0
        ? 'every site has uplink capacity for its demand plus growth headroom'
        : `${plural(names.length, 'site')} lack uplink capacity for demand plus headroom (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''})`,
    evidence: evidence(short),
  };
}

const usd = (v: number): string => `$${Math.round(v).toLocaleString('en-US')}`;

export function budgetCheck(cost: CostBreakdown | undefined, intent: Intent | undefined): Check {
  const budget = intent?.budgetUsd;
  if (cost === undefined || budget === undefined) {
    return {
      id: 'budget',
      title: 'Budget',
      passed: true,
      severity: 'info',
      weight: 0,
      message: cost === undefined ? 'not priced' : `costs ${usd(cost.totalUsd)}; the intent sets no budget`,
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
    message: `costs ${usd(cost.totalUsd)} of a ${usd(budget)} budget (${Math.round((cost.totalUsd / budget) * 100)} %)`,
    evidence: evidence(),
  };
}
