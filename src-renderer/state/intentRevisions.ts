import { create } from 'zustand';
import type { IntentEdit } from '../../src-shared/learn/intent-edit';
import type { Intent } from '../../src-shared/model/intent';

/**
 * Intent revisions applied in this session (a relaxation clicked in the
 * Options view), newest last, per project. Each is a stored intent record
 * (intent:revise); the views work on the newest while its base — the intent
 * behind the project's designs — is still the one they show. Undo pops the
 * newest. A design generated from a revised intent carries it from then on.
 */
export interface IntentRevision {
  id: string;
  intent: Intent;
  edit: IntentEdit;
}

interface RevisionsState {
  byProject: Record<string, { baseId: string; stack: IntentRevision[] } | undefined>;
  push: (projectId: string, baseId: string, r: IntentRevision) => void;
  pop: (projectId: string) => IntentRevision | null;
}

export const useIntentRevisions = create<RevisionsState>((set, get) => ({
  byProject: {},
  push: (projectId, baseId, r) =>
    set((s) => {
      const cur = s.byProject[projectId];
      const stack = cur !== undefined && cur.baseId === baseId ? [...cur.stack, r] : [r];
      return { byProject: { ...s.byProject, [projectId]: { baseId, stack } } };
    }),
  pop: (projectId) => {
    const cur = get().byProject[projectId];
    const top = cur?.stack[cur.stack.length - 1] ?? null;
    if (cur === undefined || top === null) return null;
    set((s) => ({ byProject: { ...s.byProject, [projectId]: { baseId: cur.baseId, stack: cur.stack.slice(0, -1) } } }));
    return top;
  },
}));

const NONE: readonly IntentRevision[] = Object.freeze([]);

/** The revisions applied on top of `baseId` (none when the base has changed since); a stable value for a selector. */
export function revisionsOn(state: Pick<RevisionsState, 'byProject'>, projectId: string, baseId: string | null): readonly IntentRevision[] {
  const cur = state.byProject[projectId];
  return cur !== undefined && cur.baseId === baseId ? cur.stack : NONE;
}
