export interface LabelCandidate {
  id: string;
  /** The point's centre and radius: the label sits right of the circle, or left of it. */
  cx: number;
  cy: number;
  r: number;
  text: string;
  /** Placed first (Pareto front, selection). */
  important: boolean;
}

export interface PlacedLabel {
  text: string;
  /** Left edge of the text and its baseline. */
  x: number;
  y: number;
}

const CHAR_W = 6.4;
const LINE_H = 13;
const GAP = 3;

/** Width a label takes at the chart's font size. */
export const labelWidth = (text: string): number => text.length * CHAR_W;

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}
const apart = (a: Box, b: Box): boolean => a.x1 < b.x0 || a.x0 > b.x1 || a.y1 < b.y0 || a.y0 > b.y1;

/**
 * Greedy label placement for a small scatter chart: important labels first,
 * then in the given order. Each label goes right of its point, else left of
 * it, wherever it stays inside [0, width] and clear of the labels already
 * placed and of every other point's circle (clustered options hid each
 * other's names); failing both it is shortened to its rank ("3." of
 * "3. ring") and tried again. A point still unnamed that lies under
 * another's circle (two options of nearly the same cost and availability:
 * at 500 sites the hybrid sat under the dual hub and vanished from the
 * chart) has its rank added to that point's label ("2. dual-hub · 3.") when
 * the longer label still fits; failing that it is left to its tooltip.
 */
export function placeLabels(candidates: readonly LabelCandidate[], width: number): Map<string, PlacedLabel> {
  const order = [...candidates].sort((a, b) => Number(b.important) - Number(a.important));
  const circles = new Map(candidates.map((c) => [c.id, { x0: c.cx - c.r, x1: c.cx + c.r, y0: c.cy - c.r, y1: c.cy + c.r }]));
  const boxes: Box[] = [];
  const out = new Map<string, PlacedLabel>();
  const tryAt = (c: LabelCandidate, text: string): PlacedLabel | null => {
    const w = labelWidth(text);
    const y = c.cy + 4;
    for (const x of [c.cx + c.r + GAP, c.cx - c.r - GAP - w]) {
      if (x < 0 || x + w > width) continue;
      const box = { x0: x, x1: x + w, y0: y - LINE_H + GAP, y1: y + GAP };
      if (!boxes.every((b) => apart(box, b))) continue;
      if (![...circles].every(([id, b]) => id === c.id || apart(box, b))) continue;
      boxes.push(box);
      return { text, x, y };
    }
    return null;
  };
  const rankOf = (c: LabelCandidate): string | undefined => /^\d+\./.exec(c.text)?.[0];
  const boxOf = new Map<string, Box>();
  for (const c of order) {
    const rank = rankOf(c);
    const placed = tryAt(c, c.text) ?? (rank !== undefined ? tryAt(c, rank) : null);
    if (placed) {
      out.set(c.id, placed);
      boxOf.set(c.id, boxes[boxes.length - 1]!);
    }
  }
  for (const c of order) {
    const rank = rankOf(c);
    if (out.has(c.id) || rank === undefined) continue;
    const host = candidates.find((h) => h.id !== c.id && out.has(h.id) && Math.hypot(h.cx - c.cx, h.cy - c.cy) <= h.r);
    if (host === undefined) continue;
    const label = out.get(host.id)!;
    const text = `${label.text} · ${rank}`;
    const w = labelWidth(text);
    const own = boxOf.get(host.id)!;
    // Grown in place: a label left of its point grows leftwards, so it never reaches over the point.
    const x = label.x < host.cx ? label.x - (w - labelWidth(label.text)) : label.x;
    const box = { ...own, x0: x, x1: x + w };
    if (x < 0 || x + w > width) continue;
    if (!boxes.every((b) => b === own || apart(box, b))) continue;
    if (![...circles].every(([id, b]) => id === host.id || id === c.id || apart(box, b))) continue;
    boxes[boxes.indexOf(own)] = box;
    boxOf.set(host.id, box);
    out.set(host.id, { text, x, y: label.y });
  }
  return out;
}
