import { describe, expect, it } from 'vitest';
import { cpuSample, idleCoresNow, spareCoresFrom, type CpuSample } from '../../../src-main/workers/idle-cores';

/** Two readings `windowMs` apart on `count` cores: the cores busy `busyMs` in total, our process `ownMs`. */
function window(count: number, windowMs: number, busyMs: number, ownMs: number): [CpuSample, CpuSample] {
  // Counters far from zero, as a machine up for hours has them.
  const before: CpuSample = { atMs: 1000, count, busyMs: 5e6, totalMs: 9e6, ownMs: 300 };
  return [before, { atMs: 1000 + windowMs, count, busyMs: before.busyMs + busyMs, totalMs: before.totalMs + count * windowMs, ownMs: before.ownMs + ownMs }];
}

describe('spareCoresFrom (cores other processes leave free, from two readings)', () => {
  it('an idle machine: every core', () => {
    expect(spareCoresFrom(...window(2, 200, 0, 0), 2)).toBe(2);
    expect(spareCoresFrom(...window(8, 200, 30, 0), 8)).toBe(8);
  });

  it('one core busy with another process: one fewer', () => {
    expect(spareCoresFrom(...window(2, 200, 200, 0), 2)).toBe(1);
    expect(spareCoresFrom(...window(4, 200, 200, 0), 4)).toBe(3);
  });

  it('both cores busy with others: still at least one', () => {
    expect(spareCoresFrom(...window(2, 200, 400, 0), 2)).toBe(1);
    expect(spareCoresFrom(...window(2, 200, 400, 200), 2)).toBe(1); // we parse on one, another process fills both
  });

  it('our own main thread busy (parsing the file) does not count against us', () => {
    expect(spareCoresFrom(...window(2, 200, 200, 200), 2)).toBe(2);
    // With the concurrent GC/compiler threads a little over one core: still ours.
    expect(spareCoresFrom(...window(2, 200, 230, 230), 2)).toBe(2);
  });

  it('our own CPU beyond one core (start-up: compiler, GC and worker threads) is still ours', () => {
    // The real Kdl's CLI run measured 190 ms of own CPU in a 116 ms window, the cores 200 ms busy in all.
    expect(spareCoresFrom(...window(2, 116, 200, 190), 2)).toBe(2);
    expect(spareCoresFrom(...window(2, 200, 400, 400), 2)).toBe(2);
    // Another process's full core beside our 1.6 cores still takes its core.
    expect(spareCoresFrom(...window(2, 116, 200 + 116, 190), 2)).toBe(1);
  });

  it('another process at under half a core leaves the core; at over half it takes it', () => {
    expect(spareCoresFrom(...window(2, 200, 80, 0), 2)).toBe(2);
    expect(spareCoresFrom(...window(2, 200, 120, 0), 2)).toBe(1);
  });

  it('at most the cores allowed to us (a cgroup listing more CPUs than we may use)', () => {
    expect(spareCoresFrom(...window(8, 200, 0, 0), 2)).toBe(2);
  });

  it('no time passed by the kernel\'s counters: all cores (nothing says otherwise)', () => {
    const [a] = window(2, 0, 0, 0);
    expect(spareCoresFrom(a, a, 2)).toBe(2);
  });
});

describe('idleCoresNow', () => {
  it('reads the machine, waits at most a short window, and answers between 1 and the cores', () => {
    const s = cpuSample();
    expect(s.count).toBeGreaterThan(0);
    expect(s.totalMs).toBeGreaterThanOrEqual(s.busyMs);
    const t0 = performance.now();
    const n = idleCoresNow(2);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(2);
  });
});
