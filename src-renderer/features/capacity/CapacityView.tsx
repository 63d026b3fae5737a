import { useCallback, useEffect, useMemo, useState } from 'react';
import { forecastSvg } from '../../../src-shared/capacity/chart';
import type { StoredCapacityPlan } from '../../../src-shared/capacity/types';
import type { Topology } from '../../../src-shared/model/topology';
import type { TrafficPeriodRecord } from '../../../src-shared/traffic/records';
import { call } from '../../api/client';
import { runInJobBar } from '../../state/jobBar';
import { useSession } from '../../state/session';
import { useBusyAction } from '../../state/useBusyAction';
import { DiffCanvas, diffView } from '../optimise';
import { HeatMap } from './HeatMap';
import { StepDetail } from './StepDetail';

const usd = (x: number): string => `$${Math.round(x).toLocaleString('en-US')}`;
const pct = (x: number): string => `${(x * 100).toFixed(0)} %`;

/**
 * Capacity planning for the selected design: import measured counters (kept
 * per period), plan over the forecast periods (a cancellable job: the one
 * planner, src-shared/capacity), and read the result — the forecast with its
 * interval, the utilisation heat per link and period as the design stands
 * and with the plan, the plan as a timeline of dated, costed steps. Clicking a
 * step shows it on the canvas, with its worst case before and after and its
 * approval (approve or reject with a name and reason, mark built, compare
 * with what was measured since).
 */
export function CapacityView({ projectId }: { projectId: string }) {
  const designId = useSession((s) => s.selectedDesignId);
  const designName = useSession((s) => s.designs.find((d) => d.id === s.selectedDesignId)?.name ?? '');
  const readOnly = useSession((s) => s.project?.readOnly ?? false);
  const refreshDesigns = useSession((s) => s.refreshDesigns);
  const [plans, setPlans] = useState<StoredCapacityPlan[]>([]);
  const [periods, setPeriods] = useState<TrafficPeriodRecord[]>([]);
  const [topology, setTopology] = useState<Topology | null>(null);
  const [count, setCount] = useState('5');
  const [growth, setGrowth] = useState('');
  const [siteGrowth, setSiteGrowth] = useState('');
  const [basis, setBasis] = useState<'' | 'measured' | 'intent'>('');
  const [bound, setBound] = useState<'expected' | 'high'>('expected');
  const [importPeriod, setImportPeriod] = useState<'quarter' | 'month' | 'week' | 'day'>('quarter');
  const [withPlan, setWithPlan] = useState(false);
  const [shown, setShown] = useState<number | null>(null);
  const [actor, setActor] = useState('');
  const [note, setNote] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (designId === null) return;
    const [list, measured, rec] = await Promise.all([
      call('capacity:list', { projectId, designId }),
      call('traffic:periods', { projectId, designId }),
      call('design:get', { projectId, designId }),
    ]);
    setPlans(list);
    setPeriods(measured);
    setTopology(rec.topology);
  }, [projectId, designId]);

  const { busy, problem, setProblem, busyWhile } = useBusyAction(refresh);
  useEffect(() => {
    refresh().catch((err: unknown) => setProblem((err as Error).message));
  }, [refresh, setProblem]);

  const importCounters = async (file: File): Promise<void> => {
    if (designId === null) return;
    await busyWhile(async () => {
      const r = await call('traffic:import', { projectId, designId, text: await file.text(), source: file.name, period: importPeriod });
      setNote(`${file.name}: ${r.report.matched} of ${r.report.samples} samples matched; periods ${r.periods.map((p) => p.label).join(', ')}.`);
    });
  };

  const plan = async (): Promise<void> => {
    if (designId === null) return;
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > 40) {
      setProblem('periods: a whole number from 1 to 40');
      return;
    }
    await busyWhile(async () => {
      const r = await runInJobBar(
        'capacity:plan',
        {
          projectId,
          designId,
          periods: n,
          ...(growth.trim() ? { growth: growth.trim() } : {}),
          ...(siteGrowth.trim() ? { siteGrowth: siteGrowth.trim() } : {}),
          ...(basis ? { basis } : {}),
          bound,
        },
        { label: 'Planning capacity', progressLabel: (m) => `Capacity: ${m}` },
      );
      setShown(r.plan.steps[0]?.seq ?? null);
      setNote(`Plan: ${r.plan.steps.length} step(s), ${r.plan.work.checks} capacity checks in ${(r.plan.work.ms / 1000).toFixed(1)} s.`);
    });
  };

  const current = plans[0] ?? null;
  const r = current?.plan ?? null;
  const step = r?.steps.find((s) => s.seq === shown) ?? null;
  const state = current?.steps.find((s) => s.seq === shown);
  const diff = useMemo(() => {
    if (topology === null || step === null) return null;
    const op = step.patch[0];
    // A built step is already in the design: highlight it there.
    if (op?.op === 'add-link' && topology.links.some((l) => l.id === op.link.id)) return { topology, added: new Set([op.link.id]), removed: new Set<string>() };
    return diffView(topology, step.patch);
  }, [topology, step]);
  const chart = useMemo(() => (r ? forecastSvg(r, 520, 200) : ''), [r]);

  const act = (f: () => Promise<unknown>): void => {
    if (actor.trim() === '') {
      setProblem('say who decides (your name) before approving, rejecting or marking built');
      return;
    }
    void busyWhile(async () => {
      await f();
      await refreshDesigns();
    });
  };

  if (designId === null) return <div className="empty">Pick a design to plan its capacity.</div>;
  const byPeriod = r ? r.periods.filter((p) => p.steps > 0).map((p) => ({ p, steps: r.steps.filter((s) => s.due.label === p.label) })) : [];
  return (
    <main className="capacity" aria-label="Capacity">
      <section className="capacity__side">
        <h1>Capacity “{designName}”</h1>
        <p className="muted">
          {periods.length === 0 ? 'No measured traffic yet: import counters, or plan on the intent’s traffic.' : `Measured periods: ${periods.map((p) => `${p.label} (${p.statistic})`).join(', ')}.`}
        </p>
        <div className="row">
          <label className="field field--compact">
            <span>Import counters (CSV or Prometheus JSON)</span>
            <input type="file" accept=".csv,.json,.txt" disabled={busy || readOnly} onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void importCounters(f); }} />
          </label>
          <label className="field field--compact">
            <span>Period</span>
            <select value={importPeriod} onChange={(e) => setImportPeriod(e.target.value as typeof importPeriod)}>
              <option value="quarter">quarter</option>
              <option value="month">month</option>
              <option value="week">week</option>
              <option value="day">day</option>
            </select>
          </label>
        </div>
        <form className="capacity__form" aria-label="Plan options" onSubmit={(e) => { e.preventDefault(); void plan(); }}>
          <label className="field field--compact">
            <span>Periods ahead</span>
            <input inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} />
          </label>
          <label className="field field--compact">
            <span>Growth per period</span>
            <input value={growth} onChange={(e) => setGrowth(e.target.value)} placeholder={periods.length >= 2 ? 'fitted (default)' : 'e.g. 5% or linear:3%'} />
          </label>
          <label className="field field--compact">
            <span>Per site or group</span>
            <input value={siteGrowth} onChange={(e) => setSiteGrowth(e.target.value)} placeholder="Paris HQ=8%, region:apac=12%" />
          </label>
          <label className="field field--compact">
            <span>Demands</span>
            <select value={basis} onChange={(e) => setBasis(e.target.value as typeof basis)}>
              <option value="">measured when there are counters</option>
              <option value="measured">measured (estimated matrix)</option>
              <option value="intent">intent’s traffic model</option>
            </select>
          </label>
          <label className="field field--compact">
            <span>Plan on</span>
            <select value={bound} onChange={(e) => setBound(e.target.value as typeof bound)}>
              <option value="expected">expected growth</option>
              <option value="high">upper end of the interval</option>
            </select>
          </label>
          <button type="submit" className="primary" disabled={busy || readOnly}>
            Plan capacity
          </button>
        </form>
        {note !== null && (
          <p className="muted" role="status">
            {note}
          </p>
        )}
        {problem !== null && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
        {r === null ? (
          <p className="muted">No plan yet.</p>
        ) : (
          <>
            <h2>Plan of {new Date(current!.createdAt).toLocaleString()}</h2>
            <p>
              {r.basis.text}. Limit {r.limitPct} % under the {r.redundancy} failure set ({r.failureSet}), built for +{r.buildForPct} %. Growth: {r.growth.base}
              {r.growth.network.intervalPct ? ` (network ${r.growth.network.rule}, 95 % interval ${r.growth.network.intervalPct[0]} to ${r.growth.network.intervalPct[1]} %)` : ''}.
            </p>
            <p>
              <strong>
                {r.steps.length} step{r.steps.length === 1 ? '' : 's'}: {usd(r.totals.capexUsd)} capex + {usd(r.totals.monthlyUsd)}/month
              </strong>{' '}
              ({usd(r.totals.tcoUsd)} over {r.totals.termYears} years). IGP alternative: {r.igp.note}.
            </p>
            <figure className="capacity__chart" aria-label="Forecast" dangerouslySetInnerHTML={{ __html: chart }} />
            <h2>Timeline</h2>
            {byPeriod.length === 0 && <p className="muted">No step needed in any period.</p>}
            <ol className="capacity__timeline" aria-label="Plan timeline">
              {byPeriod.map(({ p, steps }) => (
                <li key={p.label}>
                  <span className="capacity__when">by {p.title}</span>
                  <ul>
                    {steps.map((s) => {
                      const st = current!.steps.find((x) => x.seq === s.seq);
                      return (
                        <li key={s.seq}>
                          <button type="button" aria-pressed={shown === s.seq} className={shown === s.seq ? 'capacity__stepbtn capacity__stepbtn--on' : 'capacity__stepbtn'} onClick={() => setShown(s.seq)}>
                            {s.seq}. {s.kind === 'diverse' ? 'new diverse circuit' : `${s.linkLabel} ${s.from} → ${s.to}`} · {usd(s.capexUsd)} + {usd(s.monthlyUsd)}/mo · {pct(s.before[0]!.utilisation)} → {pct(s.after.find((a) => a.link === s.before[0]!.link)?.utilisation ?? NaN)}
                            <span className="capacity__status" data-status={st?.status}>{st?.status}</span>
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                </li>
              ))}
            </ol>
            {r.unresolved.length > 0 && (
              <ul className="problem">
                {r.unresolved.map((u) => (
                  <li key={u}>{u}</li>
                ))}
              </ul>
            )}
            <label className="field field--compact">
              <span>Decided by</span>
              <input value={actor} onChange={(e) => setActor(e.target.value)} placeholder="your name" />
            </label>
            {step !== null && (
              <StepDetail
                step={step}
                state={state}
                busy={busy}
                readOnly={readOnly}
                onDecide={(decision, reason) => act(() => call('capacity:decide', { projectId, stepId: state!.id, decision, actor: actor.trim(), reason }))}
                onBuilt={() => act(() => call('capacity:built', { projectId, stepId: state!.id, actor: actor.trim() }))}
              />
            )}
            <button type="button" disabled={busy || readOnly} onClick={() => void busyWhile(async () => void (await call('capacity:outcomes', { projectId, planId: current!.id })))}>
              Compare built steps with measured traffic
            </button>
            <h2>Utilisation heat</h2>
            <label className="check">
              <input type="checkbox" checked={withPlan} onChange={(e) => setWithPlan(e.target.checked)} /> with the plan
            </label>
            <HeatMap plan={r} withPlan={withPlan} />
          </>
        )}
      </section>
      <section className="capacity__canvas" aria-label="Step on the canvas">
        {diff === null ? <div className="empty">Plan, then pick a step to see it on the design.</div> : <DiffCanvas topology={diff.topology} added={diff.added} removed={diff.removed} />}
        <p className="legend">
          <span className="legend__added">━ changed or added by the step</span>
        </p>
      </section>
    </main>
  );
}
