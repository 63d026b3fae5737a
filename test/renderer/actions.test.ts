import { describe, expect, it } from 'vitest';
import { actionForKey, ACTIONS, deleteAction, pasteAction, copyAction, redoAction, undoAction, whatIfAction } from '../../src-renderer/actions/registry';
import { matchKey } from '../../src-renderer/actions/keys';
import { createCanvasStore } from '../../src-renderer/canvas/canvasStore';
import { squareWithTail } from './fixtures';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcuts', () => {
  it('matches Mod as Ctrl or Cmd and distinguishes Shift on letters', () => {
    expect(matchKey('Mod+Z', key('z', { ctrlKey: true }))).toBe(true);
    expect(matchKey('Mod+Z', key('z', { metaKey: true }))).toBe(true);
    expect(matchKey('Mod+Z', key('z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchKey('Mod+Shift+Z', key('Z', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchKey('L', key('l', { ctrlKey: true }))).toBe(false);
    expect(matchKey('?', key('?', { shiftKey: true }))).toBe(true);
  });

  it('every shortcut maps to exactly one action', () => {
    const seen = new Map<string, string>();
    for (const a of ACTIONS) for (const k of a.keys) {
      expect(seen.get(k), `${k} bound twice`).toBeUndefined();
      seen.set(k, a.id);
    }
    expect(actionForKey(key('z', { ctrlKey: true }))?.id).toBe('undo');
    expect(actionForKey(key('Delete'))?.id).toBe('delete');
    expect(actionForKey(key('q'))).toBeUndefined();
  });
});

describe('actions on a canvas store', () => {
  const loaded = () => {
    const store = createCanvasStore();
    store.getState().load(squareWithTail(), false);
    return store;
  };

  it('delete removes the selection as one undo step; undo and redo restore it', () => {
    const store = loaded();
    const s = store.getState();
    expect(s.dispatch(deleteAction)).toBeNull(); // nothing selected: predicate refuses
    s.select(['d'], []);
    s.dispatch(deleteAction);
    expect(store.getState().topology!.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'e']);
    expect(store.getState().edges.map((e) => e.id)).toEqual(['ab', 'bc']);
    store.getState().dispatch(undoAction);
    expect(store.getState().topology!.links).toHaveLength(5);
    expect(store.getState().nodes).toHaveLength(5);
    store.getState().dispatch(redoAction);
    expect(store.getState().topology!.nodes).toHaveLength(4);
    expect(undoAction.predicate(store.getState().view())).toBe(true);
  });

  it('unchanged devices keep their view objects across an edit (memoised nodes do not re-render)', () => {
    const store = loaded();
    const before = store.getState().nodes;
    store.getState().commit({ ...store.getState().topology!, nodes: store.getState().topology!.nodes.map((n) => (n.id === 'a' ? { ...n, x: 7 } : n)) }, 'Move A');
    const after = store.getState().nodes;
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(store.getState().history.past.at(-1)!.label).toBe('Move A');
  });

  it('copy then paste selects the pasted devices; read-only designs refuse edits', () => {
    const store = loaded();
    store.getState().select(['a', 'b'], []);
    store.getState().dispatch(copyAction);
    store.getState().dispatch(pasteAction);
    const sel = store.getState().nodes.filter((n) => n.selected).map((n) => n.id);
    expect(sel).toEqual(['a-copy-1', 'b-copy-1']);
    const ro = createCanvasStore();
    ro.getState().load(squareWithTail(), true);
    ro.getState().select(['a'], []);
    expect(deleteAction.predicate(ro.getState().view())).toBe(false);
  });

  it('what-if mode blocks editing and recomputes the overlay when failures change', () => {
    const store = loaded();
    let calls = 0;
    store.getState().setEvaluator({
      first: (f) => {
        calls++;
        return {
          failed: new Set(f.nodes), cutOff: new Set(), cutOffSites: [], heat: new Map(), rerouted: new Set(),
          strandedDemand: 0, maxHeat: 0, verdict: { survives: true, text: '' }, ms: 0, routing: 'off',
        };
      },
    });
    expect(calls).toBe(0); // edit mode: no overlay
    store.getState().dispatch(whatIfAction);
    expect(store.getState().mode).toBe('whatif');
    store.getState().toggleFailure('nodes', 'a');
    expect(store.getState().failed.has('a')).toBe(true);
    store.getState().select(['b'], []);
    expect(deleteAction.predicate(store.getState().view())).toBe(false);
    expect(calls).toBe(2);
  });
});
