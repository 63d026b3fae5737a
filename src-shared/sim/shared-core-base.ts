import type { CompiledGraph } from './csr';
import { SweepCancelled } from './routing';

/**
 * The compressed sweep's nothing-failed core loads (CompressedSweep's
 * coreBase: one skeleton routing of the whole core), built by one worker of
 * an impact sweep instead of by each. On the real Kdl (754 routers) that
 * routing was ~0.3 s of each worker's set-up, the same numbers in both.
 *
 * The first worker to ask owns it (Atomics.compareExchange on the header)
 * and routes it before its share of the routing baseline (shared-baseline.ts,
 * whose destinations are claimed from a counter, so the other worker takes
 * more of them meanwhile); the other builds the baseline first, then reads
 * the loads — the owner's numbers copied, so bit-identical to its own
 * routing. Layout: Int32 header [owner, ready, length, 0], then f64[length].
 */
const OWNER = 0;
const READY = 1;
const LENGTH = 2;
const HEADER_BYTES = 16;

/** Room for the core loads of `g` (2 directed slots per link; the core has at most the graph's links). */
export function newSharedCoreBase(g: Pick<CompiledGraph, 'linkIds'>): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + 16 * g.linkIds.length);
}

export class SharedCoreBase {
  private readonly header: Int32Array;
  private owner: boolean | null = null;

  constructor(private readonly buf: SharedArrayBuffer) {
    this.header = new Int32Array(buf, 0, 4);
  }

  /** True for the one worker that routes the loads (asked once, then the same answer). */
  owns(): boolean {
    this.owner ??= Atomics.compareExchange(this.header, OWNER, 0, 1) === 0;
    return this.owner;
  }

  /**
   * The core loads (`slots` of them): routed by `compute` in the owner and
   * published, or read once the owner has published them. `alive` is asked
   * every 20 ms of waiting; false throws SweepCancelled.
   */
  loads(slots: number, compute: (into: Float64Array) => void, alive: () => boolean): Float64Array {
    if (HEADER_BYTES + 8 * slots > this.buf.byteLength) throw new Error(`shared core loads: ${slots} slots do not fit ${this.buf.byteLength} bytes`);
    const view = new Float64Array(this.buf, HEADER_BYTES, slots);
    if (this.owns()) {
      const own = new Float64Array(slots);
      compute(own);
      view.set(own);
      Atomics.store(this.header, LENGTH, slots);
      Atomics.store(this.header, READY, 1);
      Atomics.notify(this.header, READY);
      return own;
    }
    while (Atomics.load(this.header, READY) !== 1) {
      if (!alive()) throw new SweepCancelled();
      Atomics.wait(this.header, READY, 0, 20);
    }
    const length = Atomics.load(this.header, LENGTH);
    if (length !== slots) throw new Error(`shared core loads: ${length} published, ${slots} expected`);
    return Float64Array.from(view);
  }
}
