import { useEffect, useMemo } from 'react';
import type { StoreApi } from 'zustand';
import type { Mode } from '../../actions/types';
import type { CanvasState } from '../../canvas/canvasStore';
import { useCanvas } from '../../canvas/CanvasStoreProvider';
import { WhatIfModel } from '../../../src-shared/sim/whatif';

/**
 * Keeps a WhatIfModel for the current design while what-if mode is on and
 * hands its evaluator to the canvas store, so a click answers synchronously.
 */
export function useWhatIf(store: StoreApi<CanvasState>, mode: Mode): WhatIfModel | null {
  const topology = useCanvas((s) => s.topology);
  const model = useMemo(() => (mode === 'whatif' && topology !== null ? new WhatIfModel(topology) : null), [mode, topology]);
  useEffect(() => {
    if (model === null) {
      store.getState().setEvaluator(null);
      return;
    }
    store.getState().setEvaluator({ first: (f, prev) => model.connectivity(f, prev), refine: (f, first) => model.routing(f, first) });
    // The routing baseline (≈1 s at 1,000 devices) is built after what-if mode has painted,
    // so the switch answers at once and the first click does not pay for it.
    const timer = setTimeout(() => model.warm(), 50);
    return () => clearTimeout(timer);
  }, [model, store]);
  return model;
}
