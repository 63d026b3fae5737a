import { useEffect, useState } from 'react';
import type { StoreApi } from 'zustand';
import { costDesign } from '../../../src-shared/cost/cost';
import type { PriceBook } from '../../../src-shared/cost/pricebook';
import { type Intent, restoreIntent } from '../../../src-shared/model/intent';
import type { TopologyRecord } from '../../../src-shared/model/records';
import { validateDesign } from '../../../src-shared/validate/validate';
import type { ValidationResult } from '../../../src-shared/validate/types';
import type { CostBreakdown } from '../../../src-shared/cost/cost';
import { call } from '../../api/client';
import type { CanvasState } from '../../canvas/canvasStore';

export interface LiveValidation {
  result: ValidationResult;
  cost: CostBreakdown;
  ms: number;
}

/** The intent a design was generated from, if any (parsed with the shared schema). */
export function useDesignIntent(projectId: string, record: TopologyRecord | null): Intent | null {
  const [intent, setIntent] = useState<Intent | null>(null);
  const intentId = record?.intentId ?? null;
  useEffect(() => {
    if (intentId === null) {
      setIntent(null);
      return;
    }
    let alive = true;
    call('intent:get', { projectId, intentId }).then(
      (r) => {
        const parsed = restoreIntent(r.intent);
        if (alive) setIntent(parsed.success ? parsed.data : null);
      },
      () => alive && setIntent(null),
    );
    return () => {
      alive = false;
    };
  }, [projectId, intentId]);
  return intent;
}

/**
 * Re-validates the design in the renderer (shared validateDesign + cost) a
 * moment after each edit, so problems follow the pencil without a round trip.
 * Priced with the project's price book over the intent's term (the design's
 * own when it has no intent), as main prices it.
 */
export function useLiveValidation(store: StoreApi<CanvasState>, intent: Intent | null, book: PriceBook, delayMs = 150): LiveValidation | null {
  const [live, setLive] = useState<LiveValidation | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const run = (): void => {
      const t = store.getState().topology;
      if (t === null) return;
      const t0 = performance.now();
      const cost = costDesign(t, book, intent?.finance);
      const result = validateDesign(t, intent ?? undefined, { cost });
      setLive({ result, cost, ms: performance.now() - t0 });
    };
    // Also the first run waits a moment: the design is painted before it is judged.
    timer = setTimeout(run, delayMs);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.version === prev.version) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(run, delayMs);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, intent, book, delayMs]);
  return live;
}
