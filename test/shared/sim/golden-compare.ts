import { expect } from 'vitest';
import type { AnalyzeReport } from '../../../src-shared/sim/analyze';

/** Integers exact, loads within 1e-9 relative (the contract's tolerance). */
export function expectMatchesGolden(got: AnalyzeReport, want: AnalyzeReport, name: string): void {
  expect(got.graph, `${name} graph`).toEqual(want.graph);
  expect(got.bridges, `${name} bridges`).toEqual(want.bridges);
  expect(got.articulationPoints, `${name} articulation points`).toEqual(want.articulationPoints);
  const close = (a: number | undefined, b: number | undefined, what: string): void => {
    expect(a, what).toBeTypeOf('number');
    if (Math.abs(a! - b!) > 1e-9 * Math.max(1, Math.abs(b!))) expect(a, what).toBe(b);
  };
  close(got.baseline.maxLinkLoad, want.baseline.maxLinkLoad, `${name} baseline`);
  expect(got.linkFailures.length, `${name} link failures`).toBe(want.linkFailures.length);
  want.linkFailures.forEach((w, i) => {
    const g = got.linkFailures[i]!;
    expect([g.link, g.disconnectedPairs], `${name} ${w.link}`).toEqual([w.link, w.disconnectedPairs]);
    close(g.maxLinkLoad, w.maxLinkLoad, `${name} ${w.link} maxLinkLoad`);
  });
  expect(got.nodeFailures.length, `${name} node failures`).toBe(want.nodeFailures.length);
  want.nodeFailures.forEach((w, i) => {
    const g = got.nodeFailures[i]!;
    expect([g.node, g.disconnectedPairs], `${name} node ${w.node}`).toEqual([w.node, w.disconnectedPairs]);
    close(g.maxLinkLoad, w.maxLinkLoad, `${name} node ${w.node} maxLinkLoad`);
  });
}

