import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzeReport } from '../../../src-shared/sim/analyze';
import { expectMatchesGolden } from '../../shared/sim/golden-compare';

const repo = path.resolve(__dirname, '../../..');
const fixtures = path.join(repo, 'test/fixtures/sim');
const cli = path.join(repo, 'bin/nettwin.mjs');

function nettwin(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [cli, 'analyze', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('nettwin analyze (real process)', () => {
  it('matches the golden file with --threads 2 (at most: a graph this small runs inline, analyzeThreads)', () => {
    const r = nettwin(path.join(fixtures, 'Colt.graphml'), '--traffic', 'uniform', '--json', '--threads', '2');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const want = JSON.parse(fs.readFileSync(path.join(fixtures, 'Colt.golden.json'), 'utf8')) as AnalyzeReport;
    expectMatchesGolden(JSON.parse(r.out) as AnalyzeReport, want, 'Colt');
  });

  it('prints exactly one JSON document, and omits loads without --traffic', () => {
    const r = nettwin(path.join(fixtures, 'Abilene.graphml'), '--json', '--threads', '1');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as AnalyzeReport;
    expect(doc.graph).toEqual({ nodes: 11, links: 14, components: 1 });
    expect(doc.baseline).toEqual({});
    expect(doc.linkFailures[0]).toEqual({ link: 'e0', disconnectedPairs: 0 });
  });

  it('adds every link pair with --scenarios n2', () => {
    const r = nettwin(path.join(fixtures, 'Abilene.graphml'), '--json', '--scenarios', 'n2');
    const doc = JSON.parse(r.out) as AnalyzeReport;
    expect(doc.linkPairFailures).toHaveLength((14 * 13) / 2);
    expect(doc.linkPairFailures!.every((p) => p.disconnectedPairs >= 0)).toBe(true);
  });

  it('prints human tables without --json', () => {
    const r = nettwin(path.join(fixtures, 'Abilene.graphml'), '--traffic', 'uniform');
    expect(r.code).toBe(0);
    expect(r.out).toContain('11 nodes, 14 links, 1 component');
    expect(r.out).toMatch(/link\s+disconnected pairs\s+max link load/);
    expect(r.out).toContain('baseline max link load: 16.500');
  });
});

describe('nettwin analyze on bad input: exit 2, one line naming the file and the problem', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-analyze-'));
    fs.writeFileSync(path.join(dir, 'notgraph.graphml'), '{"nodes": [1, 2]}\n');
    fs.writeFileSync(path.join(dir, 'page.graphml'), '<html><body>hello</body></html>\n');
    fs.writeFileSync(path.join(dir, 'broken.graphml'), '<?xml version="1.0"?>\n<graphml>\n  <graph>\n    <node id="a">\n  </graph>\n</graphml>\n');
    fs.writeFileSync(path.join(dir, 'unknown.graphml'), '<graphml><graph>\n<node id="a"/>\n<edge source="a" target="zz"/>\n</graph></graphml>\n');
    const big = path.join(dir, 'big.graphml');
    fs.writeFileSync(big, '<graphml>');
    fs.truncateSync(big, 100 * 1024 * 1024);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cases: [string, RegExp][] = [
    ['notgraph.graphml', /notgraph\.graphml: line 1, column 1: not GraphML/],
    ['page.graphml', /page\.graphml: line 1, column 1: not GraphML: root element is <html>/],
    ['broken.graphml', /broken\.graphml: line 5, column 3: broken XML: end tag <\/graph> does not match start tag <node>/],
    ['unknown.graphml', /unknown\.graphml: line 3, column 1: edge a -> zz names unknown node "zz"/],
    ['big.graphml', /big\.graphml: file is 100\.0 MB, larger than the 64 MB limit/],
    ['missing.graphml', /missing\.graphml: cannot read \(no such file\)/],
  ];
  it.each(cases)('%s', (name, pattern) => {
    const r = nettwin(path.join(dir, name), '--traffic', 'uniform', '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
  });

  it('bad options exit 2 as well', () => {
    expect(nettwin(path.join(fixtures, 'Abilene.graphml'), '--traffic', 'gravity').code).toBe(2);
    expect(nettwin(path.join(fixtures, 'Abilene.graphml'), '--scenarios', 'n3').code).toBe(2);
  });
});
