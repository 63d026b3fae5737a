import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Topology } from '../../../src-shared/model/topology';
import { CLUSTER_ABOVE, clusterPlan, placeMembers, shelfLayout } from './clusters';
import { ALGORITHM_OPTIONS, applyElkLayout, toElkGraph, type LayoutAlgorithm } from './elkGraph';
import { isRibbon, layoutPlan } from './plan';
import { DEVICE_H, DEVICE_W } from '../views/deviceLabels';

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
 * Lays out a topology: in the ELK worker on devices or on sites (the plan
 * keeps every ELK run small enough to answer in about a second; plan.ts), or
 * by the instant site packing when even the site graph is too big for the
 * chosen algorithm, with a notice saying so. A newer request supersedes older
 * ones still running: those reject with StaleLayoutError and are ignored.
 */
export async function layoutTopology(
  t: Topology,
  algorithm: LayoutAlgorithm = 'layered',
): Promise<{ positions: Map<string, { x: number; y: number }>; notice: string | null }> {
  const plan = layoutPlan(t, algorithm);
  if (plan.level === 'packing') return { positions: shelfLayout(t), notice: plan.notice };
  if (plan.level === 'sites') {
    const c = clusterPlan(t, { ...ALGORITHM_OPTIONS[algorithm], 'elk.separateConnectedComponents': 'true' }, algorithm === 'radial');
    const result = await runElk(c.graph);
    return { positions: placeMembers(result, c, new Set(t.nodes.filter((n) => n.pinned === true).map((n) => n.id))), notice: plan.notice };
  }
  return { positions: applyElkLayout(await runElk(toElkGraph(t, algorithm)), t), notice: plan.notice };
}

/**
 * The layout a design gets when it is first shown without positions: ELK
 * layered for small designs, the instant site packing for big ones and for
 * those ELK draws as an unreadable ribbon (plan.ts isRibbon). Auto-layout
 * still runs whichever algorithm the user picks.
 */
export async function initialLayout(t: Topology): Promise<Map<string, { x: number; y: number }>> {
  if (t.nodes.length > CLUSTER_ABOVE) return shelfLayout(t);
  const { positions } = await layoutTopology(t, 'layered');
  return isRibbon(positions, DEVICE_W, DEVICE_H) ? shelfLayout(t) : positions;
}

/**
 * One ELK run in the worker. ELK cannot be interrupted, so a request that
 * supersedes a running one terminates that worker and starts a fresh one:
 * a stale 2,000-device layout must not hold up the design the user opened next.
 */
async function runElk(graph: ElkNode): Promise<ElkNode> {
  const mine = ++seq;
  if (pending.size > 0) {
    for (const [s, p] of pending) {
      pending.delete(s);
      p.reject(new StaleLayoutError('superseded'));
    }
    worker?.terminate();
    worker = null;
  }
  return new Promise<ElkNode>((resolve, reject) => {
    pending.set(mine, { resolve, reject });
    getWorker().postMessage({ seq: mine, graph });
  });
}
