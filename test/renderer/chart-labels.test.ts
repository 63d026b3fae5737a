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

  it('shortens a colliding label to its rank, and names a point on top of another in that one\u2019s label; the front wins', () => {
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
    expect(got.get('b')).toBe('2. dual-ring · 5.'); // on the front: placed first, whole; e sits on its point
    expect(got.get('a')).toBe('1.'); // the whole label would run into b's
    expect(got.get('c')).toBe('3.'); // right of it sits b's label; its rank fits on the left
    expect(got.has('e')).toBe(false); // whole or rank, right or left: on b's, a's or c's label — so named in b's
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

  it('names a point hidden under another point\u2019s circle in that point\u2019s label ("2. dual-hub · 3."), when it fits', () => {
    // 500 sites: the hybrid ($55.33M) lies under the dual hub ($55.17M, a larger p95 circle).
    const got = placeLabels(
      [
        { id: 'tree', cx: 190, cy: 30, r: 12, text: '1. tree', important: true },
        { id: 'dual', cx: 205, cy: 33, r: 10, text: '2. dual-hub', important: true },
        { id: 'hybrid', cx: 207, cy: 32, r: 6, text: '3. hybrid', important: false },
        { id: 'mesh', cx: 450, cy: 30, r: 6, text: '4. partial-mesh', important: true },
      ],
      500,
    );
    expect(got.has('hybrid')).toBe(false);
    expect(got.get('dual')!.text).toBe('2. dual-hub · 3.');
    // Still clear of the tree's circle and of the other labels.
    const dual = got.get('dual')!;
    expect(dual.x).toBeGreaterThanOrEqual(205 + 10);
    expect(got.get('tree')!.text).toBe('1. tree');
  });

  it('leaves a hidden point to its tooltip when the longer label would not fit', () => {
    const got = placeLabels(
      [
        { id: 'dual', cx: 488, cy: 33, r: 10, text: '2. dual-hub', important: true },
        { id: 'hybrid', cx: 489, cy: 32, r: 6, text: '3. hybrid', important: false },
        { id: 'edge', cx: 380, cy: 33, r: 4, text: '1. x', important: true },
      ],
      500,
    );
    expect(got.has('hybrid')).toBe(false);
    expect(got.get('dual')!.text).toBe('2. dual-hub');
  });
});
