import { useState, type FormEvent } from 'react';
import type { DecisionRecord } from '../../../src-shared/model/records';
import { choiceInWords } from '../../../src-shared/report/decision';
import { headlineLabel, monthlyRows } from '../../../src-shared/cost/labels';
import { stranded } from '../../../src-shared/report/format';
import { elementNamer } from '../../../src-shared/model/names';
import type { Intent } from '../../../src-shared/model/intent';
import { roleStyle } from '../../canvas/roles';
import type { DeviceRole } from '../../../src-shared/model/topology';
import type { LoadedDesign } from '../compare';
import type { CompareRow } from '../compare';
import type { OptimisationEntryShape } from '../../../src-shared/contract/learn-types';
import type { SweepSummaryShape } from '../../../src-shared/contract/sim-types';

const money = (v: number): string => `$${Math.round(v).toLocaleString('en-US')}`;

export function IntentSlide({ intent, design }: { intent: Intent | null; design: LoadedDesign }) {
  if (intent === null) {
    return <p className="present__lead">“{design.record.name}” was {design.record.source}; it has no stated intent.</p>;
  }
  const sites = intent.siteGroups.reduce((n, g) => n + Math.max(g.count ?? 0, g.sites?.length ?? 0), 0);
  return (
    <ul className="present__points">
      <li>
        <strong>{sites} sites</strong> in {new Set(intent.siteGroups.map((g) => g.region)).size} region(s):{' '}
        {intent.siteGroups.map((g) => `${g.count ?? g.sites?.length} ${g.role}`).join(', ')}
      </li>
      <li>
        Redundancy <strong>{intent.redundancy}</strong>, goal <strong>{intent.goal}</strong>
      </li>
      <li>Budget {intent.budgetUsd !== undefined ? <strong>{money(intent.budgetUsd)}</strong> : 'not set'}, growth headroom {intent.growthHeadroomPct} %</li>
    </ul>
  );
}

export function OptionsSlide({ designs, chosenId }: { designs: LoadedDesign[]; chosenId: string }) {
  // Unknown figures (NaN, a design too large to analyse here) rank last.
  const rank = (v: number, worst: number): number => (Number.isFinite(v) ? v : worst);
  const ranked = [...designs].sort(
    (a, b) => rank(b.metrics.score, -Infinity) - rank(a.metrics.score, -Infinity) || rank(a.metrics.costUsd, Infinity) - rank(b.metrics.costUsd, Infinity),
  );
  return (
    <table className="present__table">
      <thead>
        <tr>
          <th scope="col">Option</th>
          <th scope="col">Score</th>
          <th scope="col">Redundancy</th>
          <th scope="col">Cost</th>
          <th scope="col">Single points</th>
        </tr>
      </thead>
      <tbody>
        {ranked.map((d) => (
          <tr key={d.record.id} className={d.record.id === chosenId ? 'chosen' : undefined}>
            <th scope="row">
              {d.record.name}
              {d.record.id === chosenId ? ' ◀ chosen' : ''}
            </th>
            <td>{Number.isFinite(d.metrics.score) ? d.metrics.score.toFixed(0) : '—'}</td>
            <td>{d.metrics.redundancy}</td>
            <td>{Number.isFinite(d.metrics.costUsd) ? money(d.metrics.costUsd) : '—'}</td>
            <td>{Number.isFinite(d.metrics.singlePoints) ? d.metrics.singlePoints : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function EvidenceSlide({ design, sweep }: { design: LoadedDesign; sweep: SweepSummaryShape | null }) {
  const v = design.metrics.validation;
  const failing = v === null ? [] : v.checks.filter((c) => !c.passed);
  return (
    <ul className="present__points">
      {sweep !== null && (
        <li>
          Failure sweep: <strong>{sweep.scenarioCount}</strong> scenarios, <strong>{sweep.disconnecting}</strong> cut sites apart, worst stranded demand{' '}
          <strong>{stranded(sweep.worstStrandedDemand, sweep.baseline.totalVolume, sweep.baseline.unitGbps)}</strong>
          {sweep.worst[0] ? ` (worst: ${design.topology === null ? sweep.worst[0].label : elementNamer(design.topology).scenario(sweep.worst[0])})` : ''}
        </li>
      )}
      {v === null ? (
        <li>
          {design.metrics.devices.toLocaleString('en-US')} devices: too large to validate on this screen; validate it from the design screen (it runs in the background)
        </li>
      ) : (
        <>
          <li>
            Meets the intent: <strong>{v.passed ? 'yes' : 'no'}</strong> (score {v.score.toFixed(0)} / 100), redundancy achieved <strong>{design.metrics.redundancy}</strong>
          </li>
          <li>
            <strong>{design.metrics.singlePoints}</strong> single point(s) of failure (links or devices whose loss alone splits the network)
          </li>
          {failing.slice(0, 4).map((c) => (
            <li key={c.id}>
              ✗ {c.title}: {c.message}
            </li>
          ))}
          {failing.length === 0 && <li>✓ Every check passes.</li>}
        </>
      )}
    </ul>
  );
}

export function CostSlide({ design }: { design: LoadedDesign }) {
  const c = design.metrics.cost;
  if (c === null) {
    const total = design.metrics.costUsd;
    return (
      <p className="present__lead">
        {Number.isFinite(total) ? `${money(total)} in all. ` : ''}The cost breakdown of {design.metrics.devices.toLocaleString('en-US')} devices is not computed on this screen.
      </p>
    );
  }
  const roles = Object.entries(c.byRole).sort((a, b) => b[1].usd - a[1].usd);
  return (
    <div className="present__split">
      <div>
        <p className="present__big">{money(c.totalUsd)}</p>
        <p className="present__unit">{headlineLabel(c)}</p>
      </div>
      <table className="present__table">
        <tbody>
          <tr>
            <th scope="row">Capex</th>
            <td>{money(c.capexUsd)}</td>
          </tr>
          <tr>
            <th scope="row">Monthly recurring</th>
            <td>{money(c.mrcUsd)}</td>
          </tr>
          {monthlyRows(c).map((r) => (
            <tr key={r.label}>
              <th scope="row">· {r.label} a month</th>
              <td>{money(r.usd)}</td>
            </tr>
          ))}
          {roles.map(([role, r]) => (
            <tr key={role}>
              <th scope="row">
                {r.count} × {roleStyle(role as DeviceRole)?.name ?? role}
              </th>
              <td>{money(r.usd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DecisionSlide({
  chosen,
  all,
  rows,
  decisions,
  decided,
  onChoose,
}: {
  chosen: LoadedDesign;
  all: LoadedDesign[];
  rows: CompareRow[];
  decisions: OptimisationEntryShape[];
  decided: DecisionRecord | null;
  onChoose: (actor: string, reason: string) => Promise<void>;
}) {
  const i = all.findIndex((d) => d.record.id === chosen.record.id);
  const wins = rows.filter((r) => r.best.includes(i));
  const steps = decisions.filter((d) => d.decidedBy !== null);
  const isDecided = decided !== null && decided.subjectId === chosen.record.id;
  return (
    <>
      <ul className="present__points">
        {isDecided ? (
          <li>
            Decided: <strong>{chosen.record.name}</strong>, from {all.length} option(s). {choiceInWords(decided)}
          </li>
        ) : (
          <li>
            No design has been decided yet. Shown: <strong>{chosen.record.name}</strong> (selected, one of {all.length} option(s)) — a proposal for the board, not a decision.
          </li>
        )}
        {wins.length === 0 ? <li>It leads on no single metric: a balance of the trade-offs.</li> : wins.map((r) => <li key={r.label}>★ {r.why}</li>)}
        {steps.slice(0, 4).map((d) => (
          <li key={d.id}>
            {d.status === 'rejected' ? '✗' : d.status === 'undone' ? '↶' : '✓'} {d.rule}: <strong>{d.status}</strong> by {d.decidedBy}
            {d.decisionReason ? ` — “${d.decisionReason}”` : ''}
          </li>
        ))}
        <li className="muted">Revision {chosen.record.revision}, last changed {new Date(chosen.record.updatedAt).toLocaleString()}</li>
      </ul>
      {!isDecided && <ChooseForm name={chosen.record.name} onChoose={onChoose} />}
    </>
  );
}

/** Records the board's choice: who decides and why; both required, as for every decision. */
function ChooseForm({ name, onChoose }: { name: string; onChoose: (actor: string, reason: string) => Promise<void> }) {
  const [actor, setActor] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    e.stopPropagation();
    if (actor.trim() === '' || reason.trim() === '') return setProblem('say who decides and give the rationale');
    setBusy(true);
    try {
      await onChoose(actor.trim(), reason.trim());
      setProblem(null);
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="present__decide" aria-label="Record the decision" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.stopPropagation()}>
      <label className="field">
        <span>Decided by</span>
        <input value={actor} onChange={(e) => setActor(e.target.value)} maxLength={200} />
      </label>
      <label className="field">
        <span>Rationale</span>
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        Choose {name}
      </button>
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
