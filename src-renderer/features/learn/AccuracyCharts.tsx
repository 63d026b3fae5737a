import type { Calibration } from '../../../src-shared/learn/accuracy';
import type { AccuracyPeriod } from '../../../src-shared/learn/report';

/**
 * The two charts of how far instant recommendations can be trusted (issue
 * 17): a reliability diagram (stated P(success) against how often it
 * happened, with counts) and recommendation accuracy over time. Plain SVG,
 * each with a sentence under it that says how to read it.
 */
const W = 320;
const H = 240;
const PAD = 40;
const pct = (v: number): string => `${Math.round(100 * v)} %`;

export function ReliabilityDiagram({ calibration }: { calibration: Calibration }) {
  const bins = calibration.bins.filter((b) => b.count > 0);
  const x = (v: number): number => PAD + v * (W - PAD - 10);
  const y = (v: number): number => H - PAD + 10 - v * (H - PAD - 10);
  const most = Math.max(1, ...bins.map((b) => b.count));
  return (
    <figure className="chart" aria-label="Reliability of stated success probabilities">
      {bins.length === 0 ? (
        <p className="muted">Too little history to check stated probabilities yet.</p>
      ) : (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="bars"
          role="img"
          aria-label={`Stated against observed: ${bins.map((b) => `${pct(b.meanStated!)} stated, ${pct(b.observed!)} observed (n=${b.count})`).join('; ')}`}
        >
          <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} className="reliability__diagonal" strokeDasharray="4 3" />
          <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(0)} className="reliability__axis" />
          <line x1={x(0)} y1={y(0)} x2={x(0)} y2={y(1)} className="reliability__axis" />
          {bins.map((b) => (
            <g key={b.from}>
              <circle cx={x(b.meanStated!)} cy={y(b.observed!)} r={3 + 6 * Math.sqrt(b.count / most)} className="reliability__point">
                <title>{`stated ${pct(b.from)}–${pct(b.to)}: mean ${pct(b.meanStated!)}, happened ${pct(b.observed!)} of ${b.count}`}</title>
              </circle>
              <text x={x(b.meanStated!) + 8} y={y(b.observed!) - 6} className="chart__name">
                n={b.count}
              </text>
            </g>
          ))}
          <text x={x(0.5)} y={H - 4} textAnchor="middle" className="chart__name">stated probability</text>
          <text x={4} y={y(1) + 4} className="chart__name">100 %</text>
          <text x={4} y={y(0) + 4} className="chart__name">0 %</text>
          <text x={x(1)} y={y(0) + 14} textAnchor="end" className="chart__name">100 %</text>
        </svg>
      )}
      <figcaption className="muted">
        Each point gathers the history designs whose success probability instant mode stated in one tenth of the scale (0–10 %, 10–20 %, …), each judged by a model
        that had not seen it: across, the mean probability stated; up, the share that did meet the intent; n, how many. On the dashed diagonal a stated 70 % comes
        true 70 % of the time.
        {calibration.ecePoints !== null &&
          ` Over ${calibration.cases} stated probabilities the mean gap, weighted by count, is ${calibration.ecePoints.toFixed(1)} points (expected calibration error).`}
      </figcaption>
    </figure>
  );
}

export function AccuracyOverTime({ periods }: { periods: AccuracyPeriod[] }) {
  const x = (i: number): number => (periods.length === 1 ? W / 2 : PAD + (i / (periods.length - 1)) * (W - PAD - 40));
  const y = (v: number): number => H - PAD + 10 - (v / 100) * (H - PAD - 10);
  return (
    <figure className="chart" aria-label="Recommendation accuracy over time">
      {periods.length === 0 ? (
        <p className="muted">No verified recommendation in history yet: each one verified adds a point here.</p>
      ) : (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="bars"
          role="img"
          aria-label={`Instant agreed with verified: ${periods.map((p) => `${Math.round(p.top1Pct)} % of ${p.intents}, regret ${p.meanRegretPct.toFixed(1)} %`).join(' → ')}`}
        >
          <polyline points={periods.map((p, i) => `${x(i)},${y(p.top1Pct)}`).join(' ')} className="trend__line" />
          {periods.map((p, i) => (
            <g key={p.from}>
              <circle cx={x(i)} cy={y(p.top1Pct)} r={4} className="reliability__point" />
              <text x={x(i)} y={y(p.top1Pct) - 8} textAnchor="middle" className="chart__name">
                {Math.round(p.top1Pct)} %
              </text>
              <text x={x(i)} y={H - 16} textAnchor="middle" className="chart__name">
                {new Date(p.from).toLocaleDateString()}
              </text>
              <text x={x(i)} y={H - 4} textAnchor="middle" className="chart__name">
                n={p.intents}, regret {p.meanRegretPct.toFixed(1)} %
              </text>
            </g>
          ))}
          <text x={4} y={y(100) + 4} className="chart__name">100 %</text>
          <text x={4} y={y(0) + 4} className="chart__name">0 %</text>
        </svg>
      )}
      <figcaption className="muted">
        Every recommendation verified so far, in the order they were made and cut into periods: for each, instant mode is asked again with only the history recorded
        before its period, as you would have been answered then. The line is the share where instant&apos;s first choice was verification&apos;s first choice; regret
        is how much worse, on the goal&apos;s own measure, instant&apos;s choice turned out than verification&apos;s (a choice that fails the intent counts 100 %).
      </figcaption>
    </figure>
  );
}
