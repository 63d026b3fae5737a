import type { CompiledGraph } from './csr';
import { SlotDelta } from './incremental';
import { failureMasks, maxLoadAfter, type RoutingEngine } from './routing';

/** One scenario: the node and link indices that fail together. */
export interface FailureSpec {
  readonly nodes: readonly number[];
  readonly links: readonly number[];
}

/** Every single link, then every single node (the N-1 sweep of the analyze contract). */
export function n1Scenarios(g: CompiledGraph): FailureSpec[] {
  const out: FailureSpec[] = [];
  for (let e = 0; e < g.linkIds.length; e++) out.push({ nodes: [], links: [e] });
  for (let v = 0; v < g.nodeIds.length; v++) out.push({ nodes: [v], links: [] });
  return out;
}

/**
 * Largest directed link load after each scenario in specs[start, end).
 * `tick(done)` is called after every scenario; returning false stops early
 * (cancellation), leaving NaN for scenarios not run.
 * Cost per scenario: the incremental update (routing.ts) plus one O(m) scan.
 */
export function sweepMaxLoads(
  engine: RoutingEngine,
  specs: readonly FailureSpec[],
  start = 0,
  end = specs.length,
  tick: (done: number) => boolean = () => true,
): Float64Array {
  const out = new Float64Array(end - start).fill(NaN);
  const delta = new SlotDelta(engine.slots);
  for (let i = start; i < end; i++) {
    const spec = specs[i]!;
    const f = failureMasks(engine.g, spec.nodes, spec.links);
    delta.reset();
    engine.failureDelta(f, delta);
    out[i - start] = maxLoadAfter(engine.baseLoad, delta, f.links);
    if (!tick(i - start + 1)) break;
  }
  delta.reset();
  return out;
}

/** Largest value of a load array (0 when empty). */
export function maxOf(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) if (a[i]! > m) m = a[i]!;
  return m;
}
