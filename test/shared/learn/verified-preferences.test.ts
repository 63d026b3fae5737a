import { describe, expect, it } from 'vitest';
import { goalMeasure } from '../../../src-shared/learn/goal';
import type { VerifiedOption } from '../../../src-shared/learn/options';
import type { FamilyPreference } from '../../../src-shared/learn/preferences';
import type { LearningSample } from '../../../src-shared/learn/sample';
import { assembleVerified, type VerifiedCandidate } from '../../../src-shared/learn/verify';
import { IntentSchema } from '../../../src-shared/model/intent';
import type { Family } from '../../../src-shared/model/topology';

/**
 * The organisation's learnt preferences reach the verified answer: they
 * reorder options that are equally good on the goal (within 2 %), say so in
 * the option's rationale, and never move an option past a better one or one
 * that meets the intent past one that does not.
 */
const intent = IntentSchema.parse({ name: 'Retail', siteGroups: [{ role: 'hq', count: 1, region: 'eu' }, { role: 'branch', count: 12, region: 'eu' }], redundancy: 'STANDARD', goal: 'cost' });

function candidate(family: Family, cost: number, success = true): VerifiedCandidate {
  const measured = { costUsd: cost, p95LatencyMs: 20, availability: 0.9999, downtimeMinPerYear: 50 };
  const option: VerifiedOption = { family, seed: 1, success, measured, goalMeasure: goalMeasure('cost', measured), failed: success ? [] : [{ id: 'budget', title: 'budget', message: 'over budget', shortfall: 0.1 }], onFront: false };
  return { option, sample: { id: family } as unknown as LearningSample, validation: null as unknown as VerifiedCandidate['validation'] };
}

const boardsPreferHubSpoke: FamilyPreference = {
  id: 'pref:hub-spoke~partial-mesh', families: ['hub-spoke', 'partial-mesh'], preferred: 'hub-spoke', other: 'partial-mesh', wins: 4, comparisons: 5,
  interval: { low: 0.38, high: 0.96 }, moreNeeded: 0, statement: 'Boards here chose hub-spoke over partial-mesh 4 of 5 times when cost was within 10 %.', evidence: [],
};

describe('learnt preferences in the verified ranking', () => {
  it('orders equally good options by the preference and says why in the rationale', () => {
    const xs = [candidate('partial-mesh', 1_000_000), candidate('hub-spoke', 1_010_000), candidate('ring', 1_500_000)];
    const plain = assembleVerified(intent, xs, [], undefined);
    expect(plain.options.map((o) => o.family)).toEqual(['partial-mesh', 'hub-spoke', 'ring']);
    const learnt = assembleVerified(intent, xs, [], undefined, [boardsPreferHubSpoke]);
    expect(learnt.options.map((o) => o.family)).toEqual(['hub-spoke', 'partial-mesh', 'ring']);
    expect(learnt.ranked.map((c) => c.option.family)).toEqual(['hub-spoke', 'partial-mesh', 'ring']);
    expect(learnt.options[0]!.rationale).toContain("Placed by this organisation's past decisions");
    expect(learnt.options[0]!.rationale).toContain('4 of 5 times');
    expect(learnt.options[1]!.rationale).not.toContain('past decisions');
  });

  it('never moves an option past a clearly better one, nor one that fails past one that meets the intent', () => {
    const apart = [candidate('partial-mesh', 1_000_000), candidate('hub-spoke', 1_100_000)]; // 10 % apart: not a tie
    expect(assembleVerified(intent, apart, [], undefined, [boardsPreferHubSpoke]).options.map((o) => o.family)).toEqual(['partial-mesh', 'hub-spoke']);
    const failing = [candidate('partial-mesh', 1_000_000), candidate('hub-spoke', 1_000_000, false)];
    expect(assembleVerified(intent, failing, [], undefined, [boardsPreferHubSpoke]).options.map((o) => o.family)).toEqual(['partial-mesh', 'hub-spoke']);
  });
});
