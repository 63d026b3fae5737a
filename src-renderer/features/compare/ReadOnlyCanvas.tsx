import { ReactFlowProvider, type Viewport } from '@xyflow/react';
import { useMemo } from 'react';
import type { StoreApi } from 'zustand';
import type { TopologyRecord } from '../../../src-shared/model/records';
import { createCanvasStore, type CanvasState } from '../../canvas/canvasStore';
import { CanvasStoreProvider } from '../../canvas/CanvasStoreProvider';
import { CanvasView } from '../../canvas/CanvasView';
import { useDesignLoader } from '../../canvas/useDesignLoader';

interface Props {
  projectId: string;
  designId: string;
  label: string;
  onError: (m: string) => void;
  onLoaded?: (r: TopologyRecord) => void;
  viewport?: Viewport;
  onViewportChange?: (v: Viewport) => void;
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

function Body({ projectId, designId, label, onError, viewport, onViewportChange, store }: Props & { store: StoreApi<CanvasState> }) {
  const { status } = useDesignLoader(store, projectId, designId, true, onError);
  return (
    <div className="canvas canvas--inline" data-status={status} aria-busy={status !== 'ready'}>
      <CanvasView label={label} {...(viewport !== undefined && onViewportChange !== undefined ? { viewport, onViewportChange } : {})} />
    </div>
  );
}
