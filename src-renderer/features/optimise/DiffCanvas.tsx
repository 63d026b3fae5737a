import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo } from 'react';
import type { Topology } from '../../../src-shared/model/topology';
import { createCanvasStore } from '../../canvas/canvasStore';
import { CanvasStoreProvider } from '../../canvas/CanvasStoreProvider';
import { CanvasView } from '../../canvas/CanvasView';
import { shelfLayout } from '../../canvas/layout/clusters';
import { hasLayout } from '../../canvas/toFlow';
import { changeFocus } from './diff';

/** A proposed step on its own read-only canvas, zoomed to the change: added elements green, removed red and dashed. */
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
  const focus = useMemo(() => changeFocus(topology, added, removed), [topology, added, removed]);
  const toChange = useCallback(() => {
    if (focus.length === 0) return void fitView({ padding: 0.1 });
    void fitView({ nodes: focus.map((id) => ({ id })), padding: 0.6, maxZoom: 1.5, duration: 250 });
  }, [focus, fitView]);
  useEffect(() => {
    // Devices added by the step have no position yet; a base without any gets the site packing.
    const placed = hasLayout(topology) ? topology : { ...topology, nodes: topology.nodes.map((n) => ({ ...n, ...(n.x === undefined ? shelfLayout(topology).get(n.id) : {}) })) };
    store.getState().load(placed, true);
    store.getState().setDiff({ added, removed });
    requestAnimationFrame(toChange);
  }, [store, topology, added, removed, toChange]);
  return (
    <div className="canvas canvas--inline" data-focus={focus.join(' ')}>
      <div className="row diff__zoom" role="toolbar" aria-label="Diff view">
        <button type="button" onClick={toChange}>
          Zoom to the change
        </button>
        <button type="button" onClick={() => void fitView({ padding: 0.1, duration: 250 })}>
          Whole design
        </button>
      </div>
      <CanvasView label="Proposed change" />
    </div>
  );
}
