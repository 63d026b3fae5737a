import { describe, expect, it } from 'vitest';
import { apart, labelBox, placeLabels, type LabelCandidate, type PlacedLabel } from '../../src-renderer/features/options/labels';

const texts = (m: ReturnType<typeof placeLabels>) => new Map([...m].map(([id, l]) => [id, l.text]));

/** No label on another label or on another point's circle, each inside [left, width] × [0, height]. */
function expectClear(cands: readonly LabelCandidate[], placed: Map<string, PlacedLabel>, width = 500, height = Infinity, left = 0): void {
  const boxes = [...placed].map(([id, l]) => ({ id, box: labelBox(l.text, l.x, l.y) }));
  for (const { id, box } of boxes) {
    expect(box.x0).toBeGreaterThanOrEqual(left);
    expect(box.x1).toBeLessThanOrEqual(width);
    expect(box.y0).toBeGreaterThanOrEqual(0);
    expect(box.y1).toBeLessThanOrEqual(height);
    for (const o of boxes) if (o.id !== id) expect(apart(box, o.box), `${id} on ${o.id}'s label`).toBe(true);
    for (const c of cands) if (c.id !== id) expect(apart(box, { x0: c.cx - c.r, x1: c.cx + c.r, y0: c.cy - c.r, y1: c.cy + c.r }), `${id} on ${c.id}'s point`).toBe(true);
  }
}

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

  it('shortens a colliding label to its rank, sets a point with no room beside it apart with a leader line; the front wins', () => {
    const cands = [
      { id: 'a', cx: 0, cy: 16, r: 0, text: '1. full-mesh', important: false },
      { id: 'b', cx: 57, cy: 18, r: 0, text: '2. dual-ring', important: true },
      { id: 'c', cx: 55, cy: 17, r: 0, text: '3. partial-mesh', important: false },
      { id: 'd', cx: 0, cy: 76, r: 0, text: '4. hub-spoke', important: false },
      { id: 'e', cx: 57, cy: 18, r: 0, text: '5. ring', important: false },
    ];
    const placed = placeLabels(cands, 500);
    const got = texts(placed);
    expect(got.get('b')).toBe('2. dual-ring'); // on the front: placed first, whole
    expect(got.get('a')).toBe('1.'); // the whole label would run into b's
    expect(got.get('c')).toBe('3.'); // right of it sits b's label; its rank fits on the left
    expect(got.get('d')).toBe('4. hub-spoke'); // clear of everything
    // e sits on b's point: no room beside it, so it is named apart, joined by a line (no more "2. dual-ring · 5.").
    expect(got.get('e')).toMatch(/^5\./);
    expect(placed.get('e')!.leader).toBeDefined();
    expectClear(cands, placed);
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

  it('names every option of the 500-site chart apart: three options on one spot, each with its own label, none on another', () => {
    // The verified 500-site retail chain as the chart drew it (chart units): tree, dual hub and hybrid within 8 units.
    const cands = [
      { id: 'tree', cx: 196, cy: 32, r: 14, text: '1. tree', important: true },
      { id: 'dual', cx: 208, cy: 38, r: 10, text: '2. dual-hub', important: true },
      { id: 'hybrid', cx: 210, cy: 35, r: 7, text: '3. hybrid', important: false },
      { id: 'mesh', cx: 531, cy: 30, r: 6, text: '4. partial-mesh', important: true },
      { id: 'hub', cx: 82, cy: 260, r: 6, text: '5. hub-spoke', important: true },
    ];
    const placed = placeLabels(cands, 556, 276, 24);
    expect([...placed.keys()].sort()).toEqual(['dual', 'hub', 'hybrid', 'mesh', 'tree']);
    expect(placed.get('hybrid')!.text).toMatch(/^3\./);
    expectClear(cands, placed, 556, 276, 24);
  });

  it('on random clustered charts: every label inside the plot, none on another label or another point', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let named = 0;
    let total = 0;
    for (let t = 0; t < 200; t++) {
      const n = 3 + Math.floor(rnd() * 8);
      const cx0 = 60 + rnd() * 400;
      const cy0 = 20 + rnd() * 200;
      const cands = Array.from({ length: n }, (_, i) => ({
        id: String(i), cx: cx0 + (rnd() - 0.5) * 60, cy: cy0 + (rnd() - 0.5) * 40, r: 5 + rnd() * 9, text: `${i + 1}. ${['tree', 'dual-hub', 'hybrid', 'partial-mesh', 'ring'][i % 5]}`, important: rnd() < 0.4,
      }));
      const placed = placeLabels(cands, 556, 276, 24);
      expectClear(cands, placed, 556, 276, 24);
      named += placed.size;
      total += n;
    }
    expect(named / total).toBeGreaterThan(0.97); // near every option named; the rest keep their tooltip
  });
});
