import type { connectedComponents } from './connectivity';
import type { TrafficMatrix } from './traffic';

/**
 * Explicit matrices only: per node, the demand it sends to / receives from
 * its own baseline component. A failure that splits no component strands
 * exactly the failed nodes' demands, from these sums in O(failed²) instead
 * of an O(n²) pass over the matrix per scenario (product matrices need none:
 * their deliverableVolume is O(n) already).
 */
export class FailedDemand {
  private readonly connOut: Float64Array;
  private readonly connIn: Float64Array;

  constructor(
    private readonly matrix: TrafficMatrix,
    private readonly baseComp: ReturnType<typeof connectedComponents>,
  ) {
    const n = baseComp.componentOf.length;
    const out = new Float64Array(n);
    const inn = new Float64Array(n);
    const cOf = baseComp.componentOf;
    const add = (a: number, b: number, d: number): void => {
      if (a === b || cOf[a] !== cOf[b]) return;
      out[a]! += d;
      inn[b]! += d;
    };
    if (matrix.forEachDemand !== undefined) matrix.forEachDemand(add);
    else for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) add(a, b, matrix.demand(a, b));
    this.connOut = out;
    this.connIn = inn;
  }

  /**
   * Stranded demand when the failure splits no component — the survivors of
   * each baseline component still form one — so only the failed nodes'
   * demands are lost: their sums, less each pair of failed nodes counted
   * twice. Undefined when a component splits.
   */
  strandedBy(failed: readonly number[], comp: { count: number }, lostPerComp: Float64Array): number | undefined {
    const base = this.baseComp;
    let surviving = 0;
    for (let c = 0; c < base.count; c++) if (base.sizes[c]! > lostPerComp[c]!) surviving++;
    if (comp.count !== surviving) return undefined;
    const nodes = failed.length > 1 ? [...new Set(failed)] : failed;
    const cOf = base.componentOf;
    const t = this.matrix;
    let lost = 0;
    for (const v of nodes) lost += this.connOut[v]! + this.connIn[v]!;
    for (const u of nodes) for (const v of nodes) if (u !== v && cOf[u] === cOf[v]) lost -= t.demand(u, v);
    return lost;
  }
}
