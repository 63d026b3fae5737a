import { useEffect, useState } from 'react';
import { jobTimeText } from './jobTime';

/** Progress of a long job: what it is doing, how far, how long it has run and about how long is left, and Cancel. */
export function JobBar({ label, done, total, startedAt, onCancel }: { label: string; done: number; total: number; startedAt: number; onCancel: () => void }) {
  const pct = total > 0 ? Math.round((100 * done) / total) : 0;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // The time shown moves while no progress event arrives (a long step).
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <div className="jobbar" role="group" aria-label="Job progress">
      <span className="jobbar__label" title={label}>
        {label}
      </span>
      <progress max={100} value={pct} aria-label={label} />
      <span className="jobbar__pct">{pct}%</span>
      <span className="jobbar__time" aria-label="Time">{jobTimeText(Math.max(0, now - startedAt), done, total)}</span>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
