/**
 * Collision-aware labels: given every label's box at the shown zoom and a
 * priority, keep the most important labels whose boxes do not touch an
 * already kept one; the rest are hidden until the user zooms in (where
 * boxes, drawn at a constant screen size, shrink in flow units and fit).
 * Greedy by priority over a uniform grid: O(n) for boxes of similar size.
 */
export interface LabelBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher is shown first. */
  priority: number;
}

export function pickLabels(boxes: readonly LabelBox[]): Set<string> {
  const shown = new Set<string>();
  if (boxes.length === 0) return shown;
  const order = [...boxes].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const meanW = boxes.reduce((a, b) => a + b.width, 0) / boxes.length;
  const meanH = boxes.reduce((a, b) => a + b.height, 0) / boxes.length;
  const cell = Math.max(meanW, meanH, 1e-9) * 1.5;
  const grid = new Map<string, LabelBox[]>();
  const cellsOf = (b: LabelBox): string[] => {
    const out: string[] = [];
    const x0 = Math.floor(b.x / cell);
    const x1 = Math.floor((b.x + b.width) / cell);
    const y0 = Math.floor(b.y / cell);
    const y1 = Math.floor((b.y + b.height) / cell);
    for (let gx = x0; gx <= x1; gx++) for (let gy = y0; gy <= y1; gy++) out.push(`${gx},${gy}`);
    return out;
  };
  for (const b of order) {
    const cells = cellsOf(b);
    const clash = cells.some((c) => grid.get(c)?.some((o) => intersects(o, b)) ?? false);
    if (clash) continue;
    shown.add(b.id);
    for (const c of cells) (grid.get(c) ?? grid.set(c, []).get(c)!).push(b);
  }
  return shown;
}

/** Boxes that share any area (touching edges do not count). */
export const intersects = (a: LabelBox, b: LabelBox): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Screen metrics of the overview labels (CSS in styles.css: 12 px text, 4 px padding). */
export const LABEL_PX = 16;
const CHAR_PX = 7;

/** Width in screen pixels of a label of `text` (an upper bound for the 12 px UI font). */
export const labelWidthPx = (text: string): number => text.length * CHAR_PX + 8;

/**
 * The flow-unit box of a constant-screen-size label centred under a point:
 * `below` flow units under `at`, at zoom `zoom`.
 */
export function labelBoxUnder(id: string, at: { x: number; y: number }, below: number, text: string, zoom: number, priority: number): LabelBox {
  const width = labelWidthPx(text) / zoom;
  return { id, x: at.x - width / 2, y: at.y + below, width, height: LABEL_PX / zoom, priority };
}

/** The box of a label centred on a point (edge labels at a link's midpoint). */
export function labelBoxAt(id: string, at: { x: number; y: number }, text: string, zoom: number, priority: number): LabelBox {
  const width = labelWidthPx(text) / zoom;
  const height = LABEL_PX / zoom;
  return { id, x: at.x - width / 2, y: at.y - height / 2, width, height, priority };
}

/** Zoom rounded to quarter steps of a doubling, so labels are re-picked a few times per zoom gesture, not every frame. */
export const zoomStep = (zoom: number): number => 2 ** (Math.round(Math.log2(zoom) * 4) / 4);
