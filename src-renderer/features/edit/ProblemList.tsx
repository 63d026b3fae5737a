import type { Check, ValidationResult } from '../../../src-shared/validate/types';

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

/**
 * Live validation: score, then every failing check (errors first) with its
 * explanation. A click selects the evidence on the canvas and zooms to it.
 */
export function ProblemList({
  result,
  costUsd,
  costLabel = 'cost',
  checking = false,
  onShow,
}: {
  result: ValidationResult;
  /** The design changed since this result: a newer judgement is on its way (a big design takes seconds). */
  checking?: boolean;
  costUsd: number;
  /** What the figure is (the headline: "5-year TCO"). */
  costLabel?: string;
  onShow: (check: Check) => void;
}) {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const problems = result.checks.filter((c) => !c.passed).sort((a, b) => rank[a.severity] - rank[b.severity]);
  return (
    <section className="panel" aria-label="Validation" aria-busy={checking}>
      <h2>Validation</h2>
      <p className="verdict-line">
        <span className={result.passed ? 'pill pill--ok' : 'pill pill--bad'}>{result.passed ? 'meets intent' : 'fails intent'}</span>
        <span>score {result.score.toFixed(0)}</span>
        <span>· {result.redundancyAchieved ?? 'not connected'}</span>
        <span>
          · {costLabel} {money.format(costUsd)}
        </span>
        {checking && <span className="muted">· checking the change…</span>}
      </p>
      {problems.length === 0 ? (
        <p className="muted">No problems.</p>
      ) : (
        <ul className="problems" aria-label="Problems">
          {problems.map((c) => {
            const n = c.evidence.nodes.length + c.evidence.links.length;
            return (
              <li key={c.id}>
                <button
                  type="button"
                  className={`problem-item problem-item--${c.severity}`}
                  onClick={() => onShow(c)}
                  disabled={n === 0}
                  aria-label={`${c.title}: ${c.message}${n > 0 ? ' (show on canvas)' : ''}`}
                >
                  <strong>{c.title}</strong>
                  <span>{c.message}</span>
                  {n > 0 && <small className="muted">{n} element(s) — click to show</small>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
