import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import type { Topology } from '../../../src-shared/model/topology';
import { createCanvasStore } from '../../canvas/canvasStore';
import { CanvasStoreProvider } from '../../canvas/CanvasStoreProvider';
import { CanvasView } from '../../canvas/CanvasView';
import { shelfLayout } from '../../canvas/layout/clusters';
import { hasLayout } from '../../canvas/toFlow';

/** A proposed step on its own read-only canvas: added elements green, removed red and dashed. */
export function DiffCanvas({ topology, added, removed }: { topology: Topology; added: ReadonlySet<string>; removed: ReadonlySet<string> }) {
  const store = useMemo(() => createCanvasStore(), []);
  return (
    <CanvasStoreProvider store={store}>
      <ReactFlowProvider>
        <Body store={store} topology={topology} added={added} removed={removed} />
      </ReactFlowProvider>
    </CanvasStoreProvider>
  );
}

function Body({ store, topology, added, removed }: { store: ReturnType<typeof createCanvasStore>; topology: Topology; added: ReadonlySet<string>; removed: ReadonlySet<string> }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    // Devices added by the step have no position yet; a base without any gets the site packing.
    const placed = hasLayout(topology) ? topology : { ...topology, nodes: topology.nodes.map((n) => ({ ...n, ...(n.x === undefined ? shelfLayout(topology).get(n.id) : {}) })) };
    store.getState().load(placed, true);
    store.getState().setDiff({ added, removed });
    requestAnimationFrame(() => void fitView({ padding: 0.1 }));
  }, [store, topology, added, removed, fitView]);
  return (
    <div className="canvas canvas--inline">
      <CanvasView label="Proposed change" />
    </div>
  );
}
