import type { Viewport } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import { useSession } from '../../state/session';
import { largeDesignNotice, tooBigToDraw } from '../import';
import { compareRows } from './metrics';
import { ReadOnlyCanvas } from '../../canvas/ReadOnlyCanvas';
import { useDesignMetrics } from './useDesignMetrics';

/**
 * Two to four designs side by side, each on its own canvas (own store and
 * provider), optionally with one shared viewport, over a metrics table that
 * marks the better value in each row and says why. A design over the
 * canvas limit gets the notice with its counts instead of a canvas, and only
 * the figures its summary holds.
 */
export function CompareView({ projectId }: { projectId: string }) {
  const ids = useSession((s) => s.compareIds);
  const allDesigns = useSession((s) => s.designs);
  const setCompareIds = useSession((s) => s.setCompareIds);
  const selectDesign = useSession((s) => s.selectDesign);
  const setError = useSession((s) => s.setError);
  const onError = useCallback((m: string) => setError(m), [setError]);
  const [sync, setSync] = useState(true);
  // Null until someone pans or zooms: each canvas first fits its own design.
  const [viewport, setViewport] = useState<Viewport | null>(null);
  const { designs, error } = useDesignMetrics(projectId, ids, allDesigns);
  const rows = useMemo(() => (designs === null ? [] : compareRows(designs.map((d) => d.metrics))), [designs]);

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
        {error !== null && (
          <span className="problem" role="alert">
            {error}
          </span>
        )}
      </div>
      <div className={`compare__canvases compare__canvases--${ids.length}`}>
        {ids.map((id) => {
          const summary = allDesigns.find((d) => d.id === id);
          const name = summary?.name ?? id;
          const tooBig = summary !== undefined && tooBigToDraw(summary.nodeCount);
          return (
            <section key={id} className="compare__pane" aria-label={`Design ${name}`}>
              <header className="compare__title">
                <strong>{name}</strong>
                <button type="button" onClick={() => selectDesign(id)} aria-label={`Continue with ${name}`}>
                  Continue with this
                </button>
              </header>
              {tooBig ? (
                <p role="note" className="compare__notice">
                  {largeDesignNotice(summary.nodeCount, summary.linkCount)} Figures other than its counts and stored cost are not computed here.
                </p>
              ) : (
                <ReadOnlyCanvas projectId={projectId} designId={id} label={`Canvas of ${name}`} onError={onError} {...(sync ? { sharedViewport: viewport, onUserMove: setViewport } : {})} />
              )}
            </section>
          );
        })}
      </div>
      <table className="metrics" aria-label="Metrics">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            {ids.map((id) => (
              <th key={id} scope="col">
                {allDesigns.find((d) => d.id === id)?.name ?? id}
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
                  </td>
                ))}
                <td className="muted">{r.why}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
