import {
  Background,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type EdgeMouseHandler,
  type NodeMouseHandler,
  type OnNodeDrag,
  type Viewport,
} from '@xyflow/react';
import { useCallback, useRef, type DragEvent } from 'react';
import type { DeviceRole } from '../../src-shared/model/topology';
import { useCanvas } from './CanvasStoreProvider';
import { nodeTypes } from './DeviceNodeView';
import { edgeTypes } from './LinkEdgeView';
import { roleStyle } from './roles';
import type { DeviceNode, LinkEdge } from './types';

/** Above this many elements only what is visible is rendered, and zoomed out the level of detail drops. */
export const BIG = 500;
/**
 * Below this zoom a device's 12 px name is under 6 px on screen: unreadable.
 * On a big design the devices are then drawn as role-coloured boxes without
 * glyph or name, and links without their wide click band (styles.css
 * `.flow--far`); that halves the paint of a pan over 1,000 devices
 * (scripts/bench/ui-profile.ts). Names come back, chosen by the collision
 * pass, when the user zooms in past it.
 */
export const FAR_ZOOM = 0.5;
const isFar = (s: { transform: [number, number, number] }): boolean => s.transform[2] < FAR_ZOOM;
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

  // While a big design zoomed out moves, its viewport is a compositor layer, so
  // a pan translates the painted layer rather than repainting every box and
  // link per frame (~20 % less CPU per frame at 1,000 devices, ui-profile.ts).
  // Off at rest so the next paint is sharp at the new zoom. A DOM class, not
  // React state: starting a pan re-renders nothing.
  const wrapper = useRef<HTMLDivElement>(null);
  const onMoveStart = useCallback(() => wrapper.current?.classList.add('flow--moving'), []);
  const onMoveEnd = useCallback(() => wrapper.current?.classList.remove('flow--moving'), []);

  const onMove = useCallback(
    (e: MouseEvent | TouchEvent | null, v: Viewport) => {
      if (e !== null) onUserMove?.(v);
    },
    [onUserMove],
  );

  const big = nodes.length + edges.length > BIG;
  const far = useFlowStore(isFar) && big; // a boolean: re-renders only when the zoom crosses FAR_ZOOM
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
      // Zoomed out nearly all is visible and culling only churns the DOM while panning; in what-if it stays, so
      // the heat repaint after a click touches only the links on screen (what-if click → painted, bench:ui).
      onlyRenderVisibleElements={big && (!far || mode === 'whatif')}
      minZoom={0.02}
      fitView
      fitViewOptions={FIT}
      onMove={onMove}
      onMoveStart={onMoveStart}
      onMoveEnd={onMoveEnd}
      ref={wrapper}
      className={`flow${mode === 'whatif' ? ' flow--whatif' : ''}${far ? ' flow--far' : ''}`}
      aria-label={label}
    >
      <Background gap={24} />
      {minimap && <MiniMap<DeviceNode> pannable zoomable ariaLabel="Mini map" nodeColor={minimapColor} nodeStrokeWidth={0} />}
      <Controls aria-label="Zoom controls" />
    </ReactFlow>
  );
}
