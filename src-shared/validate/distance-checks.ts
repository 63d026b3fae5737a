import type { Intent, LatencyBudget } from '../model/intent';
import type { DesignIndex } from './design-index';
import { latencyPathNotes } from './latency-path';
import { forEachSitePair } from './paths';
import { evidence, plural, type Check } from './types';

/**
 * Hop, diameter and latency checks over every site pair (paths.ts):
 * - hops: fewest-hop path between any two sites at most maxHops; without a
 *   limit, the diameter is reported (info).
 * - latency: lowest-latency path between any two sites at most maxLatencyMs
 *   (an IGP with latency-derived metrics, as generated, routes on it).
 * - latency-budget.<i>: the same for the intent's selected site pairs
 *   (`name`, `role:…`, `region:…`, `*`).
 * Pairs that cannot reach each other are left to the connectivity check.
 */
export interface DistanceReport {
  checks: Check[];
  diameterHops: number;
  maxLatencyMs: number;
  unreachablePairs: number;
  /** Worst matched pair's latency (ms, unrounded) of each latency budget, 0 when no pair matches: what relaxing it needs. */
  latencyBudgetWorstMs: number[];
}

const WORST_KEPT = 10;
const PATH_NOTES_SHOWN = 4;

function matcher(x: DesignIndex, selector: string): Uint8Array {
  const out = new Uint8Array(x.siteNodes.length);
  for (let s = 0; s < out.length; s++) {
    const hit =
      selector === '*' ||
      (selector.startsWith('role:') && x.siteRoles[s] === selector.slice(5)) ||
      (selector.startsWith('region:') && x.siteRegions[s] === selector.slice(7)) ||
      x.siteNames[s] === selector ||
      x.siteIds[s] === selector;
    out[s] = hit ? 1 : 0;
  }
  return out;
}

interface Tally {
  limit: number;
  violations: number;
  pairs: number;
  worst: { s: number; t: number; v: number }[];
  /** The worst pair seen, within the limit or not (what a passing check prints). */
  top: { s: number; t: number; v: number } | null;
}

const tally = (limit: number): Tally => ({ limit, violations: 0, pairs: 0, worst: [], top: null });

function record(t: Tally, s: number, u: number, v: number): void {
  t.pairs++;
  if (t.top === null || v > t.top.v) t.top = { s, t: u, v };
  if (v <= t.limit + 1e-9) return;
  t.violations++;
  if (t.worst.length < WORST_KEPT || v > t.worst[t.worst.length - 1]!.v) {
    t.worst.push({ s, t: u, v });
    t.worst.sort((a, b) => b.v - a.v || a.s - b.s || a.t - b.t);
    if (t.worst.length > WORST_KEPT) t.worst.pop();
  }
}

export function distanceChecks(x: DesignIndex, intent: Intent | undefined, onPairs?: (done: number, total: number) => void): DistanceReport {
  const c = intent?.constraints;
  const hops = tally(c?.maxHops ?? Infinity);
  const lat = tally(c?.maxLatencyMs ?? Infinity);
  const budgets = (c?.latencyBudgets ?? []).map((b) => ({
    b,
    from: matcher(x, b.from),
    to: matcher(x, b.to),
    t: tally(b.maxMs),
  }));
  let diameter = 0;
  let maxMs = 0;
  let unreachable = 0;
  forEachSitePair(x, (s, t, h, ms) => {
    if (h === Infinity) {
      unreachable++;
      return;
    }
    if (h > diameter) diameter = h;
    if (ms > maxMs) maxMs = ms;
    record(hops, s, t, h);
    record(lat, s, t, ms);
    for (const k of budgets) {
      if ((k.from[s] === 1 && k.to[t] === 1) || (k.from[t] === 1 && k.to[s] === 1)) record(k.t, s, t, ms);
    }
  }, undefined, onPairs);
  const pairText = (w: { s: number; t: number; v: number }, unit: string): string =>
    `${x.siteNames[w.s]} ↔ ${x.siteNames[w.t]} ${unit === 'ms' ? w.v.toFixed(2) : w.v} ${unit}`;
  const nodesOf = (ws: { s: number; t: number }[]): string[] =>
    ws.flatMap((w) => [x.g.nodeIds[x.siteNodes[w.s]![0]!]!, x.g.nodeIds[x.siteNodes[w.t]![0]!]!]);
  const checks: Check[] = [];
  const limitCheck = (id: string, title: string, t: Tally, unit: string, worstValue: number, weight: number): Check => {
    const limited = Number.isFinite(t.limit);
    const top = t.top ?? { s: 0, t: 0, v: worstValue };
    const value = t.top === null ? worstValue : top.v;
    const figure = `${unit === 'ms' ? `${value.toFixed(2)} ms` : `${value} hops`}${t.top === null ? '' : `, ${x.siteNames[top.s]} ↔ ${x.siteNames[top.t]}`}`;
    return {
      id,
      title,
      passed: t.violations === 0,
      severity: limited ? 'error' : 'info',
      weight: limited ? weight : 0,
      message: !limited
        ? `worst site pair: ${figure} (no limit set)`
        : t.violations === 0
          ? `all ${plural(t.pairs, 'site pair')} within ${t.limit} ${unit} (worst ${figure})`
          : `${plural(t.violations, 'site pair')} over ${t.limit} ${unit}; worst ${t.worst.slice(0, 3).map((w) => pairText(w, unit)).join('; ')}`,
      evidence: evidence(nodesOf(t.worst)),
    };
  };
  checks.push(limitCheck('hops', 'Hop limit and diameter', hops, 'hops', diameter, 10));
  /** How the worst pair's path got its latency: route factor overrides, named subsea corridors. */
  const withPath = (check: Check, t: Tally): Check => {
    if (t.top === null) return check;
    const notes = latencyPathNotes(x, t.top.s, t.top.t);
    if (notes.length === 0) return check;
    const shown = notes.slice(0, PATH_NOTES_SHOWN).join('; ');
    return { ...check, message: `${check.message}. Worst path: ${shown}${notes.length > PATH_NOTES_SHOWN ? `; and ${notes.length - PATH_NOTES_SHOWN} more inter-site links` : ''}` };
  };
  checks.push(withPath(limitCheck('latency', 'Latency between sites', lat, 'ms', maxMs, 10), lat));
  budgets.forEach((k, i) => {
    const check = withPath(limitCheck(`latency-budget.${i}`, budgetTitle(k.b), k.t, 'ms', k.t.worst[0]?.v ?? 0, 5), k.t);
    if (k.t.pairs === 0) check.message = `no site pairs match ${k.b.from} ↔ ${k.b.to}`;
    checks.push(check);
  });
  return {
    checks,
    diameterHops: diameter,
    maxLatencyMs: Math.round(maxMs * 1000) / 1000,
    unreachablePairs: unreachable,
    latencyBudgetWorstMs: budgets.map((k) => k.t.top?.v ?? 0),
  };
}

const budgetTitle = (b: LatencyBudget): string => `Latency ${b.from} ↔ ${b.to} ≤ ${b.maxMs} ms`;
