import { ReactFlowProvider, useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StoreApi } from 'zustand';
import type { DeviceRole } from '../../../src-shared/model/topology';
import type { Check } from '../../../src-shared/validate/types';
import { call } from '../../api/client';
import { addDevice, connect, moveNodes } from '../../actions/edits';
import type { Action, Effect } from '../../actions/types';
import { createCanvasStore, type CanvasState } from '../../canvas/canvasStore';
import { CanvasStoreProvider, useCanvas } from '../../canvas/CanvasStoreProvider';
import { CanvasView } from '../../canvas/CanvasView';
import type { LayoutAlgorithm } from '../../canvas/layout/elkGraph';
import { layoutTopology, StaleLayoutError } from '../../canvas/layout/layoutClient';
import { useDesignLoader } from '../../canvas/useDesignLoader';
import type { DesignViewMode } from '../../canvas/views/overviewFlow';
import { SiteOverview } from '../../canvas/views/SiteOverview';
import { defaultView } from '../../canvas/views/viewChoice';
import { headlineLabel } from '../../../src-shared/cost/labels';
import { CostPanel } from '../cost';
import { useCostCalibration, useProjectPriceBook } from '../cost';
import { WhatIfPanel } from '../whatif';
import { useWhatIf } from '../whatif';
import { EditorToolbar } from './EditorToolbar';
import { ExportMenu } from './ExportMenu';
import { Inspector } from './Inspector';
import { Palette } from './Palette';
import { ProblemList } from './ProblemList';
import { DesignSaver, type SaveState } from './saver';
import { useDesignIntent, useLiveValidation } from './useLiveValidation';
import { useShortcuts } from './useShortcuts';

interface Props {
  projectId: string;
  designId: string;
  readOnly: boolean;
  onError: (message: string) => void;
  onNotice: (message: string) => void;
  /** Effects the editor cannot carry out itself (help, compare, present). */
  onAppEffect: (e: Effect) => void;
  onSaved: () => void;
}

/** One design to edit and break: its own canvas store, saver and shortcuts. */
export function DesignEditor(props: Props) {
  const store = useMemo(() => createCanvasStore(), []);
  return (
    <CanvasStoreProvider store={store}>
      <ReactFlowProvider>
        <EditorBody {...props} store={store} />
      </ReactFlowProvider>
    </CanvasStoreProvider>
  );
}

const FIT = { padding: 0.15, duration: 200 } as const;

function EditorBody({ projectId, designId, readOnly, onError, onNotice, onAppEffect, onSaved, store }: Props & { store: StoreApi<CanvasState> }) {
  const { fitView, getViewport, screenToFlowPosition } = useReactFlow();
  const { status, record, revision, revisionReady, reload } = useDesignLoader(store, projectId, designId, readOnly, onError);
  const [save, setSave] = useState<SaveState>('saved');
  const [algorithm, setAlgorithm] = useState<LayoutAlgorithm>('layered');
  const [laying, setLaying] = useState(false);
  const [view, setView] = useState<DesignViewMode | null>(null);
  /** Devices to zoom to once the device view has measured its nodes (drill-down's "Edit in device view"). */
  const pendingFit = useRef<string[] | null>(null);
  const nodesInitialized = useNodesInitialized();
  const searchRef = useRef<HTMLInputElement | null>(null);
  const mode = useCanvas((s) => s.mode);
  const topology = useCanvas((s) => s.topology);
  const selectedNodes = useCanvas((s) => s.nodes.filter((n) => n.selected).map((n) => n.id).join('\n'));
  const selectedLinks = useCanvas((s) => s.edges.filter((e) => e.selected).map((e) => e.id).join('\n'));
  const intent = useDesignIntent(projectId, record);
  const priced = useProjectPriceBook(projectId);
  const calibration = useCostCalibration(projectId);
  const live = useLiveValidation(store, intent, priced.book, onError);
  const whatIf = useWhatIf(store, mode);
  // Big designs open at the site level (devices on demand); the choice is the user's after that.
  const initialView = useMemo(() => (topology === null ? 'devices' : defaultView(topology)), [topology]);
  const shownView: DesignViewMode = view ?? initialView;
  useEffect(() => {
    if (mode === 'whatif' && shownView !== 'devices') setView('devices');
  }, [mode, shownView]);

  // Persist every model change (edits, drags, layouts, undo) with design:update.
  useEffect(() => {
    if (status !== 'ready' || !revisionReady || readOnly || revision.current === null) return;
    const saver = new DesignSaver(revision.current, {
      save: async (t, rev) => (await call('design:update', { projectId, designId, revision: rev, topology: t })).revision,
      onState: (s, message) => {
        setSave(s);
        if (s === 'saved') onSaved();
        if (s === 'error' && message !== undefined) onError(`Could not save the design: ${message}`);
      },
      onConflict: (message) => {
        onNotice(`This design was changed elsewhere (${message}). It has been reloaded; your last unsaved change was not applied.`);
        reload();
      },
    });
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.topology !== prev.topology && s.topology !== null && s.lastChange !== null) saver.schedule(s.topology);
    });
    return () => {
      unsubscribe();
      void saver.flush().finally(() => saver.dispose());
    };
  }, [status, revisionReady, readOnly, projectId, designId, store, revision, reload, onError, onNotice, onSaved]);

  const fitTo = useCallback(
    (nodes: string[], links: string[]) => {
      const t = store.getState().topology;
      const ends = new Set(nodes);
      for (const l of t?.links ?? []) if (links.includes(l.id)) ends.add(l.source).add(l.target);
      store.getState().select(nodes, links);
      void fitView({ ...FIT, nodes: [...ends].map((id) => ({ id })), maxZoom: 1.5 });
    },
    [store, fitView],
  );

  const runLayout = useCallback(async () => {
    const t = store.getState().topology;
    if (t === null) return;
    setLaying(true);
    try {
      const { positions, notice } = await layoutTopology(t, algorithm);
      if (notice !== null) onNotice(notice);
      const current = store.getState().topology;
      if (current === null) return;
      store.getState().commit(moveNodes(current, positions), `Auto-layout (${algorithm})`);
      requestAnimationFrame(() => void fitView(FIT));
    } catch (err) {
      if (!(err instanceof StaleLayoutError)) onError((err as Error).message);
    } finally {
      setLaying(false);
    }
  }, [store, algorithm, fitView, onError, onNotice]);

  const onEffect = useCallback(
    (e: Effect) => {
      const s = store.getState();
      if (e === 'fit') void fitView(FIT);
      else if (e === 'layout') void runLayout();
      else if (e === 'search') searchRef.current?.focus();
      else if (e === 'clearFailures') s.setFailures({ ...s.failures, nodes: new Set(), links: new Set(), sites: new Set(), regions: new Set(), srlgs: new Set() });
      else if (e === 'failSelection') {
        const v = s.view();
        if (s.mode !== 'whatif') s.setMode('whatif');
        s.setFailures({ ...s.failures, nodes: new Set([...s.failures.nodes, ...v.selectedNodes]), links: new Set([...s.failures.links, ...v.selectedLinks]) });
      } else onAppEffect(e);
    },
    [store, fitView, runLayout, onAppEffect],
  );

  const run = useCallback(
    (a: Action): boolean => {
      if (!a.predicate(store.getState().view())) return false;
      const effect = store.getState().dispatch(a);
      if (effect !== null) onEffect(effect);
      return true;
    },
    [store, onEffect],
  );
  useShortcuts(run, status === 'ready');

  const onConnect = useCallback(
    (a: string, b: string) => {
      const t = store.getState().topology;
      const r = t && connect(t, a, b);
      if (r) store.getState().commit(r.topology, 'Connect', { nodes: [], links: [r.id] });
    },
    [store],
  );
  const onDragEnd = useCallback(
    (positions: Map<string, { x: number; y: number }>) => {
      const t = store.getState().topology;
      if (t === null) return;
      const next = moveNodes(t, positions);
      if (next !== t) store.getState().commit(next, positions.size === 1 ? 'Move device' : `Move ${positions.size} devices`);
    },
    [store],
  );
  const add = useCallback(
    (role: DeviceRole, at?: { x: number; y: number }) => {
      const t = store.getState().topology;
      if (t === null) return;
      const el = document.querySelector('.react-flow');
      const rect = el?.getBoundingClientRect();
      const centre = rect ? screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }) : { x: -getViewport().x, y: -getViewport().y };
      const r = addDevice(t, role, at ?? { x: centre.x - 75, y: centre.y - 20 });
      store.getState().commit(r.topology, `Add ${role}`, { nodes: [r.id], links: [] });
    },
    [store, screenToFlowPosition, getViewport],
  );
  const onSearch = useCallback(
    (q: string): string | null => {
      const needle = q.trim().toLowerCase();
      if (needle === '') return null;
      const t = store.getState().topology;
      const hit = t?.nodes.find((n) => n.name.toLowerCase() === needle) ?? t?.nodes.find((n) => n.name.toLowerCase().includes(needle));
      if (!hit) return `no device named "${q}"`;
      fitTo([hit.id], []);
      return null;
    },
    [store, fitTo],
  );
  useEffect(() => {
    if (shownView !== 'devices' || !nodesInitialized || pendingFit.current === null) return;
    const ids = pendingFit.current;
    pendingFit.current = null;
    fitTo(ids, []);
  }, [shownView, nodesInitialized, fitTo]);
  const showDevices = useCallback((ids: string[]) => {
    pendingFit.current = ids;
    setView('devices');
  }, []);
  const onShowCheck = useCallback((c: Check) => fitTo(c.evidence.nodes, c.evidence.links), [fitTo]);
  const commit = useCallback((t: NonNullable<CanvasState['topology']>, label: string) => store.getState().commit(t, label), [store]);

  const editing = mode === 'edit' && !readOnly;
  return (
    <div className="editor">
      <EditorToolbar algorithm={algorithm} onAlgorithm={setAlgorithm} run={run} onSearch={onSearch} searchRef={searchRef} save={save} laying={laying} exportMenu={<ExportMenu projectId={projectId} designId={designId} />} view={shownView} onView={setView} />
      <div className="editor__body">
        <div className="canvas" data-status={status} data-mode={mode} aria-busy={status !== 'ready'}>
          {status !== 'ready' && (
            <div className="canvas__status" role="status">
              {status === 'loading' ? 'Loading design…' : status === 'layout' ? 'Laying out…' : 'Could not load this design'}
            </div>
          )}
          {shownView === 'devices' || topology === null ? (
            <CanvasView label="Design canvas" onConnect={onConnect} onDragEnd={onDragEnd} onDropRole={add} />
          ) : (
            <SiteOverview topology={topology} kind={shownView} onShowDevices={showDevices} />
          )}
        </div>
        <aside className="inspector-column" aria-label="Design panels">
          {mode === 'whatif' && whatIf !== null ? (
            <WhatIfPanel model={whatIf} onShow={fitTo} projectId={projectId} designId={designId} readOnly={readOnly} />
          ) : (
            <>
              {editing && <Palette onAdd={add} disabled={!editing} />}
              {topology !== null && (
                <Inspector
                  topology={topology}
                  nodeIds={selectedNodes === '' ? [] : selectedNodes.split('\n')}
                  linkIds={selectedLinks === '' ? [] : selectedLinks.split('\n')}
                  readOnly={!editing}
                  commit={commit}
                />
              )}
            </>
          )}
          {live !== null && <ProblemList result={live.result} checking={live.checking} costUsd={live.cost.totalUsd} costLabel={headlineLabel(live.cost)} onShow={onShowCheck} />}
          {live !== null && <CostPanel cost={live.cost} custom={priced.custom} calibration={calibration} />}
        </aside>
      </div>
    </div>
  );
}
