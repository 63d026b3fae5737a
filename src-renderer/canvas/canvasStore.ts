import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeviceNode, LinkEdge } from './types';

export interface CanvasState {
  nodes: DeviceNode[];
  edges: LinkEdge[];
  failed: ReadonlySet<string>; // what-if overlay only; never written into node objects
  onNodesChange: (changes: NodeChange<DeviceNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<LinkEdge>[]) => void;
  setGraph: (nodes: DeviceNode[], edges: LinkEdge[]) => void;
  setPositions: (positions: ReadonlyMap<string, { x: number; y: number }>) => void;
  toggleFailure: (id: string) => void;
}

/** One store per canvas: a compare view mounts several, each in its own provider. */
export const createCanvasStore = (nodes: DeviceNode[] = [], edges: LinkEdge[] = []): StoreApi<CanvasState> =>
  createStore<CanvasState>()((set) => ({
    nodes,
    edges,
    failed: new Set(),
    onNodesChange: (changes) => set((s) => ({ nodes: applyNodeChanges(changes, s.nodes) })),
    onEdgesChange: (changes) => set((s) => ({ edges: applyEdgeChanges(changes, s.edges) })),
    setGraph: (n, e) => set({ nodes: n, edges: e, failed: new Set() }),
    setPositions: (positions) =>
      set((s) => ({
        nodes: s.nodes.map((n) => {
          const p = positions.get(n.id);
          return p ? { ...n, position: p } : n;
        }),
      })),
    toggleFailure: (id) =>
      set((s) => {
        const failed = new Set(s.failed);
        if (!failed.delete(id)) failed.add(id);
        return { failed };
      }),
  }));
