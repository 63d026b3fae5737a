import type { Viewport } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import { useSession } from '../../state/session';
import { largeDesignNotice, tooBigToDraw } from '../import';
import { compareRows } from './metrics';
import { CompareCanvas, type Marks } from './CompareCanvas';
import { distinctNames } from './distinctNames';
import { DiffList } from './DiffList';
import { diffDesigns, diffInWords, diffMarks } from './designDiff';
import { useDesignMetrics } from './useDesignMetrics';
import './compare.css';

/**
 * Two to four designs side by side, each on its own canvas fitted to its
 * pane (no minimap over it), optionally with one shared viewport; the
 * differences between two of them coloured on their canvases and listed; and
 * a metrics table (cost, budget, availability, worst-case utilisation, the
 * stored sweep, structure) that marks the better value in each row and says
 * why. A design over the canvas limit gets the notice with its counts
 * instead of a canvas, and only the figures its summary holds.
 */
export function CompareView({ projectId }: { projectId: string }) {
  const ids = useSession((s) => s.compareIds);
  const allDesigns = useSession((s) => s.designs);
  const setCompareIds = useSession((s) => s.setCompareIds);
  const selectDesign = useSession((s) => s.selectDesign);
  const setError = useSession((s) => s.setError);
  const onError = useCallback((m: string) => setError(m), [setError]);
  const [sync, setSync] = useState(false);
  // Null until someone pans or zooms: each canvas first fits its own design.
  const [viewport, setViewport] = useState<Viewport | null>(null);
  const [fitSignal, setFitSignal] = useState(0);
  // One layout worker serves every canvas and a newer layout supersedes a running one
  // (canvas/layout/layoutClient.ts): designs without positions are shown one after another.
  const [settled, setSettled] = useState<ReadonlySet<string>>(new Set());
  const onSettled = useCallback((id: string) => setSettled((s) => (s.has(id) ? s : new Set([...s, id]))), []);
  const { designs, error } = useDesignMetrics(projectId, ids, allDesigns);
  const rows = useMemo(() => (designs === null ? [] : compareRows(designs.map((d) => d.metrics))), [designs]);
  const nameOf = (id: string): string => allDesigns.find((d) => d.id === id)?.name ?? id;
  // In the pickers: what tells the designs apart, the whole name in the tooltip (distinctNames.ts).
  const shortNames = distinctNames(ids.map(nameOf));
  const shortOf = (id: string): string => shortNames[ids.indexOf(id)] ?? nameOf(id);

  // The pair whose differences are shown: the first two by default; '' turns it off.
  const [pick, setPick] = useState<{ a: string; b: string } | null>(null);
  const pair = pick ?? (ids.length >= 2 ? { a: ids[0]!, b: ids[1]! } : null);
  const pairValid = pair !== null && pair.a !== '' && pair.b !== '' && pair.a !== pair.b && ids.includes(pair.a) && ids.includes(pair.b);
  const diff = useMemo(() => {
    if (!pairValid || designs === null) return null;
    const a = designs.find((d) => d.record.id === pair.a)?.topology;
    const b = designs.find((d) => d.record.id === pair.b)?.topology;
    if (!a || !b) return null;
    const d = diffDesigns(a, b);
    return { marks: diffMarks(d), lines: diffInWords(d, a, b) };
  }, [pairValid, pair?.a, pair?.b, designs]);
  const marksOf = (id: string): Marks | null => (diff === null ? null : id === pair?.a ? diff.marks.a : id === pair?.b ? diff.marks.b : null);

  if (ids.length < 2) {
    const quick = allDesigns.slice(0, 4).map((d) => d.id);
    return (
      <div className="empty empty--column">
        <p>Tick two to four designs in the list on the left to compare them.</p>
        <button type="button" className="primary" disabled={quick.length < 2} onClick={() => setCompareIds(quick)}>
          Compare the first {Math.min(4, allDesigns.length)} designs
        </button>
      </div>
    );
  }
  return (
    <div className="compare" aria-label="Comparison">
      <div className="compare__bar">
        <label className="check">
          <input type="checkbox" checked={sync} onChange={(e) => setSync(e.target.checked)} />
          Synchronise viewports
        </label>
        <button
          type="button"
          onClick={() => {
            setViewport(null);
            setFitSignal((n) => n + 1);
          }}
        >
          Fit every design
        </button>
        <span className="compare__diffpick" role="group" aria-label="Differences">
          Differences from{' '}
          <select aria-label="Differences from" title={pair ? nameOf(pair.a) : undefined} value={pair?.a ?? ''} onChange={(e) => setPick({ a: e.target.value, b: pair?.b ?? '' })}>
            <option value="">(off)</option>
            {ids.map((id) => (
              <option key={id} value={id} title={nameOf(id)}>
                {shortOf(id)}
              </option>
            ))}
          </select>{' '}
          to{' '}
          <select aria-label="Differences to" title={pair ? nameOf(pair.b) : undefined} value={pair?.b ?? ''} onChange={(e) => setPick({ a: pair?.a ?? '', b: e.target.value })}>
            <option value="">(off)</option>
            {ids.map((id) => (
              <option key={id} value={id} title={nameOf(id)}>
                {shortOf(id)}
              </option>
            ))}
          </select>
        </span>
        <span className="compare__legend" aria-hidden="true">
          <span className="legend__added">━ added</span> <span className="legend__removed">┅ removed</span> <span className="legend__changed">━ changed</span>
        </span>
        {error !== null && (
          <span className="problem" role="alert">
            {error}
          </span>
        )}
      </div>
      <div className="compare__scroll">
        <div className={`compare__canvases compare__canvases--${ids.length}`}>
          {ids.map((id, index) => {
            const summary = allDesigns.find((d) => d.id === id);
            const name = summary?.name ?? id;
            const tooBig = summary !== undefined && tooBigToDraw(summary.nodeCount);
            const drawable = (x: string): boolean => {
              const s = allDesigns.find((d) => d.id === x);
              return s === undefined || !tooBigToDraw(s.nodeCount);
            };
            const waiting = ids.slice(0, index).some((x) => drawable(x) && !settled.has(x));
            const role = id === pair?.a && diff !== null ? ' (differences from)' : id === pair?.b && diff !== null ? ' (differences to)' : '';
            return (
              <section key={id} className="compare__pane" aria-label={`Design ${name}`}>
                <header className="compare__title">
                  <strong>
                    {name}
                    <span className="muted">{role}</span>
                  </strong>
                  <button type="button" onClick={() => selectDesign(id)} aria-label={`Continue with ${name}`}>
                    Continue with this
                  </button>
                </header>
                {tooBig ? (
                  <p role="note" className="compare__notice">
                    {largeDesignNotice(summary.nodeCount, summary.linkCount)} Figures other than its counts and stored cost are not computed here.
                  </p>
                ) : waiting ? (
                  <div className="canvas canvas--inline compare__canvas" data-status="waiting">
                    <div className="canvas__status" role="status">
                      Waiting for the designs on the left to be laid out…
                    </div>
                  </div>
                ) : (
                  <CompareCanvas
                    projectId={projectId}
                    designId={id}
                    label={`Canvas of ${name}`}
                    onError={onError}
                    marks={marksOf(id)}
                    fitSignal={fitSignal}
                    onSettled={onSettled}
                    {...(sync ? { sharedViewport: viewport, onUserMove: setViewport } : {})}
                  />
                )}
              </section>
            );
          })}
        </div>
        {pairValid && designs !== null && (
          <DiffList lines={diff?.lines ?? null} from={nameOf(pair.a)} to={nameOf(pair.b)} />
        )}
        <table className="metrics" aria-label="Metrics">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              {ids.map((id) => (
                <th key={id} scope="col">
                  {nameOf(id)}
                </th>
              ))}
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {designs === null ? (
              <tr>
                <td colSpan={ids.length + 2} className="muted">
                  Computing…
                </td>
              </tr>
            ) : (
              rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  {r.values.map((v, i) => (
                    <td key={i} className={r.best.includes(i) ? 'better' : undefined} aria-label={r.best.includes(i) ? `${v} (better)` : v}>
                      {v}
                      {r.best.includes(i) ? ' ★' : ''}
                      {r.details[i] ? <span className="metrics__detail">{r.details[i]}</span> : null}
                    </td>
                  ))}
                  <td className="muted">{r.why}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
