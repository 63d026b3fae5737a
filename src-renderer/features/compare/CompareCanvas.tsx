import { ReactFlowProvider, useReactFlow, type Viewport } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import type { StoreApi } from 'zustand';
import { createCanvasStore, type CanvasState } from '../../canvas/canvasStore';
import { CanvasStoreProvider } from '../../canvas/CanvasStoreProvider';
import { CanvasView } from '../../canvas/CanvasView';
import { useDesignLoader } from '../../canvas/useDesignLoader';

export interface Marks {
  added: ReadonlySet<string>;
  removed: ReadonlySet<string>;
  changed: ReadonlySet<string>;
}

interface Props {
  projectId: string;
  designId: string;
  label: string;
  onError: (m: string) => void;
  /** Elements coloured as the difference from the other design (null: no diff shown). */
  marks: Marks | null;
  /** When set, this canvas follows it (viewport sync). */
  sharedViewport?: Viewport | null;
  onUserMove?: (v: Viewport) => void;
  /** Each change fits the design again (the bar's "Fit every design"). */
  fitSignal: number;
  /** Told when the design is shown (or could not be): Compare lays its designs out one after another. */
  onSettled: (designId: string) => void;
}

const FIT = { padding: 0.08 } as const;

/**
 * One design of a comparison, read-only, with no minimap over its small pane.
 * It fits its design when it has loaded and whenever its pane changes size
 * (the window, the number of designs), until someone pans or zooms.
 */
export function CompareCanvas(props: Props) {
  const store = useMemo(() => createCanvasStore(), []);
  return (
    <CanvasStoreProvider store={store}>
      <ReactFlowProvider>
        <Body {...props} store={store} />
      </ReactFlowProvider>
    </CanvasStoreProvider>
  );
}

function Body({ projectId, designId, label, onError, marks, sharedViewport, onUserMove, fitSignal, onSettled, store }: Props & { store: StoreApi<CanvasState> }) {
  const { status } = useDesignLoader(store, projectId, designId, true, onError);
  const { fitView, setViewport, getViewport } = useReactFlow();
  const pane = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (status !== 'ready') return;
    store.getState().setDiff(marks);
  }, [status, marks, store]);

  useEffect(() => {
    if (status === 'ready' || status === 'error') onSettled(designId);
  }, [status, designId, onSettled]);

  // Fit on load and on every resize of the pane, unless the user has taken the view.
  useEffect(() => {
    const el = pane.current;
    if (el === null || status !== 'ready') return;
    let frame = 0;
    const fit = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (!moved.current && el.clientWidth > 0 && el.clientHeight > 0) void fitView(FIT);
      });
    };
    fit();
    const watch = new ResizeObserver(fit);
    watch.observe(el);
    return () => {
      watch.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [status, fitView]);

  useEffect(() => {
    if (fitSignal === 0 || status !== 'ready') return;
    moved.current = false;
    void fitView({ ...FIT, duration: 200 });
    // Only a new signal refits; a status change is handled above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fitSignal]);

  useEffect(() => {
    if (!sharedViewport) return;
    moved.current = true;
    const v = getViewport();
    if (v.x !== sharedViewport.x || v.y !== sharedViewport.y || v.zoom !== sharedViewport.zoom) void setViewport(sharedViewport);
  }, [sharedViewport, setViewport, getViewport]);

  const onMove = (v: Viewport): void => {
    moved.current = true;
    onUserMove?.(v);
  };
  const refit = (): void => {
    moved.current = false;
    void fitView({ ...FIT, duration: 200 });
  };

  return (
    <div ref={pane} className="canvas canvas--inline compare__canvas" data-status={status} aria-busy={status !== 'ready'}>
      {status !== 'ready' && (
        <div className="canvas__status" role="status">
          {status === 'loading' ? 'Loading design…' : status === 'layout' ? 'Laying out…' : 'Could not load this design'}
        </div>
      )}
      <button type="button" className="compare__fit" onClick={refit} aria-label={`Fit ${label}`}>
        Fit
      </button>
      <CanvasView label={label} minimap={false} onUserMove={onMove} />
    </div>
  );
}
