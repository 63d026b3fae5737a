/** The smallest box holding every point (x0/y0 = Infinity and x1/y1 = -Infinity when there are none). */
export interface Extent {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export function extentOf(points: Iterable<{ x: number; y: number }>): Extent {
  const e: Extent = { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity };
  for (const p of points) {
    e.x0 = Math.min(e.x0, p.x);
    e.x1 = Math.max(e.x1, p.x);
    e.y0 = Math.min(e.y0, p.y);
    e.y1 = Math.max(e.y1, p.y);
  }
  return e;
}
