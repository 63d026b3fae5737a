import { availableParallelism, cpus } from 'node:os';

/**
 * How many cores other processes leave free NOW, from two readings of the
 * cores' busy/idle times (os.cpus) with our own process's CPU taken out.
 *
 * Why not the 1-minute load average: it remembers the last minute, so a
 * sweep started right after another one (or any burst, our own predecessor
 * included) saw a load near 1 on an idle 2-core machine and ran on one
 * thread — 4.6 s instead of 3.2 s on the real Kdl.
 */

/** One reading: when, how many cores os.cpus() lists, their summed busy and total times, and our own process's CPU (all ms). */
export interface CpuSample {
  atMs: number;
  count: number;
  busyMs: number;
  totalMs: number;
  ownMs: number;
}

/** Shortest window worth judging: os.cpus() counts in 10 ms ticks, so 50 ms on 2 cores is 10 ticks. */
export const MIN_WINDOW_MS = 50;
/** A window longer than this (a long-lived host's start) says what the cores did then, not now. */
export const MAX_WINDOW_MS = 5_000;

export function cpuSample(): CpuSample {
  let busy = 0;
  let total = 0;
  const list = cpus();
  for (const c of list) {
    const t = c.times;
    const all = t.user + t.nice + t.sys + t.idle + t.irq;
    total += all;
    busy += all - t.idle;
  }
  const own = process.cpuUsage();
  return { atMs: performance.now(), count: list.length, busyMs: busy, totalMs: total, ownMs: (own.user + own.system) / 1000 };
}

/**
 * Cores left free by other processes between `before` and `after`, at least 1.
 * The cores' busy time in the window, less what our own process used, is the
 * others' load in cores; all of our own process's CPU is ours, not others'
 * (measured on the real Kdl run back to back: 190 ms of own CPU in a 116 ms
 * window — V8's compiler and GC threads and the pool's workers starting — so
 * capping it at one core counted 0.7 of our own cores as another process's
 * and chose one thread on an idle machine; in the app a job queues on the
 * same pool's workers rather than competing with them). A core
 * counts as free when the others leave at least half of it (rounded), as the
 * load-average rule did. Pure: the samples are the only input.
 */
export function spareCoresFrom(before: CpuSample, after: CpuSample, cores: number): number {
  const total = after.totalMs - before.totalMs;
  if (!(total > 0) || after.count < 1) return Math.max(1, cores);
  // The window as the kernel counted it (ticks summed over the listed cores), so busy and window share one clock.
  const window = total / after.count;
  const own = Math.min(Math.max(0, after.ownMs - before.ownMs), window * after.count);
  const othersBusy = Math.max(0, after.busyMs - before.busyMs - own) / window;
  return Math.max(1, Math.min(cores, Math.round(cores - othersBusy)));
}

/** Blocks this thread for `ms` (a short sampling window when no usable one exists). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The reading the next decision measures from: taken when this module loads (the CLI: before the file is parsed). */
let reference = cpuSample();

/**
 * Cores no other process is using now. Measures from the last reading (module
 * load, or the previous decision) when that window is 50 ms – 5 s long; a
 * shorter one is extended by sleeping to 50 ms, a longer one (a host idle for
 * minutes) replaced by a fresh 50 ms window.
 */
export function idleCoresNow(cores = availableParallelism()): number {
  let now = cpuSample();
  const age = now.atMs - reference.atMs;
  if (age > MAX_WINDOW_MS) {
    reference = now;
    sleepSync(MIN_WINDOW_MS);
    now = cpuSample();
  } else if (age < MIN_WINDOW_MS) {
    sleepSync(MIN_WINDOW_MS - age);
    now = cpuSample();
  }
  const spare = spareCoresFrom(reference, now, cores);
  reference = now;
  return spare;
}
