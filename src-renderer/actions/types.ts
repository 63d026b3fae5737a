import type { Topology } from '../../src-shared/model/topology';
import type { Clipboard } from './edits';
import type { History } from './history';
import type { KeyLike } from './keys';

export type Mode = 'edit' | 'whatif';

/** What an action may read: the editor's document and UI state, no React. */
export interface EditorView {
  topology: Topology | null;
  history: History<Topology>;
  selectedNodes: readonly string[];
  selectedLinks: readonly string[];
  clipboard: Clipboard | null;
  readOnly: boolean;
  mode: Mode;
  /** Where pasted things go: a step right and down of the copied ones. */
  pasteOffset: number;
}

/** Things only the UI can do (viewport, overlays, workers); the shell carries them out. */
export type Effect =
  | 'fit'
  | 'layout'
  | 'help'
  | 'present'
  | 'compare'
  | 'search'
  | 'failSelection'
  | 'clearFailures';

/** What an action changes. A `topology` under a `record` action becomes one undo step. */
export interface ActionPatch {
  topology?: Topology;
  history?: History<Topology>;
  select?: { nodes: string[]; links: string[] };
  clipboard?: Clipboard | null;
  mode?: Mode;
  effect?: Effect;
  /** Name of the undo step (defaults to the action's label). */
  label?: string;
}

/** A command as data (Excalidraw's Action): toolbar buttons, shortcuts and tests all use these. */
export interface Action {
  id: string;
  label: string;
  /** Shortcuts in `matchKey` notation; the first is the one shown. */
  keys: readonly string[];
  group: 'edit' | 'view' | 'what-if' | 'app';
  predicate: (v: EditorView) => boolean;
  perform: (v: EditorView) => ActionPatch | null;
  history: 'record' | 'skip';
}

export type { KeyLike };
