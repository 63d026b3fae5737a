// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { keyLabel } from '../../src-renderer/actions/keys';
import { ACTIONS } from '../../src-renderer/actions/registry';
import { ProblemList } from '../../src-renderer/features/edit/ProblemList';
import { ShortcutHelp } from '../../src-renderer/ui/ShortcutHelp';
import { deleteElements } from '../../src-renderer/actions/edits';
import { validateDesign } from '../../src-shared/validate/validate';
import { IntentSchema } from '../../src-shared/model/intent';
import type { Check } from '../../src-shared/validate/types';
import { squareWithTail } from './fixtures';
import { mountPerTest } from './mount';

const dom = mountPerTest();

describe('ShortcutHelp', () => {
  it('lists every action with its keys in a labelled dialog and closes on Escape', () => {
    let closed = 0;
    act(() => dom.root.render(<ShortcutHelp rows={ACTIONS.map((a) => ({ label: a.label, keys: a.keys.map(keyLabel) }))} onClose={() => closed++} />));
    const dialog = dom.host.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe('help-title');
    for (const a of ACTIONS) expect(dialog.textContent).toContain(a.label);
    expect(dialog.textContent).toContain('Ctrl/⌘+Z');
    act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })));
    expect(closed).toBe(1);
  });
});

describe('ProblemList', () => {
  it('shows failing checks errors first, and a click hands the check (with its evidence) back', () => {
    // Without link a-b the square is a chain with bridges: HIGH redundancy fails, with evidence.
    const t = deleteElements(squareWithTail(), [], ['ab']);
    const intent = IntentSchema.parse({ siteGroups: [{ role: 'hq', count: 1 }, { role: 'branch', count: 1 }], redundancy: 'HIGH' });
    const result = validateDesign(t, intent);
    expect(result.checks.find((c) => c.id === 'redundancy.high')?.passed).toBe(false);
    const shown: Check[] = [];
    act(() => dom.root.render(<ProblemList result={result} costUsd={1234} onShow={(c) => shown.push(c)} />));
    const buttons = [...dom.host.querySelectorAll<HTMLButtonElement>('ul[aria-label="Problems"] button')];
    expect(buttons.length).toBeGreaterThan(0);
    const labels = buttons.map((b) => b.getAttribute('aria-label') ?? '');
    const red = buttons[labels.findIndex((l) => l.startsWith('Redundancy HIGH'))]!;
    // Errors come before warnings.
    const sev = [...dom.host.querySelectorAll('ul[aria-label="Problems"] button')].map((b) => (b.className.includes('--error') ? 0 : 1));
    expect(sev).toEqual([...sev].sort());
    act(() => red.click());
    expect(shown[0]!.evidence.links.length + shown[0]!.evidence.nodes.length).toBeGreaterThan(0);
    expect(dom.host.textContent).toContain('$1,234');
  });
});
