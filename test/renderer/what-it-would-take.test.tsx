// @vitest-environment happy-dom
import { act } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { RelaxationPanel } from '../../src-renderer/features/options/WhatItWouldTake';
import { revisionsOn, useIntentRevisions } from '../../src-renderer/state/intentRevisions';
import { applyIntentEdit, type IntentEdit } from '../../src-shared/learn/intent-edit';
import { whatWouldItTake, type WhatItWouldTake } from '../../src-shared/learn/relaxation';
import { IntentSchema, type Intent } from '../../src-shared/model/intent';
import { mountPerTest } from './mount';

const dom = mountPerTest();

/** 20 ms one way between New York, Chicago, London and Frankfurt: no family can meet it. */
const intent: Intent = IntentSchema.parse({
  name: 'Transatlantic',
  budgetUsd: 2_000_000,
  siteGroups: [
    { role: 'hq', region: 'us', sites: [{ name: 'New York', lat: 40.71, lon: -74.0 }] },
    { role: 'branch', region: 'eu', sites: [{ name: 'London', lat: 51.51, lon: -0.13 }, { name: 'Frankfurt', lat: 50.11, lon: 8.68 }] },
    { role: 'branch', region: 'us', name: 'us-branch', sites: [{ name: 'Chicago', lat: 41.88, lon: -87.63 }] },
  ],
  constraints: { maxLatencyMs: 20 },
});
let answer: WhatItWouldTake;
beforeAll(() => {
  answer = whatWouldItTake(intent, [], { softwareVersion: 'test', now: 0 });
}, 60_000);

function render(p: { intent: Intent; applied?: { id: string; intent: Intent; edit: IntentEdit } | null }, log: { applied: IntentEdit[]; undone: number }) {
  act(() =>
    dom.root.render(
      <RelaxationPanel answer={answer} intent={p.intent} applied={p.applied ?? null} busy={false} problem={null} onApply={(e) => log.applied.push(e)} onUndo={() => log.undone++} />,
    ),
  );
}

describe('What would it take panel', () => {
  it('names the binding constraints and offers each found relaxation as one click; the no-budget answer has no button', () => {
    const log = { applied: [] as IntentEdit[], undone: 0 };
    render({ intent }, log);
    const section = dom.host.querySelector('section[aria-label="What would it take"]')!;
    expect(section.querySelector('ul[aria-label="Binding constraints"]')!.textContent).toContain('latency limit: failed by');
    const apply = [...section.querySelectorAll<HTMLButtonElement>('ul[aria-label="Relaxations"] button')];
    const labels = apply.map((b) => b.getAttribute('aria-label'));
    expect(labels.some((l) => /^Apply: allow \d+(\.\d)? ms between sites instead of 20 ms$/.test(l ?? ''))).toBe(true);
    expect(labels.some((l) => l?.includes('budget'))).toBe(false);
    expect(section.textContent).toContain('No budget alone makes an option meet the intent');
    expect(section.textContent).toContain('No option meets the intent at any price');
    expect(section.textContent).toMatch(/\(\d+(\.\d)? ms checked: no option meets the intent\.\)/);
    const latency = apply.find((b) => b.getAttribute('aria-label')!.includes('ms between sites'))!;
    expect(latency.disabled).toBe(false);
    act(() => latency.click());
    expect(log.applied).toHaveLength(1);
    expect(log.applied[0]!.kind).toBe('maxLatencyMs');
  });

  it('once applied: the button is disabled (the intent no longer holds the old value) and Undo is offered', () => {
    const log = { applied: [] as IntentEdit[], undone: 0 };
    const edit = answer.relaxations.find((r) => r.constraint === 'maxLatencyMs')!.edit!;
    const revised = applyIntentEdit(intent, edit);
    render({ intent: revised, applied: { id: 'r1', intent: revised, edit } }, log);
    const status = dom.host.querySelector('[role="status"]')!;
    expect(status.textContent).toMatch(/Intent revised: allow [\d.]+ ms between sites instead of 20 ms/);
    const apply = dom.host.querySelector<HTMLButtonElement>('ul[aria-label="Relaxations"] button[aria-label^="Apply: allow"]')!;
    expect(apply.disabled).toBe(true);
    act(() => status.querySelector('button')!.click());
    expect(log.undone).toBe(1);
    expect(log.applied).toHaveLength(0);
  });

  it('the revision stack applies on its base only and pops newest first', () => {
    const s = useIntentRevisions.getState();
    const e1: IntentEdit = { kind: 'budget', from: 2_000_000, to: 2_500_000 };
    const e2: IntentEdit = { kind: 'redundancy', from: 'STANDARD', to: 'NONE' };
    s.push('p', 'base', { id: 'r1', intent: applyIntentEdit(intent, e1), edit: e1 });
    s.push('p', 'base', { id: 'r2', intent: applyIntentEdit(applyIntentEdit(intent, e1), e2), edit: e2 });
    expect(revisionsOn(useIntentRevisions.getState(), 'p', 'base').map((r) => r.id)).toEqual(['r1', 'r2']);
    // Another base (a different design selected): none of them apply.
    expect(revisionsOn(useIntentRevisions.getState(), 'p', 'other')).toEqual([]);
    expect(useIntentRevisions.getState().pop('p')?.id).toBe('r2');
    expect(revisionsOn(useIntentRevisions.getState(), 'p', 'base').map((r) => r.id)).toEqual(['r1']);
    // A push on a new base starts a new stack.
    s.push('p', 'base2', { id: 'r3', intent, edit: e1 });
    expect(revisionsOn(useIntentRevisions.getState(), 'p', 'base')).toEqual([]);
    expect(revisionsOn(useIntentRevisions.getState(), 'p', 'base2').map((r) => r.id)).toEqual(['r3']);
  });
});
