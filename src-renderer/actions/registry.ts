import { copyElements, deleteElements, paste } from './edits';
import { redo, undo } from './history';
import { matchKey, type KeyLike } from './keys';
import type { Action, EditorView } from './types';

const editable = (v: EditorView): boolean => v.topology !== null && !v.readOnly && v.mode === 'edit';
const hasSelection = (v: EditorView): boolean => v.selectedNodes.length + v.selectedLinks.length > 0;

export const undoAction: Action = {
  id: 'undo',
  label: 'Undo',
  keys: ['Mod+Z'],
  group: 'edit',
  history: 'skip',
  predicate: (v) => editable(v) && v.history.past.length > 0,
  perform: (v) => {
    const r = undo(v.history, v.topology!);
    return r && { topology: r.state, history: r.history, label: r.label };
  },
};

export const redoAction: Action = {
  id: 'redo',
  label: 'Redo',
  keys: ['Mod+Shift+Z', 'Mod+Y'],
  group: 'edit',
  history: 'skip',
  predicate: (v) => editable(v) && v.history.future.length > 0,
  perform: (v) => {
    const r = redo(v.history, v.topology!);
    return r && { topology: r.state, history: r.history, label: r.label };
  },
};

export const deleteAction: Action = {
  id: 'delete',
  label: 'Delete selection',
  keys: ['Delete', 'Backspace'],
  group: 'edit',
  history: 'record',
  predicate: (v) => editable(v) && hasSelection(v),
  perform: (v) => ({
    topology: deleteElements(v.topology!, v.selectedNodes, v.selectedLinks),
    select: { nodes: [], links: [] },
    label: `Delete ${v.selectedNodes.length + v.selectedLinks.length} element(s)`,
  }),
};

export const copyAction: Action = {
  id: 'copy',
  label: 'Copy',
  keys: ['Mod+C'],
  group: 'edit',
  history: 'skip',
  predicate: (v) => v.topology !== null && v.selectedNodes.length > 0,
  perform: (v) => ({ clipboard: copyElements(v.topology!, v.selectedNodes) }),
};

export const pasteAction: Action = {
  id: 'paste',
  label: 'Paste',
  keys: ['Mod+V'],
  group: 'edit',
  history: 'record',
  predicate: (v) => editable(v) && v.clipboard !== null && v.clipboard.nodes.length > 0,
  perform: (v) => {
    const r = paste(v.topology!, v.clipboard!, { x: v.pasteOffset, y: v.pasteOffset });
    return { topology: r.topology, select: { nodes: r.nodeIds, links: r.linkIds }, label: `Paste ${r.nodeIds.length} device(s)` };
  },
};

export const selectAllAction: Action = {
  id: 'selectAll',
  label: 'Select all',
  keys: ['Mod+A'],
  group: 'edit',
  history: 'skip',
  predicate: (v) => v.topology !== null,
  perform: (v) => ({ select: { nodes: v.topology!.nodes.map((n) => n.id), links: [] } }),
};

const effect = (
  id: string,
  label: string,
  keys: string[],
  group: Action['group'],
  e: NonNullable<ReturnType<Action['perform']>>['effect'],
  predicate: (v: EditorView) => boolean = (v) => v.topology !== null,
): Action => ({ id, label, keys, group, history: 'skip', predicate, perform: () => ({ effect: e! }) });

export const layoutAction = effect('layout', 'Auto-layout (keeps pinned devices)', ['L'], 'view', 'layout', editable);
export const fitAction = effect('fit', 'Fit view', ['F'], 'view', 'fit');
export const searchAction = effect('search', 'Find a device by name', ['Mod+F', '/'], 'view', 'search');
export const failSelectionAction = effect('failSelection', 'Fail selection (what-if)', ['X'], 'what-if', 'failSelection', (v) => v.topology !== null && hasSelection(v));
export const clearFailuresAction = effect('clearFailures', 'Clear all failures', ['Shift+X'], 'what-if', 'clearFailures');
export const compareAction = effect('compare', 'Compare designs', ['C'], 'app', 'compare', () => true);
export const presentAction = effect('present', 'Present to the board', ['P'], 'app', 'present', () => true);
export const helpAction = effect('help', 'Keyboard shortcuts', ['?'], 'app', 'help', () => true);

export const whatIfAction: Action = {
  id: 'whatif',
  label: 'Toggle what-if mode',
  keys: ['W'],
  group: 'what-if',
  history: 'skip',
  predicate: (v) => v.topology !== null,
  perform: (v) => ({ mode: v.mode === 'edit' ? 'whatif' : 'edit' }),
};

/** Every command, in the order the help overlay lists them. */
export const ACTIONS: readonly Action[] = [
  undoAction,
  redoAction,
  deleteAction,
  copyAction,
  pasteAction,
  selectAllAction,
  layoutAction,
  fitAction,
  searchAction,
  whatIfAction,
  failSelectionAction,
  clearFailuresAction,
  compareAction,
  presentAction,
  helpAction,
];

/** The action a key press means, if any. */
export function actionForKey(e: KeyLike, actions: readonly Action[] = ACTIONS): Action | undefined {
  return actions.find((a) => a.keys.some((k) => matchKey(k, e)));
}
