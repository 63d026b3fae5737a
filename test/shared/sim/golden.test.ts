import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraphml } from '../../../src-shared/io/graphml';
import { analyzeGraph, type AnalyzeReport } from '../../../src-shared/sim/analyze';
import { compileTopology } from '../../../src-shared/sim/csr';

const repoRoot = path.resolve(__dirname, '../../..');
const zoo = path.resolve(repoRoot, '../shared/data/topology-zoo');
const golden = path.resolve(repoRoot, '../shared/data/golden/topology-zoo');

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

describe('analyze --traffic uniform equals every Topology Zoo golden file', () => {
  const files = fs.existsSync(golden) ? fs.readdirSync(golden).filter((f) => f.endsWith('.json')).sort() : [];

  it('finds all 251 golden files', () => {
    expect(files.length).toBe(251);
  });

  it.each(files)('%s', (f) => {
    const name = f.replace(/\.json$/, '');
    const text = fs.readFileSync(path.join(zoo, `${name}.graphml`), 'utf8');
    const want = JSON.parse(fs.readFileSync(path.join(golden, f), 'utf8')) as AnalyzeReport;
    const got = analyzeGraph(compileTopology(importGraphml(text, `${name}.graphml`).topology), {
      traffic: 'uniform',
      scenarios: 'n1',
    });
    expectMatchesGolden(got, want, name);
  });
});
