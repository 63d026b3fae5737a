import { stranded } from '../../../src-shared/report/format';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { elementNamer, labelNamer } from '../../../src-shared/model/names';
import type { SweepSummaryShape, ScenarioResultShape } from '../../../src-shared/contract/sim-types';
import { convergenceWords } from '../../../src-shared/sim/convergence';
import { isolationInWords } from '../../../src-shared/sim/impact-report';
import type { IsolatingSet } from '../../../src-shared/sim/isolation';
import { emptyIntentTrafficNote } from '../../../src-shared/model/traffic';
import { SCENARIO_CLASSES } from '../../../src-shared/sim/scenarios';
import { call } from '../../api/client';
import { runJob } from '../../api/jobs';
import { useCanvas } from '../../canvas/CanvasStoreProvider';
import { noFailures } from '../../canvas/types';

type ScenarioClass = (typeof SCENARIO_CLASSES)[number];
const CLASS_NAMES: Record<ScenarioClass, string> = {
  'n1-links': 'every link',
  'n1-nodes': 'every device',
  'n2-links': 'link pairs',
  srlg: 'shared-risk groups',
  sites: 'sites',
  regions: 'regions',
};
type Traffic = 'intent' | 'uniform' | 'gravity' | 'hub-centric';

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

/** The latest sweep of a design and the means to run one: shared by the pinned summary and the sweep panel. */
export interface SweepState {
  classes: ScenarioClass[];
  setClasses: (c: ScenarioClass[]) => void;
  traffic: Traffic;
  setTraffic: (t: Traffic) => void;
  progress: { done: number; total: number; message?: string; cancel: () => void } | null;
  summary: SweepSummaryShape | null;
  /** The traffic model the shown sweep ran with. */
  swept: string | null;
  problem: string | null;
  shown: string | null;
  isolation: IsolatingSet[] | null;
  run: (with_?: Traffic) => Promise<void>;
  show: (s: ScenarioResultShape) => void;
}

/**
 * The full sweep (sim:run on main's worker pool) with progress and cancel,
 * and the worst scenarios: a click shows that scenario on the canvas.
 */
export function useSweep(projectId: string, designId: string): SweepState {
  const setFailures = useCanvas((s) => s.setFailures);
  const [classes, setClasses] = useState<ScenarioClass[]>(['n1-links', 'n1-nodes', 'srlg', 'sites', 'regions']);
  const [traffic, setTraffic] = useState<Traffic>('intent');
  const [progress, setProgress] = useState<{ done: number; total: number; message?: string; cancel: () => void } | null>(null);
  const [summary, setSummary] = useState<SweepSummaryShape | null>(null);
  /** The traffic model the shown sweep ran with. */
  const [swept, setSwept] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  /** The stored impact report's failure sets that cut a site off (null: not recorded with this sweep). */
  const [isolation, setIsolation] = useState<IsolatingSet[] | null>(null);
  const loadIsolation = useCallback((simulationId: string): void => {
    call('sim:result', { projectId, simulationId }).then((r) => setIsolation(r.isolation), () => setIsolation(null));
  }, [projectId]);

  // The latest stored sweep of this design, if any.
  useEffect(() => {
    let alive = true;
    call('sim:list', { projectId, designId }).then(
      (list) => {
        const last = [...list].sort((a, b) => b.createdAt - a.createdAt)[0];
        if (alive && last) {
          setSummary(last.summary as SweepSummaryShape);
          setSwept(last.traffic);
          loadIsolation(last.id);
        }
      },
      () => undefined, // no stored sweeps yet is not an error worth showing
    );
    return () => {
      alive = false;
    };
  }, [projectId, designId, loadIsolation]);

  const run = async (with_: Traffic = traffic): Promise<void> => {
    setProblem(null);
    if (with_ !== traffic) setTraffic(with_);
    const job = runJob('sim:run', { projectId, designId, scenarios: classes, traffic: with_ }, (p) =>
      setProgress({ done: p.done, total: p.total, message: p.message, cancel: () => void job.cancel() }),
    );
    setProgress({ done: 0, total: 1, cancel: () => void job.cancel() });
    try {
      const done = await job.result;
      setSummary(done.summary);
      setSwept(with_);
      loadIsolation(done.simulationId);
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setProgress(null);
    }
  };

  const show = (s: ScenarioResultShape): void => {
    setShown(s.label);
    setFailures({ ...noFailures(), nodes: new Set(s.failedNodes), links: new Set(s.failedLinks) });
  };

  return { classes, setClasses, traffic, setTraffic, progress, summary, swept, problem, shown, isolation, run, show };
}

/** The sweep's answer in one paragraph, named: pinned at the top of the what-if panel so it stays in view. */
export function SweepSummaryLine({ sweep }: { sweep: SweepState }) {
  const topology = useCanvas((s) => s.topology);
  const namer = useMemo(() => (topology === null ? null : elementNamer(topology)), [topology]);
  const { summary, progress } = sweep;
  if (progress !== null) {
    return (
      <p className="pinned__sweep" data-testid="pinned-sweep">
        Sweep running: {progress.done} / {progress.total} scenarios
      </p>
    );
  }
  if (summary === null) return null;
  const worst = summary.worst[0];
  return (
    <p className="pinned__sweep" data-testid="pinned-sweep">
      <strong>Sweep</strong>: {summary.scenarioCount} scenarios, {summary.disconnecting} cut sites apart, {summary.overloading} overload a link; worst stranded demand{' '}
      {stranded(summary.worstStrandedDemand, summary.baseline.totalVolume, summary.baseline.unitGbps)}, worst utilisation {pct(summary.worstUtilisation)}
      {worst !== undefined && worst.disconnectedPairs + worst.strandedDemand > 0 ? (
        <>
          ; worst scenario{' '}
          <button type="button" className="linkish" onClick={() => sweep.show(worst)}>
            {namer === null ? worst.label : namer.scenario(worst)}
          </button>
        </>
      ) : null}
      .
    </p>
  );
}

/** The sweep's controls, worst scenarios (named) and the failures that isolate a site. */
export function SweepPanel({ sweep, readOnly }: { sweep: SweepState; readOnly: boolean }) {
  const { classes, setClasses, traffic, setTraffic, progress, summary, swept, problem, shown, isolation, run, show } = sweep;
  const topology = useCanvas((s) => s.topology);
  const namer = useMemo(() => (topology === null ? null : elementNamer(topology)), [topology]);
  const label = (s: ScenarioResultShape): string => (namer === null ? s.label : namer.scenario(s));
  return (
    <section className="panel" aria-label="Failure sweep">
      <h2>Full sweep</h2>
      <fieldset className="toggles">
        <legend>Fail, one scenario at a time</legend>
        {SCENARIO_CLASSES.map((c) => (
          <label key={c} className="check">
            <input type="checkbox" checked={classes.includes(c)} onChange={(e) => setClasses(e.target.checked ? [...classes, c] : classes.filter((x) => x !== c))} />
            {CLASS_NAMES[c]}
          </label>
        ))}
      </fieldset>
      <label className="field field--compact">
        <span>Traffic</span>
        <select value={traffic} onChange={(e) => setTraffic(e.target.value as Traffic)}>
          <option value="intent">the intent's traffic (Gbit/s)</option>
          <option value="uniform">uniform</option>
          <option value="gravity">gravity (by site size)</option>
          <option value="hub-centric">hub-centric</option>
        </select>
      </label>
      {progress === null ? (
        <button type="button" className="primary" disabled={classes.length === 0 || readOnly} onClick={() => void run()}>
          Run sweep
        </button>
      ) : (
        <div className="row" role="group" aria-label="Sweep progress">
          <progress max={Math.max(1, progress.total)} value={progress.done} aria-label="Sweep progress" />
          <span>
            {progress.done} / {progress.total}
          </span>
          <button type="button" onClick={progress.cancel}>
            Cancel sweep
          </button>
          {/* Streamed from the running sweep: the worst scenarios finished so far, before the whole result. */}
          {progress.message !== undefined && progress.message !== '' && (
            <small className="sweep-progress__message" role="status">
              {progress.message}
            </small>
          )}
        </div>
      )}
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {summary !== null && swept === 'intent' && summary.baseline.totalVolume === 0 && (
        <div className="problem" role="alert" data-testid="empty-intent-traffic">
          <p>{emptyIntentTrafficNote(null, 'run the sweep with gravity traffic')}</p>
          <button type="button" disabled={readOnly || progress !== null} onClick={() => void run('gravity')}>
            Run with gravity traffic instead
          </button>
        </div>
      )}
      {summary !== null && (
        <>
          <p className="muted">
            {summary.scenarioCount} scenarios: {summary.disconnecting} cut sites apart, {summary.overloading} overload a link; worst stranded demand {stranded(summary.worstStrandedDemand, summary.baseline.totalVolume, summary.baseline.unitGbps)}, worst utilisation {pct(summary.worstUtilisation)}.
          </p>
          {summary.convergence && <p className="muted" data-testid="sweep-convergence">Convergence: {convergenceWords(summary.convergence, namer === null ? undefined : labelNamer(namer, summary.worst))}.</p>}
          <table className="worst" aria-label="Worst scenarios">
            <thead>
              <tr>
                <th scope="col">Scenario</th>
                <th scope="col">Cut pairs</th>
                <th scope="col">Stranded</th>
                <th scope="col">Max util.</th>
              </tr>
            </thead>
            <tbody>
              {summary.worst.slice(0, 15).map((s) => (
                <tr key={s.label} className={shown === s.label ? 'worst--shown' : undefined}>
                  <td>
                    <button type="button" className="linkish" onClick={() => show(s)} aria-label={`Show scenario ${label(s)}`} data-scenario={s.label}>
                      {label(s)}
                    </button>
                  </td>
                  <td>{s.disconnectedPairs}</td>
                  <td>{stranded(s.strandedDemand, summary.baseline.totalVolume, summary.baseline.unitGbps)}</td>
                  <td>{pct(s.maxUtilisation)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {isolation !== null && topology !== null && (
            <details className="isolation" data-testid="sweep-isolation">
              <summary>
                {isolation.length === 0
                  ? 'No failure of one or two elements cuts a site off'
                  : `${isolation.length} failure set${isolation.length === 1 ? '' : 's'} of one or two elements cut a site off`}
              </summary>
              <ul>
                {isolation.slice(0, 30).map((x, i) => (
                  <li key={i}>{isolationInWords(topology, x)}</li>
                ))}
              </ul>
              {isolation.length > 30 && <p className="muted">The first 30 of {isolation.length}; the decision pack and nettwin simulate list the same sets.</p>}
            </details>
          )}
        </>
      )}
    </section>
  );
}
