import { useState } from 'react';
import type { CapacityStepState, PlanStep } from '../../../src-shared/capacity/types';

const usd = (x: number): string => `$${Math.round(x).toLocaleString('en-US')}`;
const pct = (x: number): string => `${(x * 100).toFixed(0)} %`;

/** One step: what it changes, its cost, the worst case before and after (verified in the twin), its approval and outcomes. */
export function StepDetail({
  step,
  state,
  busy,
  readOnly,
  onDecide,
  onBuilt,
}: {
  step: PlanStep;
  state: CapacityStepState | undefined;
  busy: boolean;
  readOnly: boolean;
  onDecide: (decision: 'approve' | 'reject', reason: string) => void;
  onBuilt: () => void;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const decide = (d: 'approve' | 'reject') => () => {
    if (reason.trim() === '') return setProblem('give a reason: it goes into the audit log');
    setProblem(null);
    onDecide(d, reason.trim());
  };
  return (
    <section className="capacity__step" aria-label={`Step ${step.seq}`}>
      <h3>
        Step {step.seq}: {step.summary}
      </h3>
      <p>
        {step.kind}: {step.from} → {step.to}; capex {usd(step.capexUsd)}, {usd(step.monthlyUsd)} a month ({usd(step.tcoUsd)} over the term, {usd(step.usdPerGbps)} per Gbit/s over the limit removed).
      </p>
      <p className="muted">{step.rationale}</p>
      <table className="worst" aria-label="Worst case before and after">
        <thead>
          <tr>
            <th scope="col">Link</th>
            <th scope="col">Before</th>
            <th scope="col">After (re-run in the twin)</th>
          </tr>
        </thead>
        <tbody>
          {step.before.map((b) => {
            const a = step.after.find((x) => x.link === b.link);
            return (
              <tr key={b.link}>
                <td>{b.linkLabel}</td>
                <td>
                  {pct(b.utilisation)} when {b.failure}
                </td>
                <td>{a ? `${pct(a.utilisation)} when ${a.failure}` : '—'}</td>
              </tr>
            );
          })}
          {step.kind === 'diverse' &&
            step.after
              .filter((a) => a.link === step.link)
              .map((a) => (
                <tr key={a.link}>
                  <td>{a.linkLabel} (new)</td>
                  <td>—</td>
                  <td>
                    {pct(a.utilisation)} when {a.failure}
                  </td>
                </tr>
              ))}
        </tbody>
      </table>
      <p>{step.verified ? 'Verified in the twin: every link within the limit in that period.' : 'Not verified: a link stays over the limit (see the plan’s notes).'}</p>
      {state !== undefined && (
        <p className="capacity__verdict" data-status={state.status}>
          <strong>{state.status}</strong>
          {state.decidedBy ? ` by ${state.decidedBy}` : ''}
          {state.status === 'proposed' ? ` — waiting for a person: ${state.reason}` : state.decisionReason ? ` — ${state.decisionReason}` : ` — ${state.reason}`}
          {state.builtRevision !== null ? `; built into revision ${state.builtRevision}` : ''}
        </p>
      )}
      {state?.status === 'proposed' && !readOnly && (
        <div className="row">
          <input aria-label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="reason (for the audit log)" />
          <button type="button" disabled={busy} onClick={decide('approve')}>
            Approve
          </button>
          <button type="button" disabled={busy} onClick={decide('reject')}>
            Reject
          </button>
        </div>
      )}
      {(state?.status === 'approved' || state?.status === 'auto-approved') && state.builtRevision === null && !readOnly && (
        <button type="button" disabled={busy} onClick={onBuilt}>
          Mark built (apply to the design)
        </button>
      )}
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {state?.measured && state.measured.length > 0 && (
        <table className="worst" aria-label="Predicted vs measured utilisation">
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Predicted</th>
              <th scope="col">Measured</th>
            </tr>
          </thead>
          <tbody>
            {state.measured.map((m) => (
              <tr key={m.period}>
                <td>{m.period}</td>
                <td>{pct(m.predicted)}</td>
                <td>{pct(m.measured)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
