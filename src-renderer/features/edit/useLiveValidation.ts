import { useEffect, useState } from 'react';
import type { StoreApi } from 'zustand';
import type { PriceBook } from '../../../src-shared/cost/pricebook';
import { type Intent, restoreIntent } from '../../../src-shared/model/intent';
import type { TopologyRecord } from '../../../src-shared/model/records';
import type { Topology } from '../../../src-shared/model/topology';
import type { ValidationResult } from '../../../src-shared/validate/types';
import type { CostBreakdown } from '../../../src-shared/cost/cost';
import { call } from '../../api/client';
import type { CanvasState } from '../../canvas/canvasStore';
import type { ValidateRequest } from './validate.worker';

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

type Reply = { seq: number; ok: true; result: ValidationResult; cost: CostBreakdown; ms: number } | { seq: number; ok: false; message: string };

/**
 * Re-validates the design a moment after each edit (shared validateDesign +
 * cost), so problems follow the pencil without a round trip to main. It runs
 * in a Web Worker: on a 1,000-device design the judgement takes seconds and
 * the canvas stays live meanwhile. One run at a time; edits made during a run
 * are judged together after it (the newest state only). `checking` is true
 * while the shown result is older than the design.
 * Priced with the project's price book over the intent's term (the design's
 * own when it has no intent), as main prices it.
 */
export function useLiveValidation(
  store: StoreApi<CanvasState>,
  intent: Intent | null,
  book: PriceBook,
  onError: (message: string) => void,
  delayMs = 150,
): (LiveValidation & { checking: boolean }) | null {
  const [live, setLive] = useState<LiveValidation | null>(null);
  const [checking, setChecking] = useState(true);
  useEffect(() => {
    const worker = new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module' });
    let timer: ReturnType<typeof setTimeout> | null = null;
    let seq = 0;
    let running: number | null = null;
    let queued: Topology | null = null;
    const send = (t: Topology): void => {
      running = ++seq;
      const req: ValidateRequest = { seq: running, topology: t, intent, book };
      worker.postMessage(req);
    };
    worker.onmessage = (ev: MessageEvent<Reply>) => {
      if (ev.data.seq !== running) return;
      running = null;
      if (ev.data.ok) setLive({ result: ev.data.result, cost: ev.data.cost, ms: ev.data.ms });
      else onError(`Could not validate the design: ${ev.data.message}`);
      if (queued !== null) {
        const t = queued;
        queued = null;
        send(t);
      } else if (timer === null) setChecking(false);
    };
    worker.onerror = (ev) => {
      running = null;
      setChecking(false);
      onError(`Could not validate the design: ${ev.message}`);
    };
    const run = (): void => {
      timer = null;
      const t = store.getState().topology;
      if (t === null) return;
      if (running !== null) queued = t;
      else send(t);
    };
    const schedule = (): void => {
      setChecking(true);
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(run, delayMs);
    };
    // Also the first run waits a moment: the design is painted before it is judged.
    schedule();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.version !== prev.version) schedule();
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      worker.terminate();
    };
  }, [store, intent, book, delayMs, onError]);
  return live === null ? null : { ...live, checking };
}
