import { useEffect, useState, type FormEvent } from 'react';
import { DEFAULT_MAX_ELEMENTS, type GovernancePolicy } from '../../../src-shared/optimise/governance';
import { call } from '../../api/client';

const STRATEGIES = ['cost', 'resilience', 'load'] as const;

/**
 * The project's governance policy: which optimiser steps may be approved
 * automatically (strategies, and a cost-change threshold); every other step
 * waits for a named person. Changing it is itself audited.
 */
export function PolicyPanel({ projectId, actor }: { projectId: string; actor: string }) {
  const [policy, setPolicy] = useState<GovernancePolicy | null>(null);
  const [limit, setLimit] = useState('');
  const [auto, setAuto] = useState<Set<string>>(new Set());
  const [maxElements, setMaxElements] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    call('optimise:policy', { projectId }).then(
      (p) => {
        setPolicy(p);
        setLimit(String(p.autoApproveMaxCostUsd));
        setAuto(new Set(p.autoStrategies));
        setMaxElements(String(p.autoApproveMaxElements ?? DEFAULT_MAX_ELEMENTS));
      },
      (err: unknown) => setProblem((err as Error).message),
    );
  }, [projectId]);
  const amount = Number(limit);
  const limitProblem = limit.trim() === '' || !Number.isFinite(amount) || amount < 0 ? 'a cost in USD, 0 or more' : null;
  const elements = Number(maxElements);
  const elementsProblem = !Number.isInteger(elements) || elements < 0 || maxElements.trim() === '' ? 'a whole number, 0 or more' : null;
  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setSaved(false);
    setProblem(null);
    try {
      const next = await call('optimise:setPolicy', {
        projectId, actor: actor.trim(),
        policy: { autoApproveMaxCostUsd: amount, autoStrategies: STRATEGIES.filter((s) => auto.has(s)), autoApproveMaxElements: elements },
      });
      setPolicy(next);
      setSaved(true);
    } catch (err) {
      setProblem((err as Error).message);
    }
  };
  if (policy === null) return problem === null ? <p className="muted">Loading policy…</p> : <p className="problem" role="alert">{problem}</p>;
  return (
    <form className="policy" aria-label="Governance policy" onSubmit={(e) => void save(e)}>
      <h2>Governance policy</h2>
      <label className="field">
        <span>Approve automatically when the cost changes by less than (USD)</span>
        <input inputMode="numeric" value={limit} aria-invalid={limitProblem !== null} onChange={(e) => setLimit(e.target.value)} />
        {limitProblem !== null && <small className="problem">{limitProblem}</small>}
      </label>
      <label className="field">
        <span>…and the step changes at most this many links and devices</span>
        <input inputMode="numeric" value={maxElements} aria-invalid={elementsProblem !== null} onChange={(e) => setMaxElements(e.target.value)} />
        {elementsProblem !== null && <small className="problem">{elementsProblem}</small>}
      </label>
      <p className="muted">A step that lowers the achieved redundancy class always waits for a person.</p>
      <fieldset className="row">
        <legend>Strategies that may be approved automatically</legend>
        {STRATEGIES.map((s) => (
          <label key={s}>
            <input
              type="checkbox"
              checked={auto.has(s)}
              onChange={(e) => setAuto((cur) => {
                const next = new Set(cur);
                if (e.target.checked) next.add(s);
                else next.delete(s);
                return next;
              })}
            />{' '}
            {s}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={limitProblem !== null || elementsProblem !== null || actor.trim() === ''} title={actor.trim() === '' ? 'enter your name above first' : undefined}>
        Save policy
      </button>
      {saved && <p role="status">Policy saved.</p>}
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
