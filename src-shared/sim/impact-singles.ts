import type { CompiledGraph } from './csr';
import type { FailureMasks } from './incremental';
import type { StretchBase } from './impact-chains';
import { StretchSink } from './latency';
import { failureMasks, SweepCancelled } from './routing';
import { percentilesOfRuns } from './stretch-percentiles';
import type { FailureSpec } from './sweep';

/** A closed form for some single failures: chains (impact-chains.ts), leaf routers (impact-dualhomed.ts). */
export interface SingleFailurePath {
  handles(spec: FailureSpec): boolean;
  /** `stopped`, when the path asks it (long shared work), true throws SweepCancelled. */
  stretch(spec: FailureSpec, f: FailureMasks, sink: StretchSink, base: StretchBase, stopped?: () => boolean): void;
  loadFields(spec: FailureSpec, f: FailureMasks, out: Float64Array, at: number): void;
  /** Failures whose stretch stretchMany takes several at a time (SingleRunner, impact-singles.ts). */
  repairsEach?(spec: FailureSpec): boolean;
  stretchMany?(fs: readonly FailureMasks[], sinks: readonly StretchSink[], base: StretchBase, stopped?: () => boolean): void;
}

/** Connectivity figures of one failure, before any routing (ImpactEvaluator.connectivity). */
export interface Connectivity {
  cut: number;
  isolated: number;
  stranded: number;
}

/** What the single-failure runner needs of the evaluator: its stretch baseline and connectivity figures. */
export interface SingleHost extends StretchBase {
  connectivity(f: FailureMasks): Connectivity;
}

/**
 * How many failures share one destination-by-destination stretch pass
 * (SingleFailurePath.stretchMany): the job's impact block is 32, and each
 * keeps a sink of its own ratios.
 */
const MANY = 32;

/**
 * The scenarios of an impact block that a closed form answers
 * (SingleFailurePath: chains, leaf routers), each written at out[ats[k] …]:
 * connectivity as every scenario, stretch and loads from the path. Runs of
 * consecutive failures the path repairs per destination (repairsEach) have
 * their stretch taken together, destination by destination (stretchMany);
 * every scenario is still written, and its loads asked, in the block's order.
 */
export class SingleRunner {
  private readonly sinks: StretchSink[] = [];

  constructor(
    private readonly g: CompiledGraph,
    private readonly single: SingleFailurePath,
    private readonly host: SingleHost,
  ) {}

  /** Scenarios ks of specs (ascending); false when stopped (the rest unwritten). */
  run(specs: readonly FailureSpec[], ks: readonly number[], out: Float64Array, ats: readonly number[], stopped: () => boolean): boolean {
    const group: number[] = [];
    for (const k of ks) {
      if (this.batched(specs[k]!)) {
        group.push(k);
        if (group.length === MANY && !this.many(group.splice(0), specs, out, ats, stopped)) return false;
        continue;
      }
      if (group.length > 0 && !this.many(group.splice(0), specs, out, ats, stopped)) return false;
      if (stopped() || !this.one(specs[k]!, out, ats[k]!, stopped)) return false;
    }
    return group.length === 0 || this.many(group, specs, out, ats, stopped);
  }

  /** Whether the path takes this failure's stretch with others' (stretchMany). */
  private batched(spec: FailureSpec): boolean {
    return this.single.stretchMany !== undefined && this.single.repairsEach?.(spec) === true;
  }

  /** Sink k, grown on demand and reused. */
  private sink(k: number): StretchSink {
    while (this.sinks.length <= k) this.sinks.push(new StretchSink());
    return this.sinks[k]!;
  }

  /** Failures ks (repairsEach) with their stretch from one stretchMany pass; false when stopped. */
  private many(ks: readonly number[], specs: readonly FailureSpec[], out: Float64Array, ats: readonly number[], stopped: () => boolean): boolean {
    if (stopped()) return false;
    const fs: FailureMasks[] = [];
    const sinks: StretchSink[] = [];
    for (let j = 0; j < ks.length; j++) {
      const spec = specs[ks[j]!]!;
      fs.push(failureMasks(this.g, spec.nodes, spec.links));
      const s = this.sink(j);
      s.reset();
      sinks.push(s);
    }
    try {
      this.single.stretchMany!(fs, sinks, this.host, stopped);
    } catch (err) {
      if (err instanceof SweepCancelled) return false;
      throw err;
    }
    for (let j = 0; j < ks.length; j++) {
      if (stopped()) return false;
      this.write(specs[ks[j]!]!, fs[j]!, sinks[j]!, out, ats[ks[j]!]!);
    }
    return true;
  }

  /** One scenario on its own (SingleFailurePath.stretch); false when stopped (nothing written). */
  private one(spec: FailureSpec, out: Float64Array, at: number, stopped: () => boolean): boolean {
    const f = failureMasks(this.g, spec.nodes, spec.links);
    const sink = this.sink(0);
    sink.reset();
    try {
      this.single.stretch(spec, f, sink, this.host, stopped);
    } catch (err) {
      if (err instanceof SweepCancelled) return false;
      throw err;
    }
    // The loads' first scenario of a chain routes its terms once (CompressedSweep.termsOf): ask before that too.
    if (stopped()) return false;
    this.write(spec, f, sink, out, at);
    return true;
  }

  /** A scenario's figures at out[at …]: connectivity, the stretch in its sink, the path's loads. */
  private write(spec: FailureSpec, f: FailureMasks, sink: StretchSink, out: Float64Array, at: number): void {
    const head = this.host.connectivity(f);
    const stretch = percentilesOfRuns(sink.runs, sink.changed, sink.count, sink.unchanged);
    const values = [head.cut, head.isolated, Math.max(0, head.stranded), stretch.p50, stretch.p95, stretch.max];
    for (let i = 0; i < values.length; i++) out[at + i] = values[i]!;
    this.single.loadFields(spec, f, out, at + values.length);
  }
}
