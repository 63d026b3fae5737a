import { describe, expect, it } from 'vitest';
import { changeFocus, diffView } from '../../src-renderer/features/optimise/diff';
import { squareWithTail } from './fixtures';

describe('optimiser step diff', () => {
  it('keeps removed links visible and adds new ones, marking both', () => {
    const base = squareWithTail();
    const extra = { id: 'ae', source: 'a', target: 'e', capacityGbps: 10, igpWeight: 1, latencyMs: 1, srlgs: [] };
    const v = diffView(base, [
      { op: 'add-link', link: extra },
      { op: 'remove-link', link: base.links[0]! },
    ]);
    expect(v.topology.links.map((l) => l.id)).toEqual(['ab', 'bc', 'cd', 'da', 'de', 'ae']);
    expect([...v.added]).toEqual(['ae']);
    expect([...v.removed]).toEqual(['ab']);
  });

  it('focuses the devices the step touches: both ends of each changed link, and changed devices', () => {
    const base = squareWithTail();
    const extra = { id: 'ae', source: 'a', target: 'e', capacityGbps: 10, igpWeight: 1, latencyMs: 1, srlgs: [] };
    const v = diffView(base, [{ op: 'add-link', link: extra }]);
    expect(changeFocus(v.topology, v.added, v.removed).sort()).toEqual(['a', 'e']);
    const w = diffView(base, [{ op: 'set-weight', linkId: 'bc', from: 1, to: 5 }]);
    expect(changeFocus(w.topology, w.added, w.removed).sort()).toEqual(['b', 'c']);
    const d = diffView(base, [{ op: 'remove-device', device: base.nodes.find((n) => n.id === 'e')!, links: base.links.filter((l) => l.target === 'e' || l.source === 'e') }]);
    expect(changeFocus(d.topology, d.added, d.removed).sort()).toEqual(['d', 'e']);
    expect(changeFocus(base, new Set(), new Set())).toEqual([]);
  });
});
