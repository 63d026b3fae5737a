/// <reference lib="webworker" />
import { costDesign } from '../../../src-shared/cost/cost';
import type { PriceBook } from '../../../src-shared/cost/pricebook';
import type { Intent } from '../../../src-shared/model/intent';
import type { Topology } from '../../../src-shared/model/topology';
import { validateDesign } from '../../../src-shared/validate/validate';

export interface ValidateRequest {
  seq: number;
  topology: Topology;
  intent: Intent | null;
  book: PriceBook;
}

// The live validation runs here, off the UI thread: judging a 1,000-device
// design takes seconds (the redundancy checks try every candidate failure),
// and the canvas must not freeze while it does.
self.onmessage = (ev: MessageEvent<ValidateRequest>) => {
  const { seq, topology, intent, book } = ev.data;
  try {
    const t0 = performance.now();
    const cost = costDesign(topology, book, intent?.finance);
    const result = validateDesign(topology, intent ?? undefined, { cost });
    self.postMessage({ seq, ok: true, result, cost, ms: performance.now() - t0 });
  } catch (err) {
    self.postMessage({ seq, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
