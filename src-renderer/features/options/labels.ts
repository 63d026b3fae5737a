export interface LabelCandidate {
  id: string;
  x: number;
  y: number;
  text: string;
  /** Placed first (Pareto front, selection). */
  important: boolean;
}

const CHAR_W = 6.4;
const LINE_H = 13;

/**
 * Greedy label placement for a small scatter chart: important labels first,
 * then in the given order; a label that would overlap one already placed is
 * shortened to its rank ("3." of "3. ring") or, failing that, left to the
 * point's tooltip. Returns the text to draw per point id.
 */
/** Width a label takes at the chart's font size. */
export const labelWidth = (text: string): number => text.length * CHAR_W;

export function placeLabels(candidates: readonly LabelCandidate[]): Map<string, string> {
  const order = [...candidates].sort((a, b) => Number(b.important) - Number(a.important));
  const boxes: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const out = new Map<string, string>();
  const fits = (x: number, y: number, text: string) => {
    const box = { x0: x, x1: x + text.length * CHAR_W, y0: y - LINE_H + 3, y1: y + 3 };
    const clear = boxes.every((b) => box.x1 < b.x0 || box.x0 > b.x1 || box.y1 < b.y0 || box.y0 > b.y1);
    if (clear) boxes.push(box);
    return clear;
  };
  for (const c of order) {
    if (fits(c.x, c.y, c.text)) {
      out.set(c.id, c.text);
      continue;
    }
    const rank = /^\d+\./.exec(c.text)?.[0];
    if (rank !== undefined && fits(c.x, c.y, rank)) out.set(c.id, rank);
  }
  return out;
}
