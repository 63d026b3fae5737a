import { describe, expect, it } from 'vitest';
import { placeLabels } from '../../src-renderer/features/options/labels';

describe('trade-off chart labels', () => {
  it('keeps every label when nothing overlaps', () => {
    const got = placeLabels([
      { id: 'a', x: 0, y: 20, text: '1. ring', important: false },
      { id: 'b', x: 0, y: 60, text: '2. tree', important: false },
    ]);
    expect([...got.entries()]).toEqual([['a', '1. ring'], ['b', '2. tree']]);
  });

  it('shortens a colliding label to its rank and drops it when even that collides; the front wins', () => {
    const got = placeLabels([
      { id: 'a', x: 0, y: 20, text: '1. full-mesh', important: false },
      { id: 'b', x: 60, y: 22, text: '2. dual-ring', important: true },
      { id: 'c', x: 58, y: 21, text: '3. partial-mesh', important: false },
      { id: 'd', x: 0, y: 80, text: '4. hub-spoke', important: false },
    ]);
    expect(got.get('b')).toBe('2. dual-ring'); // on the front: placed first, whole
    expect(got.get('a')).toBe('1.'); // the whole label would run into b's
    expect(got.has('c')).toBe(false); // even its rank would sit on b's label
    expect(got.get('d')).toBe('4. hub-spoke'); // clear of everything
  });
});
