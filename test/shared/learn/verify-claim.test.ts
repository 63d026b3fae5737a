import { describe, expect, it } from 'vitest';
import { IntentSchema } from '../../../src-shared/model/intent';
import { longestFirst, verificationPlan, verifyTasks, type VerifyTask } from '../../../src-shared/learn/verify';
import { smallRetail } from '../../helpers/retail-intents';

/**
 * How verified mode's threads share the candidates (verify.ts): each takes
 * the next unclaimed one from a shared counter, and with two or more threads
 * the candidate predicted to take longest starts first.
 */
const meta = { softwareVersion: 'test', now: 0 };
const task = (family: VerifyTask['family'], seed = 1): VerifyTask => ({ family, seed });

describe('verified candidates shared between threads', () => {
  it('the longest-predicted candidate first, the others in their order; one thread keeps the order', () => {
    const order = [task('tree'), task('hybrid'), task('dual-hub'), task('hub-spoke'), task('partial-mesh')];
    expect(longestFirst(order, 2).map((t) => t.family)).toEqual(['partial-mesh', 'tree', 'hybrid', 'dual-hub', 'hub-spoke']);
    expect(longestFirst(order, 1)).toEqual(order);
    // Equal predictions keep the first; an unlisted family counts as average.
    expect(longestFirst([task('hybrid'), task('tree'), task('ring')], 2).map((t) => t.family)).toEqual(['ring', 'hybrid', 'tree']);
  });

  it('two threads on one counter evaluate every candidate exactly once, the same results as one thread', () => {
    const intent = IntentSchema.parse(smallRetail('retail 10', 7));
    const plan = verificationPlan(intent, 'all', [], 1);
    expect(plan.tasks.length).toBeGreaterThanOrEqual(3);
    const whole = verifyTasks(intent, plan.tasks, meta);
    // Two threads taking turns: the counter hands 0, 1, 2, … to whichever asks.
    let next = 0;
    const claim = (): number => next++;
    const seen: string[] = [];
    const a = verifyTasks(intent, plan.tasks, meta, (_l, t) => seen.push(t.family), () => (next % 2 === 0 ? claim() : plan.tasks.length));
    const b = verifyTasks(intent, plan.tasks, meta, (_l, t) => seen.push(t.family), claim);
    expect(a.candidates.length).toBe(1);
    expect(seen.sort()).toEqual(plan.tasks.map((t) => t.family).sort());
    const byFamily = (xs: typeof whole.candidates) => new Map(xs.map((c) => [c.option.family, c.option]));
    expect(byFamily([...a.candidates, ...b.candidates])).toEqual(byFamily(whole.candidates));
  });
});
