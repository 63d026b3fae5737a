/**
 * Accumulator over directed link slots. Sweeps scan every slot for the
 * maximum anyway (O(m) per scenario), so a dense array with a full reset is
 * cheaper than tracking which slots were touched.
 */
export class SlotDelta {
  readonly value: Float64Array;
  constructor(slots: number) {
    this.value = new Float64Array(slots);
  }
  add(slot: number, v: number): void {
    this.value[slot]! += v;
  }
  reset(): void {
    this.value.fill(0);
  }
}

/** The load changes of one destination's re-flow, in the order they were added (slot, value). */
export class LoadOpLog {
  slot = new Int32Array(1024);
  value = new Float64Array(1024);
  length = 0;
  push(slot: number, v: number): void {
    if (this.length === this.slot.length) {
      const s = new Int32Array(2 * this.length);
      const x = new Float64Array(2 * this.length);
      s.set(this.slot);
      x.set(this.value);
      this.slot = s;
      this.value = x;
    }
    this.slot[this.length] = slot;
    this.value[this.length++] = v;
  }
}
