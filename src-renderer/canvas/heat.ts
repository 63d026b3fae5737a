/**
 * Utilisation heat colour: relative load 0 → cool blue-grey, 1 (as busy as
 * today's busiest link) → amber, ≥ 1.5 → red. Pure, shared by edges and legend.
 */
export function heatColor(h: number): string {
  const stops: [number, [number, number, number]][] = [
    [0, [71, 85, 105]],
    [0.5, [45, 212, 191]],
    [1, [250, 204, 21]],
    [1.5, [239, 68, 68]],
  ];
  const x = Math.max(0, Math.min(1.5, h));
  for (let i = 1; i < stops.length; i++) {
    const [x1, c1] = stops[i]!;
    const [x0, c0] = stops[i - 1]!;
    if (x <= x1) {
      const f = (x - x0) / (x1 - x0);
      const c = c0.map((v, k) => Math.round(v + f * (c1[k]! - v)));
      return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
    }
  }
  return 'rgb(239, 68, 68)';
}
