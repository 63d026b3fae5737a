import { stranded } from '../../../src-shared/report/format';
import { useState } from 'react';
import type { SweepSummaryShape } from '../../../src-shared/contract/sim-types';
import type { TopologySummary } from '../../../src-shared/model/records';
import { sweepRefusal } from '../../../src-shared/sim/limits';
import type { ValidationResult } from '../../../src-shared/validate/types';
import { ApiError } from '../../api/client';
import { runInJobBar } from '../../state/jobBar';
import { useSession } from '../../state/session';

/** Failing checks shown under the score: errors first, then warnings. */
const TOP_FAILURES = 5;
const WORST_SHOWN = 5;

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const count = (n: number): string => n.toLocaleString('en-US');

/** What went wrong, in words for this screen (a cancel is not an error). */
function problemOf(err: unknown, what: string): string {
  if (err instanceof ApiError && err.code === 'CANCELLED') return `${what} cancelled.`;
  return err instanceof Error ? err.message : String(err);
}

/**
 * What can still be run on a design too large to draw, as jobs with progress
 * and Cancel in the top bar: validation (design:validateJob), and the N-1
 * sweep (sim:run, as the editor's sweep panel starts it) when the design is
 * within the sweep limit — above it, the reason it is not offered.
 */
export function LargeDesignActions({ projectId, design }: { projectId: string; design: TopologySummary }) {
  const busy = useSession((s) => s.job !== null);
  const readOnly = useSession((s) => s.project?.readOnly ?? false);
  const [validation, setValidation] = useState<ValidationResult | null>(null);
  const [sweep, setSweep] = useState<SweepSummaryShape | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const refusal = sweepRefusal({ name: design.name, devices: design.nodeCount, links: design.linkCount });

  const validate = async (): Promise<void> => {
    setProblem(null);
    try {
      setValidation(
        await runInJobBar('design:validateJob', { projectId, designId: design.id }, {
          label: `Validating ${design.name}…`,
          total: 100,
          progressLabel: (m) => m || `Validating ${design.name}…`,
        }),
      );
    } catch (err) {
      setProblem(problemOf(err, 'Validation'));
    }
  };

  const runSweep = async (): Promise<void> => {
    setProblem(null);
    try {
      const r = await runInJobBar(
        'sim:run',
        { projectId, designId: design.id, scenarios: ['n1-links', 'n1-nodes'], traffic: 'uniform' },
        { label: `N-1 sweep of ${design.name}…`, progressLabel: (m) => `N-1 sweep of ${design.name}: ${m}` },
      );
      setSweep(r.summary);
    } catch (err) {
      setProblem(problemOf(err, 'Sweep'));
    }
  };

  const failed = validation?.checks.filter((c) => !c.passed) ?? [];
  const top = [...failed].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)).slice(0, TOP_FAILURES);

  return (
    <div className="large-actions">
      <div className="row">
        <button type="button" className="primary" disabled={busy} onClick={() => void validate()}>
          Validate
        </button>
        {refusal === null && (
          <button type="button" disabled={busy || readOnly} onClick={() => void runSweep()} title={readOnly ? 'The project is open read-only' : undefined}>
            Run N-1 sweep
          </button>
        )}
      </div>
      {refusal !== null && (
        <p className="muted" role="note" aria-label="No failure sweep">
          No failure sweep: {refusal}.
        </p>
      )}
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {validation !== null && (
        <section aria-label="Validation result">
          <h3>Validation</h3>
          <p>
            Score {validation.score.toFixed(0)} / 100 — {validation.passed ? 'meets the intent' : 'does not meet the intent'}; {failed.length} of{' '}
            {validation.checks.length} checks failed.
          </p>
          {top.length > 0 && (
            <ul aria-label="Top failures">
              {top.map((c) => (
                <li key={c.id} className={`problem--${c.severity}`}>
                  <strong>{c.title}</strong>: {c.message}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {sweep !== null && (
        <section aria-label="Sweep result">
          <h3>N-1 sweep</h3>
          <p>
            {count(sweep.scenarioCount)} scenarios: {count(sweep.disconnecting)} cut sites apart, {count(sweep.overloading)} overload a link; worst
            stranded demand {stranded(sweep.worstStrandedDemand, sweep.baseline.totalVolume, sweep.baseline.unitGbps)}, worst utilisation {pct(sweep.worstUtilisation)}.
          </p>
          <ul aria-label="Worst scenarios">
            {sweep.worst.slice(0, WORST_SHOWN).map((s) => (
              <li key={s.label}>
                {s.label}: {count(s.disconnectedPairs)} cut pairs, max utilisation {pct(s.maxUtilisation)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
