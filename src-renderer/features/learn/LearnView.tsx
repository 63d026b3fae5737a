import { useEffect, useMemo, useState } from 'react';
import type { LearningReport } from '../../../src-shared/learn/report';
import { call } from '../../api/client';
import { useSession } from '../../state/session';
import { LearntEffects } from './LearntEffects';
import { OutcomesImport } from './OutcomesImport';
import { RateBars, TrendLine } from './RateBars';
import { AccuracyOverTime, ReliabilityDiagram } from './AccuracyCharts';

/**
 * What the twin has learnt (learn:report over the knowledge base): success by
 * family and by intent class, success over time, the predictor's held-out
 * error, the reliability of stated success probabilities and recommendation
 * accuracy over time (AccuracyCharts), predicted vs measured outcomes, and this project's designs,
 * filterable, each opening its design.
 */
const CLASS_ROWS = 30;

/** A period of history in words: one date, or from–to. */
function period(from: number, to: number): string {
  const a = new Date(from).toLocaleDateString();
  const b = new Date(to).toLocaleDateString();
  return a === b ? `on ${a}` : `from ${a} to ${b}`;
}

export function LearnView({ projectId }: { projectId: string }) {
  const designs = useSession((s) => s.designs);
  const selectDesign = useSession((s) => s.selectDesign);
  const [report, setReport] = useState<LearningReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let alive = true;
    call('learn:report', { projectId }).then(
      (r) => alive && setReport(r),
      (err: unknown) => alive && setProblem((err as Error).message),
    );
    return () => {
      alive = false;
    };
  }, [projectId, version]);
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return designs.filter((d) => q === '' || `${d.name} ${d.family ?? ''} ${d.source}`.toLowerCase().includes(q));
  }, [designs, filter]);

  return (
    <main className="options" aria-label="Learning">
      <h1>Learning</h1>
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {report === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <div className="learn-grid">
          <section className="card" aria-label="Success by family">
            <h2>Success by family</h2>
            <p className="muted">{report.samples} designs in history. {report.successDefinition}</p>
            <RateBars label="Success by family" rows={report.perFamily.map((r) => ({ label: r.family, rate: r.rate, low: r.interval.low, high: r.interval.high, n: r.total }))} />
          </section>
          <section className="card" aria-label="Success over time">
            <h2>Success over time</h2>
            <p className="muted">
              The history in recording order, cut into {report.trend.length} period{report.trend.length === 1 ? '' : 's'} (of about equal size where recording times allow: designs recorded together, such as the shipped knowledge base, stay in one): each point is the share of that period's designs that met their intent, the band its 95 % interval (Wilson).
              {report.trend.length > 0 && ` Periods: ${report.trend.map((t) => `${t.samples} design${t.samples === 1 ? '' : 's'} ${period(t.from, t.to)}`).join('; ')}.`}
            </p>
            <TrendLine points={report.trend.map((t) => ({ at: t.to, rate: t.rate, low: t.interval.low, high: t.interval.high, n: t.samples }))} />
            <h2>Prediction accuracy</h2>
            <dl className="facts">
              <dt>Trained on</dt>
              <dd>{report.predictor.trainedOn} designs</dd>
              <dt>Cost error (held out)</dt>
              <dd>{report.predictor.costMapePct === null ? 'not enough history' : `${report.predictor.costMapePct.toFixed(1)} %`}</dd>
              <dt>p95 latency error</dt>
              <dd>{report.predictor.p95MapePct === null ? 'not enough history' : `${report.predictor.p95MapePct.toFixed(1)} %`}</dd>
            </dl>
            <h2>Predicted vs measured</h2>
            <OutcomesImport projectId={projectId} onImported={() => setVersion((v) => v + 1)} />
            {report.outcomes.length === 0 ? (
              <p className="muted">No measured outcomes imported yet.</p>
            ) : (
              <table className="worst" aria-label="Predicted vs measured">
                <thead>
                  <tr><th scope="col">Metric</th><th scope="col">n</th><th scope="col">Mean predicted</th><th scope="col">Mean measured</th><th scope="col">Error</th></tr>
                </thead>
                <tbody>
                  {report.outcomes.map((o) => (
                    <tr key={o.metric}>
                      <td>{o.metric}</td><td>{o.count}</td><td>{o.meanPredicted?.toFixed(2) ?? '—'}</td><td>{o.meanActual?.toFixed(2) ?? '—'}</td><td>{o.mapePct === null ? '—' : `${o.mapePct.toFixed(1)} %`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <LearntEffects projectId={projectId} version={version} />
          <section className="card" aria-label="How far instant answers can be trusted">
            <h2>Are stated probabilities right?</h2>
            <ReliabilityDiagram calibration={report.reliability} />
            <h2>Recommendation accuracy over time</h2>
            <AccuracyOverTime periods={report.accuracyOverTime} />
          </section>
          <section className="card" aria-label="Success by intent class">
            <h2>By intent class</h2>
            <p className="muted">
              One row per family and class of intent (sites, regions, redundancy, goal): the share of designs that met their intent, with its 95 % interval.
              {report.perClass.length > CLASS_ROWS && ` The ${CLASS_ROWS} classes with most history of ${report.perClass.length}.`}
            </p>
            <table className="worst" aria-label="Success by intent class">
              <thead>
                <tr><th scope="col">Family</th><th scope="col">Sites</th><th scope="col">Regions</th><th scope="col">Redundancy</th><th scope="col">Goal</th><th scope="col">Met intent</th></tr>
              </thead>
              <tbody>
                {[...report.perClass].sort((a, b) => b.total - a.total).slice(0, CLASS_ROWS).map((r) => (
                  <tr key={`${r.family}|${r.intentClass.sizeBand}|${r.intentClass.regionBand}|${r.intentClass.redundancy}|${r.intentClass.goal}`}>
                    <td>{r.family}</td><td>{r.intentClass.sizeBand}</td><td>{r.intentClass.regionBand}</td><td>{r.intentClass.redundancy}</td><td>{r.intentClass.goal}</td>
                    <td>
                      {Math.round(r.rate * 100)} % of {r.total} ({Math.round(r.interval.low * 100)}–{Math.round(r.interval.high * 100)} %)
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card" aria-label="Design history">
            <h2>Designs of this project</h2>
            <input type="search" aria-label="Filter designs" placeholder="Filter by name, family or source…" value={filter} onChange={(e) => setFilter(e.target.value)} />
            <ul className="design-list">
              {shown.map((d) => (
                <li key={d.id}>
                  <button type="button" className="design-list__item" onClick={() => selectDesign(d.id)} aria-label={`Open ${d.name}`}>
                    <strong>{d.name}</strong>
                    <span className="muted">
                      {d.source} · revision {d.revision} · {new Date(d.updatedAt).toLocaleString()}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </main>
  );
}
