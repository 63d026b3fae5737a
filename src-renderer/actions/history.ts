/**
 * Undo/redo as two stacks of whole snapshots. Snapshots share every
 * unchanged object (see edits.ts), so a step on a 2,000-node design costs the
 * two arrays, not a deep copy. Drags and layouts are one step each: the
 * caller records once, at drag end or when the layout lands.
 */
export interface History<T> {
  readonly past: readonly { state: T; label: string }[];
  readonly future: readonly { state: T; label: string }[];
}

export const HISTORY_LIMIT = 200;

export const emptyHistory = <T>(): History<T> => ({ past: [], future: [] });

/** Records that `before` was replaced by a change named `label`; clears redo. */
export function record<T>(h: History<T>, before: T, label: string): History<T> {
  const past = [...h.past, { state: before, label }];
  return { past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past, future: [] };
}

export function undo<T>(h: History<T>, current: T): { history: History<T>; state: T; label: string } | null {
  const last = h.past.at(-1);
  if (!last) return null;
  return {
    history: { past: h.past.slice(0, -1), future: [...h.future, { state: current, label: last.label }] },
    state: last.state,
    label: last.label,
  };
}

export function redo<T>(h: History<T>, current: T): { history: History<T>; state: T; label: string } | null {
  const next = h.future.at(-1);
  if (!next) return null;
  return {
    history: { past: [...h.past, { state: current, label: next.label }], future: h.future.slice(0, -1) },
    state: next.state,
    label: next.label,
  };
}
