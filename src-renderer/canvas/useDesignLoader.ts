import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StoreApi } from 'zustand';
import type { TopologyRecord } from '../../src-shared/model/records';
import { call } from '../api/client';
import type { CanvasState } from './canvasStore';
import { layoutTopology, StaleLayoutError } from './layout/layoutClient';
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
  const revision = useRef<number | null>(null);

  useEffect(() => {
    let alive = true;
    setStatus('loading');
    (async () => {
      const rec = await call('design:get', { projectId, designId });
      if (!alive) return;
      let topology = rec.topology;
      revision.current = rec.revision;
      if (!hasLayout(topology)) {
        setStatus('layout');
        const positions = await layoutTopology(topology, 'layered');
        if (!alive) return;
        topology = { ...topology, nodes: topology.nodes.map((n) => ({ ...n, ...(positions.get(n.id) ?? {}) })) };
        if (!readOnly && positions.size > 0) {
          const saved = await call('design:savePositions', {
            projectId,
            designId,
            revision: rec.revision,
            positions: [...positions].map(([id, p]) => ({ id, x: p.x, y: p.y })),
          });
          revision.current = saved.revision;
        }
      }
      store.getState().load(topology, readOnly);
      setRecord(rec);
      setStatus('ready');
      requestAnimationFrame(() => void fitView(FIT));
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
  return { status, record, revision, reload };
}

const FIT = { padding: 0.1 } as const;
