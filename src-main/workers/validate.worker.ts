/**
 * Validation worker: validates one large design off the host's thread. The
 * site-pair checks are O(sites²) (minutes at 50,000 devices, docs/limits.md),
 * so the host keeps answering while they run. Imports only src-shared.
 * Protocol: one `ValidateWorkerRequest` in (the design as stored JSON, so the
 * host never parses it); `progress` messages, then one `result` or `error`
 * out. Cancel = terminate the worker.
 */
import { parentPort } from 'node:worker_threads';
import { costDesign } from '../../src-shared/cost/cost';
import type { PriceBook } from '../../src-shared/cost/pricebook';
import type { Intent } from '../../src-shared/model/intent';
import { restoreTopology } from '../../src-shared/model/topology';
import type { ValidationResult } from '../../src-shared/validate/types';
import { validateDesign } from '../../src-shared/validate/validate';

export interface ValidateWorkerRequest {
  topologyJson: string;
  intent: Intent | undefined;
  priceBook: PriceBook;
}

export type ValidateWorkerMessage =
  | { type: 'progress'; phase: 'reading' | 'pairs'; done: number; total: number }
  | { type: 'result'; validation: ValidationResult }
  | { type: 'error'; message: string };

const port = parentPort;
if (port === null) throw new Error('validate.worker must run in a worker thread');
const post = (m: ValidateWorkerMessage): void => port.postMessage(m);

/** At most this often: a progress message per site would be 50,000 messages. */
const PROGRESS_MS = 100;

port.once('message', (req: ValidateWorkerRequest) => {
  try {
    post({ type: 'progress', phase: 'reading', done: 0, total: 1 });
    const topology = restoreTopology(JSON.parse(req.topologyJson));
    const cost = costDesign(topology, req.priceBook, req.intent?.finance);
    let last = 0;
    const validation = validateDesign(topology, req.intent, {
      cost,
      onPairs: (done, total) => {
        const now = Date.now();
        if (done < total && now - last < PROGRESS_MS) return;
        last = now;
        post({ type: 'progress', phase: 'pairs', done, total });
      },
    });
    post({ type: 'result', validation });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
});
