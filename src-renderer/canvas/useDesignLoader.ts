import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StoreApi } from 'zustand';
import type { TopologyRecord } from '../../src-shared/model/records';
import { call } from '../api/client';
import type { CanvasState } from './canvasStore';
import { initialLayout, StaleLayoutError } from './layout/layoutClient';
import { hasLayout } from './toFlow';

export type LoadStatus = 'loading' | 'layout' | 'ready' | 'error';

/**
 * Loads a design into a canvas store; lays it out first when it has no
 * positions (and stores those, unless read-only). `reload()` fetches again,
 * e.g. after a save conflict.
 */
export function useDesignLoader(
  store: StoreApi<CanvasState>,
  projectId: string,
  designId: string,
  readOnly: boolean,
  onError: (message: string) => void,
) {
  const { fitView } = useReactFlow();
  const [status, setStatus] = useState<LoadStatus>('loading');
  const [record, setRecord] = useState<TopologyRecord | null>(null);
  const [nonce, setNonce] = useState(0);
  /** False while freshly computed positions are still being stored (edits wait for the new revision). */
  const [revisionReady, setRevisionReady] = useState(false);
  const revision = useRef<number | null>(null);

  useEffect(() => {
    let alive = true;
    setStatus('loading');
    setRevisionReady(false);
    (async () => {
      const rec = await call('design:get', { projectId, designId });
      if (!alive) return;
      let topology = rec.topology;
      revision.current = rec.revision;
      let positions: Map<string, { x: number; y: number }> | null = null;
      if (!hasLayout(topology)) {
        setStatus('layout');
        positions = await initialLayout(topology);
        if (!alive) return;
        const placed = positions;
        topology = { ...topology, nodes: topology.nodes.map((n) => ({ ...n, ...(placed.get(n.id) ?? {}) })) };
      }
      // Show first, store the new positions after: the architect should not wait on the disk.
      store.getState().load(topology, readOnly);
      setRecord(rec);
      setStatus('ready');
      requestAnimationFrame(() => void fitView(FIT));
      if (!readOnly && positions !== null && positions.size > 0) {
        const saved = await call('design:savePositions', {
          projectId,
          designId,
          revision: rec.revision,
          positions: [...positions].map(([id, p]) => ({ id, x: p.x, y: p.y })),
        });
        revision.current = saved.revision;
      }
      if (alive) setRevisionReady(true);
    })().catch((err: unknown) => {
      if (err instanceof StaleLayoutError || !alive) return;
      setStatus('error');
      onError((err as Error).message);
    });
    return () => {
      alive = false;
    };
  }, [projectId, designId, readOnly, store, fitView, onError, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { status, record, revision, revisionReady, reload };
}

const FIT = { padding: 0.1 } as const;
