export interface RateBar {
  label: string;
  rate: number;
  low: number;
  high: number;
  n: number;
}

const W = 520;
const ROW = 24;
const L = 150;

/** Success rates as bars with their 95 % Wilson interval as a whisker. Plain SVG. */
export function RateBars({ rows, label }: { rows: RateBar[]; label: string }) {
  if (rows.length === 0) return <p className="muted">No history yet.</p>;
  const x = (v: number): number => L + v * (W - L - 110); // room for "100 % (n=1234)"
  return (
    <svg viewBox={`0 0 ${W} ${rows.length * ROW + 20}`} className="bars" role="img" aria-label={`${label}: ${rows.map((r) => `${r.label} ${Math.round(r.rate * 100)} %`).join(', ')}`}>
      {rows.map((r, i) => (
        <g key={r.label} transform={`translate(0 ${i * ROW + 4})`}>
          <text x={L - 6} y={14} textAnchor="end" className="chart__name">
            {r.label}
          </text>
          <rect x={L} y={3} width={x(r.rate) - L} height={14} className="bars__bar" />
          <line x1={x(r.low)} x2={x(r.high)} y1={10} y2={10} className="bars__ci" />
          <text x={x(Math.max(r.rate, r.high)) + 6} y={14} className="chart__name">
            {Math.round(r.rate * 100)} % (n={r.n})
          </text>
        </g>
      ))}
    </svg>
  );
}

/** Success rate over time (history in chronological buckets), with the interval band. */
export function TrendLine({ points }: { points: { at: number; rate: number; low: number; high: number; n: number }[] }) {
  if (points.length < 2) return <p className="muted">Too little history for a trend yet.</p>;
  const w = 520;
  const h = 160;
  const x = (i: number): number => 50 + (i / (points.length - 1)) * (w - 110);
  const y = (v: number): number => h - 20 - v * (h - 40);
  const band = [...points.map((p, i) => `${x(i)},${y(p.high)}`), ...[...points].reverse().map((p, k) => `${x(points.length - 1 - k)},${y(p.low)}`)].join(' ');
  return (
    <svg viewBox={`0 0 ${w} ${h}`} className="bars" role="img" aria-label={`Success rate over time: ${points.map((p) => `${Math.round(p.rate * 100)} % of ${p.n}`).join(' → ')}`}>
      <polygon points={band} className="trend__band" />
      <polyline points={points.map((p, i) => `${x(i)},${y(p.rate)}`).join(' ')} className="trend__line" />
      {points.map((p, i) => (
        <text key={i} x={x(i)} y={h - 4} textAnchor="middle" className="chart__name">
          {new Date(p.at).toLocaleDateString()} (n={p.n})
        </text>
      ))}
      <text x={4} y={y(1) + 4} className="chart__name">100 %</text>
      <text x={4} y={y(0) + 4} className="chart__name">0 %</text>
    </svg>
  );
}
