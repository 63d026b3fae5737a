import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AuditEntryShape, OptimisationEntryShape } from '../../../src-shared/contract/learn-types';
import type { PatchOp } from '../../../src-shared/optimise/patch';
import type { Topology } from '../../../src-shared/model/topology';
import { call } from '../../api/client';
import { runInJobBar } from '../../state/jobBar';
import { useSession } from '../../state/session';
import { useBusyAction } from '../../state/useBusyAction';
import { AuditLog } from './AuditLog';
import { DiffCanvas } from './DiffCanvas';
import { diffView } from './diff';
import { PolicyPanel } from './PolicyPanel';
import { StepCard } from './StepCard';

type Strategy = 'cost' | 'resilience' | 'load';

/**
 * Optimise the selected design: run a strategy (cancellable job), review each
 * proposed step as a diff with before/after figures, approve or reject with a
 * reason, undo, and read the audit log.
 */
export function OptimiseView({ projectId }: { projectId: string }) {
  const designId = useSession((s) => s.selectedDesignId);
  const designName = useSession((s) => s.designs.find((d) => d.id === s.selectedDesignId)?.name ?? '');
  const refreshDesigns = useSession((s) => s.refreshDesigns);
  const [strategy, setStrategy] = useState<Strategy>('resilience');
  const [actor, setActor] = useState('');
  const [steps, setSteps] = useState<OptimisationEntryShape[]>([]);
  const [audit, setAudit] = useState<AuditEntryShape[]>([]);
  const [shown, setShown] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (designId === null) return;
    const [list, log] = await Promise.all([call('optimise:list', { projectId, designId }), call('audit:list', { projectId, limit: 50 })]);
    setSteps(list);
    setAudit(log);
  }, [projectId, designId]);

  // One action at a time: the steps and audit are read again after it, and the designs (a step may have made one).
  const { busy, problem, setProblem, busyWhile } = useBusyAction(async () => {
    await refresh();
    await refreshDesigns();
  });
  useEffect(() => {
    refresh().catch((err: unknown) => setProblem((err as Error).message));
  }, [refresh, setProblem]);

  const run = async (): Promise<void> => {
    if (designId === null) return;
    await busyWhile(async () => {
      const r = await runInJobBar('optimise:run', { projectId, designId, strategy, maxSteps: 5 }, {
        label: `Optimising for ${strategy}`, progressLabel: (m) => `Optimising: ${m}`,
      });
      setNote(`${r.steps.length} step(s); stopped for ${r.stoppedFor}.`);
      setShown(r.steps.at(-1)?.id ?? null);
    });
  };

  const act = async (f: () => Promise<unknown>): Promise<void> => {
    if (actor.trim() === '') {
      setProblem('say who decides (your name) before approving, rejecting or undoing');
      return;
    }
    await busyWhile(async () => {
      await f();
    });
  };

  const shownStep = steps.find((s) => s.id === shown) ?? null;
  const diff = useMemo(() => {
    if (shownStep === null) return null;
    const base = (shownStep.before as { base?: Topology } | null)?.base;
    const patch = (shownStep.after as { patch?: PatchOp[] } | null)?.patch;
    return base && patch ? diffView(base, patch) : null;
  }, [shownStep]);

  if (designId === null) return <div className="empty">Pick a design to optimise.</div>;
  return (
    <main className="optimise" aria-label="Optimise">
      <section className="optimise__side">
        <h1>Optimise “{designName}”</h1>
        <div className="row">
          <label className="field field--compact">
            <span>Strategy</span>
            <select value={strategy} onChange={(e) => setStrategy(e.target.value as Strategy)}>
              <option value="resilience">resilience (remove single points of failure)</option>
              <option value="cost">cost (drop links the intent does not need)</option>
              <option value="load">load (relieve the hottest N-1 link)</option>
            </select>
          </label>
          <label className="field field--compact">
            <span>Decided by</span>
            <input value={actor} onChange={(e) => setActor(e.target.value)} placeholder="your name" aria-invalid={problem?.startsWith('say who') === true} />
          </label>
        </div>
        <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
          Run optimiser
        </button>
        {note !== null && <p className="muted">{note}</p>}
        {problem !== null && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
        <ol className="option-list" aria-label="Optimisation steps">
          {steps.length === 0 && <li className="muted">No steps yet.</li>}
          {[...steps].reverse().map((s) => (
            <StepCard
              key={s.id}
              step={s}
              shown={s.id === shown}
              busy={busy}
              onShow={() => setShown(s.id)}
              onDecide={(decision, reason) => void act(() => call('optimise:decide', { projectId, stepId: s.id, decision, actor: actor.trim(), reason }))}
              onUndo={(reason) => void act(() => call('optimise:undo', { projectId, stepId: s.id, actor: actor.trim(), reason }))}
            />
          ))}
        </ol>
        <PolicyPanel projectId={projectId} actor={actor} />
        <h2>Audit log</h2>
        <AuditLog entries={audit} steps={steps} />
      </section>
      <section className="optimise__canvas" aria-label="Proposed change">
        {diff === null ? <div className="empty">Run the optimiser, then pick a step to see its change.</div> : <DiffCanvas topology={diff.topology} added={diff.added} removed={diff.removed} />}
        <p className="legend">
          <span className="legend__added">━ added</span> <span className="legend__removed">┅ removed</span>
        </p>
      </section>
    </main>
  );
}
