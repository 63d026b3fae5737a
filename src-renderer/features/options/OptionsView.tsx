import { useEffect, useMemo, useState } from 'react';
import type { RecommendResultShape } from '../../../src-shared/contract/learn-types';
import type { Family } from '../../../src-shared/model/topology';
import { call } from '../../api/client';
import { runInJobBar } from '../../state/jobBar';
import { useSession } from '../../state/session';
import type { TradeOffPoint } from './pareto';
import { TradeOffChart } from './TradeOffChart';
import { useProjectIntent } from '../../state/useProjectIntent';
import { WhatItWouldTake } from './WhatItWouldTake';

const pct = (x: number | null): string => (x === null ? '—' : `${Math.round(x * 100)} %`);
const usd = (x: number | null): string => (x === null ? '—' : `$${Math.round(x).toLocaleString('en-US')}`);

/**
 * Ranked recommendations for the project's intent (recommend:instant from
 * history), a trade-off chart with the Pareto front, verification by
 * simulation as a cancellable job, and one click to generate an option.
 */
export function OptionsView({ projectId }: { projectId: string }) {
  const { intent, loading } = useProjectIntent(projectId);
  const refreshDesigns = useSession((s) => s.refreshDesigns);
  const selectDesign = useSession((s) => s.selectDesign);
  const [result, setResult] = useState<RecommendResultShape | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focus, setFocus] = useState<string | null>(null);

  useEffect(() => {
    if (intent === null) return;
    let alive = true;
    call('recommend:instant', { intent, projectId }).then(
      (r) => alive && setResult(r),
      (err: unknown) => alive && setProblem((err as Error).message),
    );
    return () => {
      alive = false;
    };
  }, [intent, projectId]);

  const points = useMemo<TradeOffPoint[]>(
    () =>
      (result?.options ?? []).flatMap((o, i) =>
        o.predicted.costUsd !== null && o.predicted.availability !== null && o.predicted.p95LatencyMs !== null
          ? [{ id: `${i + 1}. ${o.family}`, costUsd: o.predicted.costUsd, availability: o.predicted.availability, latencyMs: o.predicted.p95LatencyMs }]
          : [],
      ),
    [result],
  );

  const verify = async (): Promise<void> => {
    if (intent === null) return;
    setBusy(true);
    setProblem(null);
    try {
      setResult(
        await runInJobBar('recommend:verified', { intent, projectId, options: 3 }, {
          label: 'Verifying the top options', progressLabel: (m) => `Verifying: ${m}`,
        }),
      );
      await refreshDesigns();
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

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
        <button type="button" className="primary" onClick={() => void verify()} disabled={busy}>
          {busy ? 'Verifying…' : 'Verify top 3 by simulation'}
        </button>
      </header>
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
            {result.mode === 'verified' ? 'Verified by generation and simulation. ' : 'Instant, from history and the predictor. '}
            {result.novelty ?? ''} {result.realWorld ?? ''} Model trained on {result.model.trainedOn} design(s).
          </p>
          <TradeOffChart points={points} labels={Object.fromEntries(points.map((p) => [p.id, p.id]))} selected={focus} onSelect={setFocus} />
          <ol className="option-list" aria-label="Ranked options">
            {result.options.map((o, i) => (
              // Verified results hold several seeds of one family: the rank is the identity.
              <li key={i} className={focus === `${i + 1}. ${o.family}` ? 'option option--focus' : 'option'}>
                <header>
                  <strong>
                    {i + 1}. {o.family}
                  </strong>
                  <span className="pill pill--ok" title="confidence = P(success) × familiarity">
                    confidence {pct(o.confidence)}
                  </span>
                  <span className="muted">P(success) {pct(o.successProbability)}</span>
                  <button type="button" onClick={() => void generate(o.family)} aria-label={`Generate the ${o.family} option`}>
                    Generate
                  </button>
                </header>
                <p className="muted">
                  cost {usd(o.predicted.costUsd)}
                  {o.intervals ? ` (${usd(o.intervals.costUsd[0])}–${usd(o.intervals.costUsd[1])})` : ''} · p95 latency{' '}
                  {o.predicted.p95LatencyMs === null ? '—' : `${o.predicted.p95LatencyMs.toFixed(1)} ms`} · availability{' '}
                  {o.predicted.availability === null ? '—' : `${(o.predicted.availability * 100).toFixed(3)} %`}
                </p>
                <p>{o.rationale}</p>
                <div className="procon">
                  <ul aria-label={`Pros of ${o.family}`}>
                    {o.pros.map((x) => (
                      <li key={x}>+ {x}</li>
                    ))}
                  </ul>
                  <ul aria-label={`Cons of ${o.family}`}>
                    {o.cons.map((x) => (
                      <li key={x}>− {x}</li>
                    ))}
                  </ul>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </main>
  );
}
