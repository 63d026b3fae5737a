/** Progress of a long job with a cancel button. */
export function JobBar({ label, done, total, onCancel }: { label: string; done: number; total: number; onCancel: () => void }) {
  const pct = total > 0 ? Math.round((100 * done) / total) : 0;
  return (
    <div className="jobbar" role="group" aria-label="Job progress">
      <span className="jobbar__label">{label}</span>
      <progress max={100} value={pct} aria-label={label} />
      <span className="jobbar__pct">{pct}%</span>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
