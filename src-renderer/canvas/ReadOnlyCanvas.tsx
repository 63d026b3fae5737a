import { ReactFlowProvider, useReactFlow, type Viewport } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import type { StoreApi } from 'zustand';
import type { TopologyRecord } from '../../src-shared/model/records';
import { createCanvasStore, type CanvasState } from './canvasStore';
import { CanvasStoreProvider } from './CanvasStoreProvider';
import { CanvasView } from './CanvasView';
import { useDesignLoader } from './useDesignLoader';

interface Props {
  projectId: string;
  designId: string;
  label: string;
  onError: (m: string) => void;
  onLoaded?: (r: TopologyRecord) => void;
  /** When set, this canvas follows it (viewport sync in Compare). */
  sharedViewport?: Viewport | null;
  onUserMove?: (v: Viewport) => void;
}

/** A design shown read-only on its own canvas, with its own store and React Flow provider. */
export function ReadOnlyCanvas(props: Props) {
  const store = useMemo(() => createCanvasStore(), []);
  return (
    <CanvasStoreProvider store={store}>
      <ReactFlowProvider>
        <Body {...props} store={store} />
      </ReactFlowProvider>
    </CanvasStoreProvider>
  );
}

function Body({ projectId, designId, label, onError, sharedViewport, onUserMove, store }: Props & { store: StoreApi<CanvasState> }) {
  const { status } = useDesignLoader(store, projectId, designId, true, onError);
  const { setViewport, getViewport } = useReactFlow();
  useEffect(() => {
    if (!sharedViewport) return;
    const v = getViewport();
    if (v.x !== sharedViewport.x || v.y !== sharedViewport.y || v.zoom !== sharedViewport.zoom) void setViewport(sharedViewport);
  }, [sharedViewport, setViewport, getViewport]);
  return (
    <div className="canvas canvas--inline" data-status={status} aria-busy={status !== 'ready'}>
      <CanvasView label={label} {...(onUserMove !== undefined ? { onUserMove } : {})} />
    </div>
  );
}
