import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type OnNodeDrag,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StoreApi } from 'zustand';
import type { TopologyRecord } from '../../src-shared/model/records';
import { call } from '../api/client';
import { createCanvasStore, type CanvasState } from './canvasStore';
import { CanvasStoreProvider, useCanvas } from './CanvasStoreProvider';
import { nodeTypes } from './DeviceNodeView';
import { layoutTopology, StaleLayoutError } from './layout/layoutClient';
import { hasLayout, toFlowEdges, toFlowNodes } from './toFlow';
import type { DeviceNode, LinkEdge } from './types';

const BIG = 500; // above this many elements only what is visible is rendered

interface Props {
  projectId: string;
  designId: string;
  readOnly: boolean;
  onError: (message: string) => void;
}

/** One design on its own canvas, with its own store. Dragging saves positions into the project. */
export function DesignCanvas(props: Props) {
  const store = useMemo(() => createCanvasStore(), []);
  return (
    <CanvasStoreProvider store={store}>
      <ReactFlowProvider>
        <CanvasBody {...props} store={store} />
      </ReactFlowProvider>
    </CanvasStoreProvider>
  );
}

function CanvasBody({ projectId, designId, readOnly, onError, store }: Props & { store: StoreApi<CanvasState> }) {
  const nodes = useCanvas((s) => s.nodes);
  const edges = useCanvas((s) => s.edges);
  const onNodesChange = useCanvas((s) => s.onNodesChange);
  const onEdgesChange = useCanvas((s) => s.onEdgesChange);
  const { fitView } = useReactFlow();
  const [status, setStatus] = useState<'loading' | 'layout' | 'ready'>('loading');
  const revision = useRef<number | undefined>(undefined);

  useEffect(() => {
    let alive = true;
    setStatus('loading');
    (async () => {
      const rec: TopologyRecord = await call('design:get', { projectId, designId });
      if (!alive) return;
      revision.current = rec.revision;
      store.getState().setGraph(toFlowNodes(rec.topology), toFlowEdges(rec.topology));
      if (!hasLayout(rec.topology)) {
        setStatus('layout');
        const positions = await layoutTopology(rec.topology, 'layered');
        if (!alive) return;
        store.getState().setPositions(positions);
        if (!readOnly && positions.size > 0) {
          const saved = await call('design:savePositions', {
            projectId, designId, revision: rec.revision,
            positions: [...positions].map(([id, p]) => ({ id, x: p.x, y: p.y })),
          });
          revision.current = saved.revision;
        }
      }
      setStatus('ready');
      requestAnimationFrame(() => void fitView({ padding: 0.1 }));
    })().catch((err: unknown) => {
      if (err instanceof StaleLayoutError || !alive) return;
      onError((err as Error).message);
    });
    return () => {
      alive = false;
    };
  }, [projectId, designId, readOnly, store, fitView, onError]);

  const onNodeDragStop: OnNodeDrag<DeviceNode> = useCallback(
    (_e, _node, dragged) => {
      if (readOnly || dragged.length === 0) return;
      const positions = dragged.map((n) => ({ id: n.id, x: Math.round(n.position.x), y: Math.round(n.position.y) }));
      call('design:savePositions', {
        projectId, designId, positions,
        ...(revision.current !== undefined ? { revision: revision.current } : {}),
      })
        .then((r) => {
          revision.current = r.revision;
        })
        .catch((err: unknown) => onError((err as Error).message));
    },
    [projectId, designId, readOnly, onError],
  );

  const big = nodes.length + edges.length > BIG;
  return (
    <div className="canvas" data-status={status} aria-busy={status !== 'ready'}>
      {status !== 'ready' && (
        <div className="canvas__status" role="status">
          {status === 'loading' ? 'Loading design…' : 'Laying out…'}
        </div>
      )}
      <ReactFlow<DeviceNode, LinkEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        nodesDraggable={!readOnly}
        nodesConnectable={false}
        onlyRenderVisibleElements={big}
        minZoom={0.05}
        fitView
        aria-label="Design canvas"
      >
        <Background gap={24} />
        <MiniMap pannable zoomable ariaLabel="Mini map" />
        <Controls />
      </ReactFlow>
    </div>
  );
}
