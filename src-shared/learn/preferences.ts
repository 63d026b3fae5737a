import type { DecisionRecord, OptimisationEntry } from '../model/records';
import type { Family } from '../model/topology';
import { isDesignChoice } from '../report/decision';
import { wilsonInterval, type Interval } from './stats';

/**
 * The organisation's preferences, learnt from its own decisions
 * (docs/learning.md, "Preferences"):
 *
 * - Families, from design choices on the decision record. For each intent,
 *   the newest choice of a design (the rule of report/decision.ts) is set
 *   against every other design of that intent that existed when it was made
 *   and has another family: those were before the board and not chosen. A
 *   pair counts only when the two cost within COMPARABLE_COST of each other —
 *   a much cheaper pick says "cheaper", not "this family". A preference is
 *   learnt for a pair of families once MIN_PREFERENCE_DECISIONS such
 *   comparisons exist and one side won more than half of them.
 * - Optimiser steps, from people's approvals and rejections (the policy's
 *   automatic approvals are not a person's view): per rule, how many were
 *   approved and how many rejected or undone, with their reasons.
 *
 * They are used ONLY to order options that are equally good on the goal
 * (within TIE_TOLERANCE of the goal measure): preferenceOrder.
 */
export const COMPARABLE_COST = 0.1;
export const MIN_PREFERENCE_DECISIONS = 3;
/**
 * Options whose goal measure lies within this fraction of the best of their
 * group are "equally good": 2 %, below the twin's own cost and latency
 * error (docs/learning.md), so no preference ever overrides a difference the
 * model can resolve. An editable assumption (preferenceOrder's argument).
 */
export const TIE_TOLERANCE = 0.02;

/** One decision that counts towards a family preference. */
export interface PreferenceEvidence {
  decisionId: string;
  chosen: { designId: string; name: string; family: Family; costUsd: number };
  notChosen: { designId: string; name: string; family: Family; costUsd: number };
  /** |cost difference| / the lower cost. */
  costGap: number;
  actor: string;
  reason: string | null;
  /** Why the design not chosen was turned down, when someone recorded it. */
  rejectedBecause: string | null;
  at: number;
}

export interface FamilyPreference {
  /** Stable per pair of families (sorted), whichever side wins: its switch survives new evidence. */
  id: string;
  families: [Family, Family];
  /** The side chosen more often (null while the pair is tied or has too few decisions). */
  preferred: Family | null;
  other: Family | null;
  wins: number;
  comparisons: number;
  interval: Interval;
  /** How many more comparable decisions are needed before it is used (0 when it is). */
  moreNeeded: number;
  statement: string;
  evidence: PreferenceEvidence[];
}

export interface StepEvidence {
  stepId: string;
  designId: string;
  status: 'approved' | 'rejected' | 'undone';
  actor: string;
  reason: string | null;
  at: number;
}

export interface StepRulePreference {
  id: string;
  rule: string;
  approved: number;
  turnedDown: number;
  interval: Interval;
  moreNeeded: number;
  statement: string;
  evidence: StepEvidence[];
}

export interface DesignFacts {
  id: string;
  name: string;
  family: Family | null;
  intentId: string | null;
  costUsd: number | null;
  createdAt: number;
}

export const familyPreferenceId = (a: Family, b: Family): string => `preference:${[a, b].sort().join('|')}`;
export const stepRuleId = (rule: string): string => `step-rule:${rule}`;

const pct = (x: number): string => `${Math.round(100 * x)} %`;
const range = (i: Interval): string => `${Math.round(100 * i.low)}–${Math.round(100 * i.high)} %`;
const REJECTING = /^(reject|rejected|decline|declined|refuse|refused)$/i;

/** Family preferences from the design choices among `designs`, one per pair of families with any comparable decision. */
export function learnFamilyPreferences(designs: readonly DesignFacts[], decisions: readonly DecisionRecord[]): FamilyPreference[] {
  const byId = new Map(designs.map((d) => [d.id, d]));
  // The newest choice per intent (a later choice supersedes an earlier one, as everywhere else).
  const latest = new Map<string, DecisionRecord>();
  for (const d of decisions) {
    if (!isDesignChoice(d)) continue;
    const intentId = byId.get(d.subjectId)?.intentId;
    if (intentId == null) continue;
    const prev = latest.get(intentId);
    if (prev === undefined || d.createdAt >= prev.createdAt) latest.set(intentId, d);
  }
  const rejection = new Map<string, DecisionRecord>();
  for (const d of decisions) if (d.subjectKind === 'design' && REJECTING.test(d.decision.trim())) rejection.set(d.subjectId, d);
  const pairs = new Map<string, PreferenceEvidence[]>();
  for (const [intentId, choice] of latest) {
    const c = byId.get(choice.subjectId)!;
    if (c.family === null || c.costUsd === null || c.costUsd <= 0) continue;
    for (const a of designs) {
      if (a.intentId !== intentId || a.id === c.id || a.family === null || a.family === c.family) continue;
      if (a.createdAt > choice.createdAt || a.costUsd === null || a.costUsd <= 0) continue;
      const costGap = Math.abs(a.costUsd - c.costUsd) / Math.min(a.costUsd, c.costUsd);
      if (costGap > COMPARABLE_COST) continue;
      const id = familyPreferenceId(c.family, a.family);
      pairs.set(id, [
        ...(pairs.get(id) ?? []),
        {
          decisionId: choice.id,
          chosen: { designId: c.id, name: c.name, family: c.family, costUsd: c.costUsd },
          notChosen: { designId: a.id, name: a.name, family: a.family, costUsd: a.costUsd },
          costGap,
          actor: choice.actor,
          reason: choice.reason,
          rejectedBecause: rejection.get(a.id)?.reason ?? null,
          at: choice.createdAt,
        },
      ]);
    }
  }
  return [...pairs.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, evidence]) => familyPreference(id, evidence));
}

function familyPreference(id: string, evidence: PreferenceEvidence[]): FamilyPreference {
  const families = id.slice('preference:'.length).split('|') as [Family, Family];
  const winsOf = (f: Family) => evidence.filter((e) => e.chosen.family === f).length;
  const [a, b] = families;
  const n = evidence.length;
  const top = winsOf(a) >= winsOf(b) ? a : b;
  const low = top === a ? b : a;
  const wins = winsOf(top);
  const interval = wilsonInterval(wins, n);
  const within = `when cost was within ${pct(COMPARABLE_COST)}`;
  let moreNeeded = Math.max(0, MIN_PREFERENCE_DECISIONS - n);
  let statement: string;
  if (moreNeeded > 0) {
    statement = `${a} and ${b}: ${n} comparable decision${n === 1 ? '' : 's'} ${within}; ${moreNeeded} more needed before a preference is used (at least ${MIN_PREFERENCE_DECISIONS}).`;
  } else if (2 * wins === n) {
    moreNeeded = 1;
    statement = `${a} and ${b}: boards here chose each ${wins} of ${n} times ${within}; no preference.`;
  } else {
    statement = `boards here chose ${top} over ${low} ${wins} of ${n} times ${within} (Wilson 95 % ${range(interval)}).`;
  }
  const learnt = moreNeeded === 0;
  return { id, families, preferred: learnt ? top : null, other: learnt ? low : null, wins, comparisons: n, interval, moreNeeded, statement, evidence };
}

/** Approval of optimiser steps by rule, from people's decisions (not the policy's). */
export function learnStepPreferences(steps: readonly OptimisationEntry[]): StepRulePreference[] {
  const byRule = new Map<string, StepEvidence[]>();
  for (const s of steps) {
    const decidedByPerson = s.decidedBy !== null && s.decidedBy !== 'policy';
    if (!decidedByPerson || (s.status !== 'approved' && s.status !== 'rejected' && s.status !== 'undone')) continue;
    byRule.set(s.rule, [
      ...(byRule.get(s.rule) ?? []),
      { stepId: s.id, designId: s.topologyId, status: s.status, actor: s.decidedBy!, reason: s.decisionReason, at: s.decidedAt ?? s.createdAt },
    ]);
  }
  return [...byRule.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([rule, evidence]) => {
    const approved = evidence.filter((e) => e.status === 'approved').length;
    const n = evidence.length;
    const moreNeeded = Math.max(0, MIN_PREFERENCE_DECISIONS - n);
    const interval = wilsonInterval(approved, n);
    const reasons = [...new Set(evidence.filter((e) => e.status !== 'approved' && e.reason).map((e) => `"${e.reason}"`))].slice(0, 3);
    const statement =
      moreNeeded > 0
        ? `optimiser steps "${rule}": ${n} decided by people; ${moreNeeded} more needed before it is used (at least ${MIN_PREFERENCE_DECISIONS}).`
        : `people here approved optimiser steps "${rule}" ${approved} of ${n} times (Wilson 95 % ${range(interval)})` +
          (reasons.length ? `; turned down because ${reasons.join(', ')}.` : '.');
    return { id: stepRuleId(rule), rule, approved, turnedDown: n - approved, interval, moreNeeded, statement, evidence };
  });
}

/** What preferenceOrder needs of each option. */
export interface PreferenceKeys<T> {
  /** The goal's own measure, lower is better (goal.ts goalMeasure). */
  measure: (o: T) => number;
  family: (o: T) => Family | null;
  /** Options that may be tied at all (e.g. those that meet the intent); others never move. Default: all. */
  eligible?: (o: T) => boolean;
  /** An optimiser step's rule, when the options are steps. */
  rule?: (o: T) => string | null;
}

export interface PreferenceMove<T> {
  option: T;
  /** The options it now comes before that came before it. */
  passed: T[];
  because: string[];
}

export interface PreferenceOrderResult<T> {
  order: T[];
  moves: PreferenceMove<T>[];
  /** In words, one line per move ("hybrid before partial-mesh: …"). */
  explanations: string[];
  tolerance: number;
}

/**
 * Orders `options` (already ranked for the goal, best first) by the learnt
 * preferences, ONLY among equals: consecutive eligible options whose goal
 * measure is within `tolerance` (relative) of the first of their run form a
 * tie group, and only inside a group are options reordered — by the net
 * share of comparable decisions their family won against the others'
 * families in the group (a Copeland-style score), then by the approval rate
 * of their rule. Options are never moved across groups, and with no
 * preference that applies the order is returned unchanged. Pass only the
 * preferences that are learnt and switched on. O(n · g · p) for tie groups
 * of size g and p preferences.
 */
export function preferenceOrder<T>(
  options: readonly T[],
  keys: PreferenceKeys<T>,
  preferences: readonly FamilyPreference[],
  stepRules: readonly StepRulePreference[] = [],
  tolerance = TIE_TOLERANCE,
  name: (o: T) => string = (o) => keys.family(o) ?? 'option',
): PreferenceOrderResult<T> {
  const learnt = preferences.filter((p) => p.preferred !== null && p.moreNeeded === 0);
  const rules = new Map(stepRules.filter((r) => r.moreNeeded === 0).map((r) => [r.rule, r]));
  const eligible = keys.eligible ?? (() => true);
  const prefBetween = (a: Family | null, b: Family | null): FamilyPreference | null =>
    a === null || b === null || a === b ? null : (learnt.find((p) => (p.preferred === a && p.other === b) || (p.preferred === b && p.other === a)) ?? null);
  /** Net share of decisions a's family won over b's: in (0, 1] when a is preferred, negative when b is. */
  const net = (a: T, b: T): number => {
    const p = prefBetween(keys.family(a), keys.family(b));
    if (p === null) return 0;
    const share = (2 * p.wins - p.comparisons) / p.comparisons;
    return p.preferred === keys.family(a) ? share : -share;
  };
  const ruleRate = (o: T): number => {
    const r = keys.rule?.(o);
    const pref = r == null ? undefined : rules.get(r);
    return pref === undefined ? 0.5 : pref.approved / (pref.approved + pref.turnedDown);
  };
  const order: T[] = [];
  const moves: PreferenceMove<T>[] = [];
  const explanations: string[] = [];
  let i = 0;
  while (i < options.length) {
    const first = options[i]!;
    let j = i + 1;
    if (eligible(first)) {
      const base = keys.measure(first);
      const slack = tolerance * Math.max(Math.abs(base), 1e-9);
      while (j < options.length && eligible(options[j]!) && keys.measure(options[j]!) - base <= slack) j++;
    }
    const group = options.slice(i, j);
    if (group.length > 1) {
      const score = new Map(group.map((o) => [o, group.reduce((s, q) => s + (q === o ? 0 : net(o, q)), 0)]));
      const sorted = group
        .map((o, k) => ({ o, k }))
        .sort((a, b) => score.get(b.o)! - score.get(a.o)! || ruleRate(b.o) - ruleRate(a.o) || a.k - b.k)
        .map((x) => x.o);
      sorted.forEach((o, pos) => {
        const was = group.indexOf(o);
        const passed = group.slice(0, was).filter((q) => sorted.indexOf(q) > pos);
        if (passed.length === 0) return;
        const because = passed.flatMap((q) => {
          const p = prefBetween(keys.family(o), keys.family(q));
          if (p !== null) return [p.statement];
          const r = keys.rule?.(o);
          const pr = r == null ? undefined : rules.get(r);
          return pr ? [pr.statement] : [];
        });
        const uniq = [...new Set(because)];
        moves.push({ option: o, passed, because: uniq });
        explanations.push(
          `${name(o)} before ${passed.map(name).join(', ')}: equally good on the goal (within ${pct(tolerance)} of ${fmt(keys.measure(first))}); ${uniq.join(' ')}`,
        );
      });
      order.push(...sorted);
    } else order.push(first);
    i = j;
  }
  return { order, moves, explanations, tolerance };
}

const fmt = (x: number): string => (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(4));
