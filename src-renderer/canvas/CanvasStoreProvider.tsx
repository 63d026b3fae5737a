import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { CanvasState } from './canvasStore';

const CanvasStoreContext = createContext<StoreApi<CanvasState> | null>(null);

export function CanvasStoreProvider({ store, children }: { store: StoreApi<CanvasState>; children: ReactNode }) {
  return <CanvasStoreContext.Provider value={store}>{children}</CanvasStoreContext.Provider>;
}

/** Narrow selector over the nearest canvas store. */
export function useCanvas<T>(selector: (s: CanvasState) => T): T {
  const store = useContext(CanvasStoreContext);
  if (store === null) throw new Error('useCanvas must be used inside <CanvasStoreProvider>');
  return useStore(store, selector);
}

