import { useState } from 'react';
import type { DiffLine } from './designDiff';

const SHOWN = 40;
const WORDS: Record<DiffLine['change'], string> = { added: 'Added', removed: 'Removed', changed: 'Changed' };

/** The differences between two designs, in names, by kind of change with counts; long lists open on demand. */
export function DiffList({ lines, from, to }: { lines: DiffLine[] | null; from: string; to: string }) {
  const [all, setAll] = useState(false);
  if (lines === null) {
    return (
      <p className="muted compare__diff" role="note">
        Differences are drawn for designs small enough to show on a canvas.
      </p>
    );
  }
  const groups = (['added', 'removed', 'changed'] as const).map((c) => ({ change: c, lines: lines.filter((l) => l.change === c) }));
  const count = (c: DiffLine['change'], k: DiffLine['kind']): number => lines.filter((l) => l.change === c && l.kind === k).length;
  return (
    <section className="compare__diff" aria-label="Differences">
      <h3>
        From {from} to {to}:{' '}
        {lines.length === 0
          ? 'no differences in devices or links'
          : groups.map((g) => `${count(g.change, 'device')} device(s) and ${count(g.change, 'link')} link(s) ${g.change}`).join('; ')}
      </h3>
      <div className="compare__difflists">
        {groups.map((g) =>
          g.lines.length === 0 ? null : (
            <div key={g.change} className={`diff diff--${g.change}`}>
              <h4>
                {WORDS[g.change]} ({g.lines.length})
              </h4>
              <ul aria-label={`${WORDS[g.change]} elements`}>
                {(all ? g.lines : g.lines.slice(0, SHOWN)).map((l, i) => (
                  <li key={i}>
                    {l.kind} {l.text}
                  </li>
                ))}
              </ul>
              {!all && g.lines.length > SHOWN && (
                <button type="button" className="linkish" onClick={() => setAll(true)}>
                  Show all {g.lines.length}
                </button>
              )}
            </div>
          ),
        )}
      </div>
    </section>
  );
}
