import { useMemo, useState } from 'react';
import { GOAL_WORDS } from '../../../src-shared/learn/goal';
import type { Family } from '../../../src-shared/model/topology';
import { call } from '../../api/client';
import { useSession } from '../../state/session';
import type { TradeOffPoint } from './pareto';
import { TradeOffChart } from './TradeOffChart';
import { useProjectIntent } from '../../state/useProjectIntent';
import { WhatItWouldTake } from './WhatItWouldTake';
import { optionRows, skippedOf } from './rows';
import { useOptionsRanking } from './useOptionsRanking';
import { VerdictBadge } from './VerdictBadge';
import { VerifyStatus } from './VerifyStatus';

const usd = (x: number | null): string => (x === null ? '—' : `$${Math.round(x).toLocaleString('en-US')}`);
const ms = (x: number | null): string => (x === null ? '—' : `${x.toFixed(1)} ms`);
const avail = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(3)} %`);

/**
 * Ranked options for the project's intent. History's answer paints first;
 * where verification is affordable every family is then verified at once
 * (useOptionsRanking.ts), elsewhere the analytic estimate replaces the first
 * paint and "Verify every family" runs the verified recommendation; either
 * way a cancellable job, and each verified result replaces
 * its family's estimate as it lands (streamed in the job's progress), in the
 * one verified order; once every family is in, the ranking is exact. A
 * verified option shows its measured verdict — never a probability — and
 * its badge colour follows the verdict. Not-applicable families are listed
 * with the reason. One click generates an option.
 */
export function OptionsView({ projectId }: { projectId: string }) {
  const { intent, loading } = useProjectIntent(projectId);
  const refreshDesigns = useSession((s) => s.refreshDesigns);
  const selectDesign = useSession((s) => s.selectDesign);
  const { result, partial, problem, setProblem, source, refining, busy, verifyingSince, upFront, verify, cancel } = useOptionsRanking(
    intent,
    projectId,
    refreshDesigns,
  );
  const verified = result?.mode === 'verified';
  const [focus, setFocus] = useState<string | null>(null);

  const rows = useMemo(() => (intent === null ? [] : optionRows(intent.goal, result, partial)), [intent, result, partial]);
  const skipped = useMemo(() => skippedOf(result, partial), [result, partial]);

  const points = useMemo<TradeOffPoint[]>(
    () =>
      rows.flatMap((r, i) => {
        const id = `${i + 1}. ${r.family}`;
        if (r.kind === 'verified') {
          const m = r.verified.measured;
          return [{ id, costUsd: m.costUsd, availability: m.availability, latencyMs: m.p95LatencyMs }];
        }
        const p = r.estimate.predicted;
        return p.costUsd !== null && p.availability !== null && p.p95LatencyMs !== null
          ? [{ id, costUsd: p.costUsd, availability: p.availability, latencyMs: p.p95LatencyMs }]
          : [];
      }),
    [rows],
  );

  const chartBasis = rows.every((r) => r.kind === 'verified') ? 'measured' : rows.some((r) => r.kind === 'verified') ? 'mixed' : 'predicted';

  const generate = async (family: Family): Promise<void> => {
    if (intent === null) return;
    try {
      const s = await call('design:generate', { projectId, intent, family });
      await refreshDesigns();
      selectDesign(s.id);
    } catch (err) {
      setProblem((err as Error).message);
    }
  };

  if (loading) return <div className="empty">Loading the intent…</div>;
  if (intent === null) return <div className="empty">State an intent first (New from intent): options are ranked for an intent.</div>;
  return (
    <main className="options" aria-label="Options">
      <header className="wizard__header">
        <h1>Options for “{intent.name}”</h1>
        {busy ? (
          <button type="button" onClick={cancel}>
            Cancel verification
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void verify()} disabled={verified} title={verified ? 'the ranking below is measured and exact' : undefined}>
            {verified ? 'Every family verified' : 'Verify every family by simulation'}
          </button>
        )}
      </header>
      {refining && result !== null && result.mode === 'instant' && (
        <p className="muted" role="status">
          First estimate from history; estimating each family from its own design…
        </p>
      )}
      {busy && verifyingSince !== null && (
        <VerifyStatus since={verifyingSince} plan={upFront?.auto === true ? upFront : null} measured={partial === null ? 0 : partial.verified.length} />
      )}
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      <WhatItWouldTake projectId={projectId} intent={intent} answer={result?.relaxations} />
      {result === null ? (
        <p className="muted">Ranking…</p>
      ) : (
        <>
          <p className="muted">
            {result.mode === 'verified'
              ? `Verified by generation and simulation: options that meet the intent first, ranked for ${GOAL_WORDS[result.goal]}; then the others, fewest failed constraints first. `
              : partial !== null
                ? `Verifying: ${partial.verified.length} option(s) measured so far, ranked among themselves; the estimates below are still being checked. `
                : source === 'estimate'
                  ? `Instant, estimated from each family’s own design (priced by the cost model, checked by the validation rules except capacity under failure): options the estimate says meet the intent first, ranked for ${GOAL_WORDS[result.goal]}; then the others, fewest failed constraints first. `
                  : `Instant, from history and the predictor: options likely to meet the intent (P(success) ≥ 50 %) first, ranked for ${GOAL_WORDS[result.goal]}; then the others by P(success). `}
            {result.novelty ?? ''} {result.realWorld ?? ''} Model trained on {result.model.trainedOn} design(s).
          </p>
          <TradeOffChart points={points} labels={Object.fromEntries(points.map((p) => [p.id, p.id]))} selected={focus} onSelect={setFocus} basis={chartBasis} />
          <ol className="option-list" aria-label="Ranked options">
            {rows.map((r, i) => (
              <li key={r.key} className={focus === `${i + 1}. ${r.family}` ? 'option option--focus' : 'option'} data-kind={r.kind}>
                <header>
                  <strong>
                    {i + 1}. {r.family}
                    {r.kind === 'verified' && r.verified.seed > 1 ? ` (variant ${r.verified.seed})` : ''}
                  </strong>
                  <VerdictBadge row={r} />
                  <button type="button" onClick={() => void generate(r.family)} aria-label={`Generate the ${r.family} option`}>
                    Generate
                  </button>
                </header>
                {r.kind === 'verified' ? (
                  <>
                    <p className="muted">
                      measured: cost {usd(r.verified.measured.costUsd)} · p95 latency {ms(r.verified.measured.p95LatencyMs)} · availability{' '}
                      {avail(r.verified.measured.availability)} · downtime {r.verified.measured.downtimeMinPerYear.toFixed(2)} min/yr
                      {r.verified.onFront ? ' · on the Pareto front' : ''}
                    </p>
                    {r.verified.failed.length > 0 && (
                      <ul className="failed" aria-label={`Constraints ${r.family} fails`}>
                        {r.verified.failed.map((f) => (
                          <li key={f.id}>
                            ✗ {f.title}
                            {f.shortfall !== null && f.shortfall > 0 ? ` (${Math.round(f.shortfall * 100)} % over)` : ''}: {f.message}
                          </li>
                        ))}
                      </ul>
                    )}
                    {r.described !== null && <p>{r.described.rationale}</p>}
                  </>
                ) : (
                  <>
                    <p className="muted">
                      predicted: cost {usd(r.estimate.predicted.costUsd)}
                      {r.estimate.intervals ? ` (${usd(r.estimate.intervals.costUsd[0])}–${usd(r.estimate.intervals.costUsd[1])})` : ''} · p95 latency{' '}
                      {ms(r.estimate.predicted.p95LatencyMs)} · availability {avail(r.estimate.predicted.availability)}
                    </p>
                    <p>{r.estimate.rationale}</p>
                  </>
                )}
                {(r.kind === 'estimate' || r.described !== null) && (
                  <div className="procon">
                    <ul aria-label={`Pros of ${r.family}`}>
                      {(r.kind === 'estimate' ? r.estimate : r.described!).pros.map((x) => (
                        <li key={x}>+ {x}</li>
                      ))}
                    </ul>
                    <ul aria-label={`Cons of ${r.family}`}>
                      {(r.kind === 'estimate' ? r.estimate : r.described!).cons.map((x) => (
                        <li key={x}>− {x}</li>
                      ))}
                    </ul>
                  </div>
                )}
              </li>
            ))}
          </ol>
          {skipped.length > 0 && (
            <section aria-label="Families not evaluated">
              <h2>Not evaluated</h2>
              <ul>
                {skipped.map((x) => (
                  <li key={x.family}>
                    <strong>{x.family}</strong>: {x.notApplicable ? 'not applicable' : 'could not be built'}, because {x.reason}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </main>
  );
}
