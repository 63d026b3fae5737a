import { paretoFront, scale, type TradeOffPoint } from './pareto';
import { placeLabels } from './labels';

const W = 560;
const H = 320;
const M = { l: 70, r: 20, t: 16, b: 44 };
const usd = (x: number): string => (x >= 1e6 ? `$${(x / 1e6).toFixed(1)}M` : `$${Math.round(x / 1e3)}k`);

/**
 * Cost (x) against availability (y), latency as the dot size; the Pareto
 * front (nothing cheaper, more available and faster at once) is ringed and
 * joined. Plain SVG, with a text alternative listing the front.
 */
export function TradeOffChart({
  points, labels, selected, onSelect, basis = 'predicted',
}: {
  points: TradeOffPoint[];
  labels: Record<string, string>;
  selected: string | null;
  onSelect: (id: string) => void;
  /** Where the figures come from: estimates, verified measurements, or both (verification streaming in). */
  basis?: 'predicted' | 'measured' | 'mixed';
}) {
  if (points.length === 0) return <p className="muted">No option has predicted figures yet (history is too thin).</p>;
  const front = paretoFront(points);
  const x = scale(points.map((p) => p.costUsd), M.l, W - M.r);
  const y = scale(points.map((p) => p.availability), H - M.b, M.t);
  const r = scale(points.map((p) => p.latencyMs), 5, 14);
  const placed = placeLabels(
    points.map((p) => ({
      id: p.id, cx: x(p.costUsd), cy: y(p.availability), r: r(p.latencyMs), text: labels[p.id] ?? p.id, important: front.has(p.id) || p.id === selected,
    })),
    W - 4,
    H - M.b,
    // Clear of the rotated availability title on the left.
    24,
  );
  const frontLine = points
    .filter((p) => front.has(p.id))
    .sort((a, b) => a.costUsd - b.costUsd)
    .map((p) => `${x(p.costUsd).toFixed(1)},${y(p.availability).toFixed(1)}`)
    .join(' ');
  const costs = points.map((p) => p.costUsd);
  const avail = points.map((p) => p.availability);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Trade-off chart: cost against availability; Pareto front: ${[...front].map((id) => labels[id] ?? id).join(', ')}`}>
        <line x1={M.l} y1={H - M.b} x2={W - M.r} y2={H - M.b} className="chart__axis" />
        <line x1={M.l} y1={M.t} x2={M.l} y2={H - M.b} className="chart__axis" />
        <text x={(M.l + W - M.r) / 2} y={H - 8} className="chart__label" textAnchor="middle">
          {basis === 'mixed' ? 'cost, measured where verified' : `${basis} cost`} ({usd(Math.min(...costs))} – {usd(Math.max(...costs))})
        </text>
        <text x={14} y={(M.t + H - M.b) / 2} className="chart__label" textAnchor="middle" transform={`rotate(-90 14 ${(M.t + H - M.b) / 2})`}>
          availability ({(Math.min(...avail) * 100).toFixed(3)} – {(Math.max(...avail) * 100).toFixed(3)} %)
        </text>
        {frontLine !== '' && <polyline points={frontLine} className="chart__front" />}
        {points.map((p) => {
          const label = placed.get(p.id);
          const tip = `${labels[p.id] ?? p.id}: ${usd(p.costUsd)}, ${(p.availability * 100).toFixed(3)} %, p95 ${p.latencyMs.toFixed(1)} ms${front.has(p.id) ? ' — on the Pareto front' : ''}`;
          return (
            <g key={p.id} className={`chart__point${front.has(p.id) ? ' chart__point--front' : ''}${selected === p.id ? ' chart__point--selected' : ''}`} onClick={() => onSelect(p.id)}>
              {/* The group's tooltip: the dot's and its name's, the full name where the chart shows a rank. */}
              <title>{tip}</title>
              <circle cx={x(p.costUsd)} cy={y(p.availability)} r={r(p.latencyMs)} />
              {label?.leader !== undefined && <line className="chart__leader" x1={label.leader.x1} y1={label.leader.y1} x2={label.leader.x2} y2={label.leader.y2} />}
              {label !== undefined && (
                <text x={label.x} y={label.y} className="chart__name">
                  {label.text}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">Ringed: the Pareto front (no other option is cheaper, more available and faster at once). Dot size: p95 latency.</figcaption>
    </figure>
  );
}
