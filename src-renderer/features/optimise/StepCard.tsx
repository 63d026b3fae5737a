import { useState } from 'react';
import type { OptimisationEntryShape } from '../../../src-shared/contract/learn-types';
import type { StepMetrics } from '../../../src-shared/optimise/metrics';

const usd = (x: number): string => `$${Math.round(x).toLocaleString('en-US')}`;

function metricsOf(x: unknown): StepMetrics | null {
  const m = (x as { metrics?: StepMetrics } | null)?.metrics;
  return m && typeof m.costUsd === 'number' ? m : null;
}

/** One optimiser step: rule, rationale, before → after figures, and the decision controls. */
export function StepCard({
  step,
  shown,
  onShow,
  onDecide,
  onUndo,
  busy,
}: {
  step: OptimisationEntryShape;
  shown: boolean;
  onShow: () => void;
  onDecide: (decision: 'approve' | 'reject', reason: string) => void;
  onUndo: (reason: string) => void;
  busy: boolean;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const b = metricsOf(step.before);
  const a = metricsOf(step.after);
  const needReason = (go: (r: string) => void) => () => {
    if (reason.trim() === '') {
      setProblem('give a reason: it goes into the audit log');
      return;
    }
    setProblem(null);
    go(reason.trim());
  };
  const open = step.status === 'proposed';
  const applied = step.status === 'approved' || step.status === 'auto-approved';
  return (
    <li className={shown ? 'option option--focus' : 'option'} aria-label={`Step ${step.step}: ${step.rule}`}>
      <header>
        <strong>
          Step {step.step}: {step.rule}
        </strong>
        <span className={`pill ${applied ? 'pill--ok' : step.status === 'proposed' ? '' : 'pill--bad'}`}>{step.status}</span>
        <button type="button" onClick={onShow} aria-pressed={shown}>
          Show diff
        </button>
      </header>
      <p>{step.rationale}</p>
      {b && a && (
        <table className="worst" aria-label={`Before and after step ${step.step}`}>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            <tr><th scope="row">Cost</th><td>{usd(b.costUsd)}</td><td>{usd(a.costUsd)}</td></tr>
            <tr><th scope="row">Bridges</th><td>{b.bridges}</td><td>{a.bridges}</td></tr>
            <tr><th scope="row">Cut devices</th><td>{b.articulationPoints}</td><td>{a.articulationPoints}</td></tr>
            <tr><th scope="row">Redundancy</th><td>{b.redundancy ?? '—'}</td><td>{a.redundancy ?? '—'}</td></tr>
            <tr><th scope="row">Validation</th><td>{b.validationPassed ? 'passes' : 'fails'}</td><td>{a.validationPassed ? 'passes' : 'fails'}</td></tr>
          </tbody>
        </table>
      )}
      {step.decidedBy !== null && (
        <p className="muted">
          {step.status} by {step.decidedBy}
          {step.decisionReason ? `: “${step.decisionReason}”` : ''}
        </p>
      )}
      {(open || applied) && (
        <div className="row">
          <label className="field field--compact">
            <span>Reason for step {step.step}</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={problem !== null} />
            {problem !== null && <small className="problem">{problem}</small>}
          </label>
          {open && (
            <>
              <button type="button" className="primary" disabled={busy} onClick={needReason((r) => onDecide('approve', r))}>
                Approve
              </button>
              <button type="button" disabled={busy} onClick={needReason((r) => onDecide('reject', r))}>
                Reject
              </button>
            </>
          )}
          {applied && (
            <button type="button" disabled={busy} onClick={needReason(onUndo)}>
              Undo step
            </button>
          )}
        </div>
      )}
    </li>
  );
}
