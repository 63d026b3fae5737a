import {
  Background,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeMouseHandler,
  type NodeMouseHandler,
  type OnNodeDrag,
  type Viewport,
} from '@xyflow/react';
import { useCallback, type DragEvent } from 'react';
import type { DeviceRole } from '../../src-shared/model/topology';
import { useCanvas } from './CanvasStoreProvider';
import { nodeTypes } from './DeviceNodeView';
import { edgeTypes } from './LinkEdgeView';
import { roleStyle } from './roles';
import type { DeviceNode, LinkEdge } from './types';

/** Above this many elements only what is visible is rendered. */
export const BIG = 500;
export const ROLE_MIME = 'application/x-nettwin-role';

const minimapColor = (n: DeviceNode): string => roleStyle(n.data.role).color; // module scope: stable
const FIT = { padding: 0.1 } as const;

export interface CanvasViewProps {
  label: string;
  onConnect?: (source: string, target: string) => void;
  onDragEnd?: (positions: Map<string, { x: number; y: number }>) => void;
  onDropRole?: (role: DeviceRole, at: { x: number; y: number }) => void;
  /** Called when the user pans or zooms (not for programmatic moves), e.g. to mirror other canvases. */
  onUserMove?: (v: Viewport) => void;
  /** False where a small canvas would be covered by it (Compare's panes). Default true. */
  minimap?: boolean;
}

/**
 * React Flow over one canvas store (controlled: nodes/edges/changes come from
 * the store). In what-if mode a click fails a device or link instead of
 * selecting it, and nothing can be dragged or connected.
 */
export function CanvasView({ label, onConnect, onDragEnd, onDropRole, onUserMove, minimap = true }: CanvasViewProps) {
  const nodes = useCanvas((s) => s.nodes);
  const edges = useCanvas((s) => s.edges);
  const onNodesChange = useCanvas((s) => s.onNodesChange);
  const onEdgesChange = useCanvas((s) => s.onEdgesChange);
  const mode = useCanvas((s) => s.mode);
  const readOnly = useCanvas((s) => s.readOnly);
  const toggleFailure = useCanvas((s) => s.toggleFailure);
  const { screenToFlowPosition } = useReactFlow();
  const editing = mode === 'edit' && !readOnly;

  const handleConnect = useCallback(
    (c: Connection) => {
      if (c.source && c.target) onConnect?.(c.source, c.target);
    },
    [onConnect],
  );
  const handleDragStop: OnNodeDrag<DeviceNode> = useCallback(
    (_e, _n, dragged) => {
      if (dragged.length > 0) onDragEnd?.(new Map(dragged.map((n) => [n.id, n.position])));
    },
    [onDragEnd],
  );
  const onNodeClick: NodeMouseHandler<DeviceNode> = useCallback(
    (_e, n) => {
      if (mode === 'whatif') toggleFailure('nodes', n.id);
    },
    [mode, toggleFailure],
  );
  const onEdgeClick: EdgeMouseHandler<LinkEdge> = useCallback(
    (_e, edge) => {
      if (mode === 'whatif') toggleFailure('links', edge.id);
    },
    [mode, toggleFailure],
  );
  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(ROLE_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const role = e.dataTransfer.getData(ROLE_MIME) as DeviceRole;
      if (!role || !onDropRole) return;
      e.preventDefault();
      onDropRole(role, screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [onDropRole, screenToFlowPosition],
  );

  const onMove = useCallback(
    (e: MouseEvent | TouchEvent | null, v: Viewport) => {
      if (e !== null) onUserMove?.(v);
    },
    [onUserMove],
  );

  const big = nodes.length + edges.length > BIG;
  return (
    <ReactFlow<DeviceNode, LinkEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onNodeDragStop={handleDragStop}
      onConnect={handleConnect}
      onNodeClick={onNodeClick}
      onEdgeClick={onEdgeClick}
      onDragOver={onDragOver}
      onDrop={onDrop}
      nodesDraggable={editing}
      nodesConnectable={editing}
      elementsSelectable={mode === 'edit'} // in what-if a click fails; selecting would rebuild every node's view
      connectionMode={ConnectionMode.Loose}
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={['Meta', 'Control']}
      onlyRenderVisibleElements={big}
      minZoom={0.02}
      fitView
      fitViewOptions={FIT}
      onMove={onMove}
      className={mode === 'whatif' ? 'flow flow--whatif' : 'flow'}
      aria-label={label}
    >
      <Background gap={24} />
      {minimap && <MiniMap<DeviceNode> pannable zoomable ariaLabel="Mini map" nodeColor={minimapColor} nodeStrokeWidth={0} />}
      <Controls aria-label="Zoom controls" />
    </ReactFlow>
  );
}
