import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Topology } from '../../src-shared/model/topology';
import type { Clipboard } from '../actions/edits';
import { emptyHistory, record, type History } from '../actions/history';
import type { Action, ActionPatch, EditorView, Effect, Mode } from '../actions/types';
import { reconcile, toFlowEdge, toFlowNode } from './toFlow';
import { hiddenDeviceLabels } from './views/deviceLabels';
import { noFailures, type DeviceNode, type FailureKind, type FailureSelection, type LinkEdge, type WhatIfOverlay } from './types';

/**
 * Computes the what-if overlay for a selection of failures (set by the
 * what-if feature): `first` at once, then `refine` (the routing) a moment
 * later so the click is answered in the very next frame.
 */
export interface WhatIfEvaluator {
  first: (f: FailureSelection, previous: WhatIfOverlay | null) => WhatIfOverlay;
  refine?: (f: FailureSelection, first: WhatIfOverlay) => Partial<WhatIfOverlay>;
}

export interface CanvasState {
  /** The design being shown/edited: the model; nodes/edges are its views. */
  topology: Topology | null;
  history: History<Topology>;
  clipboard: Clipboard | null;
  readOnly: boolean;
  mode: Mode;
  /** Bumped on every model change so savers and validators can follow it. */
  version: number;
  /** Last undo step's name, for the status line. */
  lastChange: string | null;
  nodes: DeviceNode[];
  edges: LinkEdge[];
  failures: FailureSelection;
  overlay: WhatIfOverlay | null;
  evaluator: WhatIfEvaluator | null;
  /** Kept for compatibility with simple views: every failed device/link id. */
  failed: ReadonlySet<string>;
  /** A proposed change shown on the canvas (optimiser steps): added and removed elements. */
  /** Elements marked as a change (optimise's step, Compare's diff); `changed` is in both designs but differs. */
  diff: { added: ReadonlySet<string>; removed: ReadonlySet<string>; changed?: ReadonlySet<string> } | null;
  setDiff: (d: CanvasState['diff']) => void;
  /** Devices whose name is hidden because another device's box covers it (labels never overlap). */
  hiddenLabels: ReadonlySet<string>;
  onNodesChange: (changes: NodeChange<DeviceNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<LinkEdge>[]) => void;
  load: (t: Topology, readOnly: boolean) => void;
  /** Replaces the model as one undo step named `label`. */
  commit: (t: Topology, label: string, select?: { nodes: string[]; links: string[] }) => void;
  /** Runs an action; returns the UI effect it asks for, if any. */
  dispatch: (a: Action) => Effect | null;
  view: () => EditorView;
  select: (nodes: readonly string[], links: readonly string[]) => void;
  setMode: (m: Mode) => void;
  setEvaluator: (e: WhatIfEvaluator | null) => void;
  toggleFailure: (kind: FailureKind, id: string) => void;
  setFailures: (f: FailureSelection) => void;
}

const selectedIds = <T extends { id: string; selected?: boolean }>(xs: readonly T[]): string[] =>
  xs.filter((x) => x.selected === true).map((x) => x.id);

/** One store per canvas: the compare view mounts several, each in its own provider. */
export const createCanvasStore = (): StoreApi<CanvasState> =>
  createStore<CanvasState>()((set, get) => {
    /** Swaps in a new model (and selection), rebuilding only changed views. */
    const applyModel = (next: Topology, selection?: { nodes: readonly string[]; links: readonly string[] }): void => {
      const s = get();
      if (s.topology !== next) set({ hiddenLabels: hiddenDeviceLabels(next) });
      const selNodes = new Set(selection?.nodes ?? selectedIds(s.nodes));
      const selLinks = new Set(selection?.links ?? selectedIds(s.edges));
      const prev = s.topology;
      set({
        topology: next,
        version: prev === next ? s.version : s.version + 1,
        nodes: reconcile(s.nodes, prev?.nodes ?? null, next.nodes, selNodes, toFlowNode),
        edges: reconcile(s.edges, prev?.links ?? null, next.links, selLinks, toFlowEdge),
      });
      reevaluate();
    };
    let refineTimer: ReturnType<typeof setTimeout> | null = null;
    const reevaluate = (): void => {
      const { evaluator, failures, mode } = get();
      if (refineTimer !== null) clearTimeout(refineTimer);
      refineTimer = null;
      const overlay = evaluator !== null && mode === 'whatif' ? evaluator.first(failures, get().overlay) : null;
      set({ overlay, failed: overlay?.failed ?? new Set() });
      const refine = evaluator?.refine;
      if (overlay === null || refine === undefined) return;
      // After the paint of the first answer; dropped if the failures change first.
      refineTimer = setTimeout(() => {
        refineTimer = null;
        if (get().overlay !== overlay) return;
        set({ overlay: { ...overlay, ...refine(failures, overlay) } });
      }, 0);
    };
    const applyPatch = (a: Pick<Action, 'label' | 'history'>, p: ActionPatch): Effect | null => {
      const s = get();
      if (p.clipboard !== undefined) set({ clipboard: p.clipboard });
      if (p.history !== undefined) set({ history: p.history });
      if (p.topology !== undefined && p.topology !== s.topology) {
        const label = p.label ?? a.label;
        if (a.history === 'record' && s.topology !== null) set({ history: record(get().history, s.topology, label) });
        set({ lastChange: label });
        applyModel(p.topology, p.select);
      } else if (p.select !== undefined) {
        get().select(p.select.nodes, p.select.links);
      }
      if (p.mode !== undefined) get().setMode(p.mode);
      return p.effect ?? null;
    };
    return {
      topology: null,
      history: emptyHistory(),
      clipboard: null,
      readOnly: false,
      mode: 'edit',
      version: 0,
      lastChange: null,
      nodes: [],
      edges: [],
      failures: noFailures(),
      overlay: null,
      evaluator: null,
      failed: new Set(),
      diff: null,
      hiddenLabels: new Set(),
      setDiff: (diff) => set({ diff }),
      onNodesChange: (changes) => {
        // Removals go through the delete action (undoable), never straight from React Flow.
        const kept = changes.filter((c) => c.type !== 'remove' && c.type !== 'add');
        if (kept.length > 0) set((s) => ({ nodes: applyNodeChanges(kept, s.nodes) }));
      },
      onEdgesChange: (changes) => {
        const kept = changes.filter((c) => c.type !== 'remove' && c.type !== 'add');
        if (kept.length > 0) set((s) => ({ edges: applyEdgeChanges(kept, s.edges) }));
      },
      load: (t, readOnly) => {
        set({
          topology: t,
          readOnly,
          history: emptyHistory(),
          version: get().version + 1,
          lastChange: null,
          nodes: t.nodes.map((n) => toFlowNode(n)),
          hiddenLabels: hiddenDeviceLabels(t),
          edges: t.links.map((l) => toFlowEdge(l)),
          failures: noFailures(),
        });
        reevaluate();
      },
      commit: (t, label, select) => {
        applyPatch({ label, history: 'record' }, select ? { topology: t, select } : { topology: t });
      },
      dispatch: (a) => {
        const v = get().view();
        if (!a.predicate(v)) return null;
        const p = a.perform(v);
        return p === null ? null : applyPatch(a, p);
      },
      view: () => {
        const s = get();
        return {
          topology: s.topology,
          history: s.history,
          selectedNodes: selectedIds(s.nodes),
          selectedLinks: selectedIds(s.edges),
          clipboard: s.clipboard,
          readOnly: s.readOnly,
          mode: s.mode,
          pasteOffset: 40,
        };
      },
      select: (nodes, links) => {
        const ns = new Set(nodes);
        const ls = new Set(links);
        set((s) => ({
          nodes: s.nodes.map((n) => ((n.selected ?? false) === ns.has(n.id) ? n : { ...n, selected: ns.has(n.id) })),
          edges: s.edges.map((e) => ((e.selected ?? false) === ls.has(e.id) ? e : { ...e, selected: ls.has(e.id) })),
        }));
      },
      setMode: (mode) => {
        set({ mode });
        reevaluate();
      },
      setEvaluator: (evaluator) => {
        set({ evaluator });
        reevaluate();
      },
      toggleFailure: (kind, id) => {
        const f = get().failures;
        const next = new Set(f[kind]);
        if (!next.delete(id)) next.add(id);
        set({ failures: { ...f, [kind]: next } });
        reevaluate();
      },
      setFailures: (failures) => {
        set({ failures });
        reevaluate();
      },
    };
  });
