import { describe, expect, it } from 'vitest';
import type { DecisionRecord, OptimisationEntry } from '../../../src-shared/model/records';
import type { Family } from '../../../src-shared/model/topology';
import {
  learnFamilyPreferences,
  learnStepPreferences,
  preferenceOrder,
  type DesignFacts,
  type FamilyPreference,
} from '../../../src-shared/learn/preferences';

const DAY = 86_400_000;
let seq = 0;
const design = (intentId: string, family: Family, costUsd: number | null, createdAt = 0): DesignFacts => ({
  id: `d${++seq}`, name: `${family} for ${intentId}`, family, intentId, costUsd, createdAt,
});
const choose = (d: DesignFacts, at: number, reason: string | null = 'board decision', decision = 'chosen', actor = 'Board'): DecisionRecord => ({
  id: `x${++seq}`, subjectKind: 'design', subjectId: d.id, decision, actor, reason, createdAt: at,
});

/** Five intents where hub-spoke and partial mesh cost within 10 %: hub-spoke chosen 4 times, partial mesh once. */
function boardHistory() {
  const designs: DesignFacts[] = [];
  const decisions: DecisionRecord[] = [];
  for (let i = 1; i <= 5; i++) {
    const hub = design(`i${i}`, 'hub-spoke', 1_000_000);
    const mesh = design(`i${i}`, 'partial-mesh', 1_050_000);
    designs.push(hub, mesh);
    decisions.push(choose(i === 3 ? mesh : hub, i * DAY, i === 3 ? 'latency to the DC mattered' : 'fewer circuits to run'));
  }
  return { designs, decisions };
}

describe('preferences learnt from decisions', () => {
  it('counts only comparable-cost alternatives, the newest choice per intent, designs that existed at the choice', () => {
    const { designs, decisions } = boardHistory();
    // Not comparable: the ring was 30 % dearer — the choice says "cheaper", not "hub-spoke".
    const cheap = design('i6', 'hub-spoke', 1_000_000);
    designs.push(cheap, design('i6', 'ring', 1_300_000));
    decisions.push(choose(cheap, 6 * DAY));
    // Superseded: on i7 the board first chose partial mesh, then hub-spoke; only the later choice counts.
    const h7 = design('i7', 'hub-spoke', 2_000_000);
    const m7 = design('i7', 'partial-mesh', 2_000_000);
    designs.push(h7, m7);
    decisions.push(choose(m7, 7 * DAY), choose(h7, 8 * DAY, 'changed our mind'));
    // Generated after the choice: it was never before the board.
    designs.push(design('i1', 'partial-mesh', 1_000_000, 20 * DAY));
    // An explicit rejection gives its reason to the evidence.
    decisions.push({ id: 'rej', subjectKind: 'design', subjectId: m7.id, decision: 'rejected', actor: 'Board', reason: 'too many circuits', createdAt: 8 * DAY });

    const prefs = learnFamilyPreferences(designs, decisions);
    expect(prefs.map((p) => p.id)).toEqual(['preference:hub-spoke|partial-mesh']);
    const p = prefs[0]!;
    expect(p.comparisons).toBe(6);
    expect(p.wins).toBe(5);
    expect(p.preferred).toBe('hub-spoke');
    expect(p.other).toBe('partial-mesh');
    expect(p.moreNeeded).toBe(0);
    expect(p.statement).toMatch(/^boards here chose hub-spoke over partial-mesh 5 of 6 times when cost was within 10 % \(Wilson 95 % \d+–\d+ %\)\.$/);
    expect(p.evidence.find((e) => e.notChosen.designId === m7.id)?.rejectedBecause).toBe('too many circuits');
    expect(p.evidence.every((e) => e.costGap <= 0.1)).toBe(true);
  });

  it('too few comparable decisions, or a tie: stated, and no preferred side', () => {
    const a = design('j1', 'ring', 500_000);
    const b = design('j1', 'dual-ring', 520_000);
    const one = learnFamilyPreferences([a, b], [choose(a, DAY)]);
    expect(one[0]!.preferred).toBeNull();
    expect(one[0]!.moreNeeded).toBe(2);
    expect(one[0]!.statement).toContain('2 more needed before a preference is used');
    const designs = [a, b];
    const decisions = [choose(a, DAY)];
    for (let i = 2; i <= 4; i++) {
      const r = design(`j${i}`, 'ring', 500_000);
      const d = design(`j${i}`, 'dual-ring', 500_000);
      designs.push(r, d);
      decisions.push(choose(i === 2 ? r : d, i * DAY));
    }
    const tied = learnFamilyPreferences(designs, decisions)[0]!;
    expect(tied.comparisons).toBe(4);
    expect(tied.preferred).toBeNull();
    expect(tied.statement).toContain('chose each 2 of 4 times');
  });

  it('optimiser steps: people\'s approvals and rejections per rule, with reasons; the policy\'s are not a person\'s view', () => {
    const step = (rule: string, status: OptimisationEntry['status'], decidedBy: string | null, reason: string | null): OptimisationEntry => ({
      id: `s${++seq}`, topologyId: 'd1', step: seq, strategy: 'cost', rule, rationale: '', before: null, after: null, expected: null, actual: null,
      status, decidedBy, decisionReason: reason, decidedAt: seq, createdAt: seq,
    });
    const rules = learnStepPreferences([
      step('downgrade-circuit', 'rejected', 'Ada', 'carrier lead time'),
      step('downgrade-circuit', 'rejected', 'Ben', 'growth next year'),
      step('downgrade-circuit', 'undone', 'Ada', 'growth next year'),
      step('downgrade-circuit', 'approved', 'Ada', 'fine'),
      step('downgrade-circuit', 'auto-approved', 'policy', 'under the limit'),
      step('remove-link', 'proposed', null, null),
    ]);
    expect(rules).toHaveLength(1);
    expect(rules[0]!.approved).toBe(1);
    expect(rules[0]!.turnedDown).toBe(3);
    expect(rules[0]!.statement).toBe(
      'people here approved optimiser steps "downgrade-circuit" 1 of 4 times (Wilson 95 % 5–70 %); turned down because "carrier lead time", "growth next year".',
    );
  });
});

describe('preferenceOrder: a tie-break among equals only', () => {
  const pref: FamilyPreference = {
    id: 'preference:hub-spoke|partial-mesh', families: ['hub-spoke', 'partial-mesh'], preferred: 'hub-spoke', other: 'partial-mesh',
    wins: 4, comparisons: 5, interval: { low: 0.38, high: 0.96 }, moreNeeded: 0,
    statement: 'boards here chose hub-spoke over partial-mesh 4 of 5 times when cost was within 10 % (Wilson 95 % 38–96 %).', evidence: [],
  };
  interface Opt { family: Family; measure: number; meets: boolean }
  const keys = { measure: (o: Opt) => o.measure, family: (o: Opt) => o.family, eligible: (o: Opt) => o.meets };
  const fams = (r: { order: Opt[] }) => r.order.map((o) => o.family);

  it('reorders two options within the tolerance, and explains why', () => {
    const opts: Opt[] = [
      { family: 'partial-mesh', measure: 100, meets: true },
      { family: 'hub-spoke', measure: 101.5, meets: true },
      { family: 'ring', measure: 140, meets: true },
    ];
    const r = preferenceOrder(opts, keys, [pref]);
    expect(fams(r)).toEqual(['hub-spoke', 'partial-mesh', 'ring']);
    expect(r.moves).toHaveLength(1);
    expect(r.explanations[0]).toBe(
      'hub-spoke before partial-mesh: equally good on the goal (within 2 % of 100.0); boards here chose hub-spoke over partial-mesh 4 of 5 times when cost was within 10 % (Wilson 95 % 38–96 %).',
    );
  });

  it('never moves an option past one that is better on the goal by more than the tolerance', () => {
    const opts: Opt[] = [
      { family: 'partial-mesh', measure: 100, meets: true },
      { family: 'hub-spoke', measure: 102.5, meets: true },
    ];
    expect(fams(preferenceOrder(opts, keys, [pref]))).toEqual(['partial-mesh', 'hub-spoke']);
    // A wider, stated tolerance makes them equal.
    expect(fams(preferenceOrder(opts, keys, [pref], [], 0.05))).toEqual(['hub-spoke', 'partial-mesh']);
  });

  it('never reorders an option that does not meet the intent, whatever its measure', () => {
    const opts: Opt[] = [
      { family: 'partial-mesh', measure: 100, meets: true },
      { family: 'hub-spoke', measure: 100, meets: false },
    ];
    expect(fams(preferenceOrder(opts, keys, [pref]))).toEqual(['partial-mesh', 'hub-spoke']);
  });

  it('groups anchor on their best member: the chain 100, 101.9, 103.8 is two groups, not one', () => {
    const opts: Opt[] = [
      { family: 'ring', measure: 100, meets: true },
      { family: 'partial-mesh', measure: 101.9, meets: true },
      { family: 'hub-spoke', measure: 103.8, meets: true },
    ];
    const r = preferenceOrder(opts, keys, [pref]);
    expect(fams(r)).toEqual(['ring', 'partial-mesh', 'hub-spoke']);
    expect(r.moves).toEqual([]);
  });

  it('without a learnt preference (too few decisions, or switched off by the caller) the order is unchanged', () => {
    const opts: Opt[] = [
      { family: 'partial-mesh', measure: 100, meets: true },
      { family: 'hub-spoke', measure: 100, meets: true },
    ];
    expect(fams(preferenceOrder(opts, keys, [{ ...pref, preferred: null, other: null, moreNeeded: 1 }]))).toEqual(['partial-mesh', 'hub-spoke']);
    expect(fams(preferenceOrder(opts, keys, []))).toEqual(['partial-mesh', 'hub-spoke']);
  });
});
