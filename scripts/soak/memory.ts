import { readProcMemory, type SoakHost } from './host';

/**
 * "Memory returned to its baseline", three rules, all required (the third,
 * descriptors, is in run.ts):
 *
 * Live JS heap after a full GC ≤ baseline + max(25 %, 16 MiB). Live objects
 * are what a Node leak is made of (listeners, maps, closures, cached
 * results); the one growth by design is the learning-sample cache, a few KiB
 * per generated design. This is the sharp rule.
 *
 * RSS ≤ baseline + max(50 %, 128 MiB), the baseline taken at rest after a
 * warm-up at full concurrency. RSS cannot be held tighter: glibc gives each
 * allocating thread (main, simulator workers and their replacements after a
 * cancel, libuv pool) its own malloc arena and keeps each at its high-water
 * mark. Measured on this machine: 20 clients for 60 s kept +118 MB of RSS over
 * a light-warm-up baseline while the live heap grew 3 MB; 300 s kept +134 MB
 * (it levels off, bounded by the thread count, not the time); with
 * MALLOC_ARENA_MAX=2 the 60 s run kept +48 MB. What this rule still catches
 * is native memory held per job or per project: a worker set, an SQLite
 * connection or a sweep buffer per call, over thousands of calls.
 */
export const MEMORY_RULE = 'live JS heap after GC ≤ baseline + max(25 %, 16 MiB); RSS ≤ baseline + max(50 %, 128 MiB) (glibc arenas keep their high-water mark)';
const MiB = 1024 * 1024;

export function rssReturned(baseline: number, final: number): boolean {
  return final <= baseline + Math.max(0.5 * baseline, 128 * MiB);
}

export function heapReturned(baseline: number, final: number): boolean {
  return final <= baseline + Math.max(0.25 * baseline, 16 * MiB);
}

/** A reading of the host at rest: a full GC first (soak child only), then RSS from /proc. */
export interface Reading {
  rss: number;
  hwm: number;
  heap: NodeJS.MemoryUsage;
}

export async function readAtRest(host: SoakHost): Promise<Reading> {
  const heap = await host.collectGarbage();
  await new Promise((r) => setTimeout(r, 1000)); // let freed pages go back before /proc is read
  const { rss, hwm } = readProcMemory(host.pid);
  return { rss, hwm, heap };
}

/** RSS every second while the load runs: the peak, and the level at each tenth of the run. */
export class RssSampler {
  private readonly samples: number[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly host: SoakHost) {
    this.timer = setInterval(() => {
      if (!host.exited()) this.samples.push(readProcMemory(host.pid).rss);
    }, 1000);
  }

  stop(): { peak: number; timeline: number[] } {
    clearInterval(this.timer);
    const s = this.samples;
    // A leak climbs to the end; a warming allocator levels off.
    const timeline = s.length === 0 ? [] : Array.from({ length: 10 }, (_, i) => s[Math.max(0, Math.floor(((i + 1) * s.length) / 10) - 1)]!);
    return { peak: Math.max(0, ...s), timeline };
  }
}
