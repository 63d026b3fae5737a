import { describe, expect, it } from 'vitest';
import { diffView } from '../../src-renderer/features/optimise/diff';
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
});
