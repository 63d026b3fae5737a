export interface LabelCandidate {
  id: string;
  /** The point's centre and radius. */
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
  /** A line from the point's circle to a label set apart from it (clustered points), else absent. */
  leader?: { x1: number; y1: number; x2: number; y2: number };
}

const CHAR_W = 6.4;
const LINE_H = 13;
const GAP = 3;
/** How far out (in label heights beyond the circle) a label set apart may go. */
const RINGS = 5;

/** Width a label takes at the chart's font size. */
export const labelWidth = (text: string): number => text.length * CHAR_W;

export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}
export const apart = (a: Box, b: Box): boolean => a.x1 < b.x0 || a.x0 > b.x1 || a.y1 < b.y0 || a.y0 > b.y1;

/** The box of a label whose text starts at x on baseline y. */
export const labelBox = (text: string, x: number, y: number): Box => ({ x0: x, x1: x + labelWidth(text), y0: y - LINE_H + GAP, y1: y + GAP });

/**
 * Label placement for a small scatter chart, so that every point is named and
 * no name lies on another name or on another point's circle. Important labels
 * first, then in the given order. A label goes beside its point — right,
 * left, above, below — wherever it stays inside the plot and clear of what is
 * placed; failing that, shortened to its rank ("3." of "3. ring"). A point
 * still unnamed (options of nearly the same cost and availability: at 500
 * sites the tree, the dual hub and the hybrid sit on one spot) gets its name,
 * else its rank, set apart in the nearest free place around it — rings of
 * eight directions, one label height further out each — joined to its circle
 * by a leader line. (It used to be appended to a neighbour's label, "2.
 * dual-hub · 3.", which named neither clearly.) Only a chart with no free
 * place within RINGS label heights leaves a name to its tooltip. Labels stay
 * within [left, width] × [0, height].
 */
export function placeLabels(candidates: readonly LabelCandidate[], width: number, height = Infinity, left = 0): Map<string, PlacedLabel> {
  const order = [...candidates].sort((a, b) => Number(b.important) - Number(a.important));
  const circles = new Map(candidates.map((c) => [c.id, { x0: c.cx - c.r, x1: c.cx + c.r, y0: c.cy - c.r, y1: c.cy + c.r }]));
  const boxes: Box[] = [];
  const out = new Map<string, PlacedLabel>();
  const free = (c: LabelCandidate, box: Box): boolean =>
    box.x0 >= left && box.x1 <= width && box.y0 >= 0 && box.y1 <= height &&
    boxes.every((b) => apart(box, b)) &&
    [...circles].every(([id, b]) => id === c.id || apart(box, b));
  const take = (c: LabelCandidate, text: string, x: number, y: number, leader?: PlacedLabel['leader']): PlacedLabel | null => {
    const box = labelBox(text, x, y);
    if (!free(c, box)) return null;
    boxes.push(box);
    return leader === undefined ? { text, x, y } : { text, x, y, leader };
  };
  /** Beside the point: right, left, above, below (centred). */
  const beside = (c: LabelCandidate, text: string): PlacedLabel | null => {
    const w = labelWidth(text);
    const spots: [number, number][] = [
      [c.cx + c.r + GAP, c.cy + 4],
      [c.cx - c.r - GAP - w, c.cy + 4],
      [c.cx - w / 2, c.cy - c.r - GAP - GAP],
      [c.cx - w / 2, c.cy + c.r + LINE_H],
    ];
    for (const [x, y] of spots) {
      const got = take(c, text, x, y);
      if (got) return got;
    }
    return null;
  };
  /** Set apart on rings around the point, with a leader line from its circle to the label's nearest edge. */
  const apartFrom = (c: LabelCandidate, text: string): PlacedLabel | null => {
    const w = labelWidth(text);
    for (let k = 1; k <= RINGS; k++) {
      const d = c.r + GAP + k * LINE_H;
      for (let j = 0; j < 8; j++) {
        const a = (j * Math.PI) / 4;
        const [ux, uy] = [Math.cos(a), -Math.sin(a)];
        // The label's anchor on the ring; it extends away from the point.
        const ax = c.cx + ux * d;
        const ay = c.cy + uy * d;
        const x = ux > 0.3 ? ax : ux < -0.3 ? ax - w : ax - w / 2;
        const y = uy > 0.3 ? ay + LINE_H - GAP : uy < -0.3 ? ay : ay + 4;
        const leader = { x1: c.cx + ux * c.r, y1: c.cy + uy * c.r, x2: ax, y2: ay };
        const got = take(c, text, x, y, leader);
        if (got) return got;
      }
    }
    return null;
  };
  const rankOf = (c: LabelCandidate): string | undefined => /^\d+\./.exec(c.text)?.[0];
  for (const c of order) {
    const rank = rankOf(c);
    const placed = beside(c, c.text) ?? (rank !== undefined ? beside(c, rank) : null);
    if (placed) out.set(c.id, placed);
  }
  for (const c of order) {
    if (out.has(c.id)) continue;
    const rank = rankOf(c);
    const placed = apartFrom(c, c.text) ?? (rank !== undefined ? apartFrom(c, rank) : null);
    if (placed) out.set(c.id, placed);
  }
  return out;
}
