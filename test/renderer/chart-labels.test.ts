import { describe, expect, it } from 'vitest';
import { placeLabels } from '../../src-renderer/features/options/labels';

const texts = (m: ReturnType<typeof placeLabels>) => new Map([...m].map(([id, l]) => [id, l.text]));

describe('trade-off chart labels', () => {
  it('keeps every label, right of its point, when nothing overlaps', () => {
    const got = placeLabels(
      [
        { id: 'a', cx: 10, cy: 20, r: 5, text: '1. ring', important: false },
        { id: 'b', cx: 10, cy: 60, r: 5, text: '2. tree', important: false },
      ],
      500,
    );
    expect([...texts(got)]).toEqual([['a', '1. ring'], ['b', '2. tree']]);
    expect(got.get('a')!.x).toBe(18); // right of the circle (10 + 5 + 3)
  });

  it('shortens a colliding label to its rank and drops it when even that collides on both sides; the front wins', () => {
    const got = texts(
      placeLabels(
        [
          { id: 'a', cx: 0, cy: 16, r: 0, text: '1. full-mesh', important: false },
          { id: 'b', cx: 57, cy: 18, r: 0, text: '2. dual-ring', important: true },
          { id: 'c', cx: 55, cy: 17, r: 0, text: '3. partial-mesh', important: false },
          { id: 'd', cx: 0, cy: 76, r: 0, text: '4. hub-spoke', important: false },
          { id: 'e', cx: 57, cy: 18, r: 0, text: '5. ring', important: false },
        ],
        500,
      ),
    );
    expect(got.get('b')).toBe('2. dual-ring'); // on the front: placed first, whole
    expect(got.get('a')).toBe('1.'); // the whole label would run into b's
    expect(got.get('c')).toBe('3.'); // right of it sits b's label; its rank fits on the left
    expect(got.has('e')).toBe(false); // whole or rank, right or left: on b's, a's or c's label
    expect(got.get('d')).toBe('4. hub-spoke'); // clear of everything
  });

  it('keeps a label off other points\u2019 circles (left of its own point when the right is taken) and inside the chart', () => {
    const got = placeLabels(
      [
        { id: 'a', cx: 200, cy: 50, r: 6, text: '1. hybrid', important: false },
        { id: 'b', cx: 225, cy: 52, r: 12, text: '2. tree', important: false },
        { id: 'c', cx: 490, cy: 200, r: 6, text: '3. partial-mesh', important: false },
      ],
      500,
    );
    // Right of a would cross b's circle: a's label goes left of a.
    expect(got.get('a')!.text).toBe('1. hybrid');
    expect(got.get('a')!.x + 6.4 * '1. hybrid'.length).toBeLessThanOrEqual(200 - 6);
    // c is at the right edge: its label goes left, inside the width.
    expect(got.get('c')!.x).toBeLessThan(490);
    expect(got.get('c')!.x + 6.4 * '3. partial-mesh'.length).toBeLessThanOrEqual(500);
  });
});
