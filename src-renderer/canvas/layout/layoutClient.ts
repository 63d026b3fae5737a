import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Topology } from '../../../src-shared/model/topology';
import { applyElkLayout, toElkGraph, type LayoutAlgorithm } from './elkGraph';

type Reply = { seq: number; ok: true; result: ElkNode } | { seq: number; ok: false; message: string };

let worker: Worker | null = null;
let seq = 0;
const pending = new Map<number, { resolve: (r: ElkNode) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (worker === null) {
    worker = new Worker(new URL('./elk.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (ev: MessageEvent<Reply>) => {
      const p = pending.get(ev.data.seq);
      if (!p) return;
      pending.delete(ev.data.seq);
      if (ev.data.ok) p.resolve(ev.data.result);
      else p.reject(new Error(`layout failed: ${ev.data.message}`));
    };
  }
  return worker;
}

export class StaleLayoutError extends Error {
  override name = 'StaleLayoutError';
}

/**
 * Lays out a topology in the ELK worker. A newer request supersedes older
 * ones still running: those reject with StaleLayoutError and are ignored.
 */
export async function layoutTopology(
  t: Topology,
  algorithm: LayoutAlgorithm = 'layered',
): Promise<Map<string, { x: number; y: number }>> {
  const mine = ++seq;
  for (const [s, p] of pending) {
    pending.delete(s);
    p.reject(new StaleLayoutError('superseded'));
  }
  const result = await new Promise<ElkNode>((resolve, reject) => {
    pending.set(mine, { resolve, reject });
    getWorker().postMessage({ seq: mine, graph: toElkGraph(t, algorithm) });
  });
  return applyElkLayout(result, t);
}
