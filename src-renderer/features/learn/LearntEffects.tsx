import { useEffect, useState } from 'react';
import type { LearntEffectsShape } from '../../../src-shared/contract/learn-types';
import type { LearntEffect } from '../../../src-shared/learn/effects';
import { call } from '../../api/client';

/**
 * What the twin has learnt from this project that simulation cannot know
 * (learn:effects): calibrations from measured outcomes, preferences from the
 * board's decisions, the search order from history. Each shows what it
 * says, how it was computed, what it is used for, the evidence it rests on,
 * and a switch stored in the project (learn:setEffect). Calibrations change
 * figures, so they start off; the figures they change are listed beside the
 * uncalibrated ones once one is on.
 */
const KIND_LABEL: Record<LearntEffect['kind'], string> = {
  calibration: 'Calibration',
  preference: 'Preference',
  'step-rule': 'Optimiser decisions',
  'search-order': 'Search order',
};

const money = (x: number): string => `$${Math.round(x).toLocaleString('en-US')}`;
const figure = (x: number, unit: string): string => (unit === 'USD' ? money(x) : `${x.toPrecision(4)} ${unit}`);

export function LearntEffects({ projectId, version }: { projectId: string; version: number }) {
  const [view, setView] = useState<LearntEffectsShape | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    call('learn:effects', { projectId }).then(
      (v) => {
        if (!alive) return;
        setView(v);
        setProblem(null);
      },
      (err: unknown) => alive && setProblem((err as Error).message),
    );
    return () => {
      alive = false;
    };
  }, [projectId, version]);

  const toggle = async (e: LearntEffect): Promise<void> => {
    setBusy(e.id);
    setProblem(null);
    try {
      setView(await call('learn:setEffect', { projectId, effectId: e.id, enabled: !e.enabled }));
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card learnt-effects" aria-label="Learnt effects">
      <h2>Learnt effects</h2>
      <p className="muted">
        What this project's measured outcomes, decisions and the history say that simulation cannot know. Calibrations change figures and apply only once switched on; preferences only order options that are equally good on the goal; the search order only decides what is tried first. Switches are kept in the project file.
      </p>
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {view === null ? (
        problem === null && <p className="muted">Loading…</p>
      ) : (
        <>
          <ul className="effect-list">
            {view.effects.map((e) => (
              <li key={e.id} className="effect" data-testid={`effect-${e.id}`}>
                <label className="effect__switch">
                  <input
                    type="checkbox"
                    role="switch"
                    aria-checked={e.enabled}
                    checked={e.enabled}
                    disabled={busy !== null}
                    onChange={() => void toggle(e)}
                    aria-label={`Use ${e.title}`}
                  />
                  <strong>{e.title}</strong> <span className="muted">({KIND_LABEL[e.kind]}{e.enabled ? ', on' : ', off'}{e.learnt ? '' : ', not enough evidence yet'})</span>
                </label>
                <p>{e.statement}</p>
                <p className="muted">
                  Method: {e.method}. Use: {e.use}.
                  {e.switchedBy !== null && ` Switched ${e.enabled ? 'on' : 'off'} by ${e.switchedBy.actor} on ${new Date(e.switchedBy.at).toLocaleString()}.`}
                </p>
                <details>
                  <summary>Evidence ({e.evidence.length})</summary>
                  <ul>
                    {e.evidence.map((ev, i) => (
                      <li key={`${ev.id}-${i}`}>{ev.text}</li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
          {view.calibrated.length > 0 && (
            <table className="worst" aria-label="Calibrated figures">
              <caption>Figures with the calibrations that are on (95 % range from the factor's interval)</caption>
              <thead>
                <tr><th scope="col">Design</th><th scope="col">Figure</th><th scope="col">Twin / price book</th><th scope="col">Calibrated</th><th scope="col">Range</th></tr>
              </thead>
              <tbody>
                {view.calibrated.map((c) => (
                  <tr key={`${c.designId}|${c.what}`}>
                    <td>{c.name}</td><td>{c.what}</td><td>{figure(c.raw, c.unit)}</td><td>{figure(c.calibrated.value, c.unit)}</td>
                    <td>{figure(c.calibrated.low, c.unit)}–{figure(c.calibrated.high, c.unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
