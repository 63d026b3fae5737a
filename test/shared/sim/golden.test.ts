import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraphml } from '../../../src-shared/io/graphml';
import { analyzeGraph, type AnalyzeReport } from '../../../src-shared/sim/analyze';
import { compileTopology } from '../../../src-shared/sim/csr';
import { expectMatchesGolden } from './golden-compare';

const repoRoot = path.resolve(__dirname, '../../..');
const zoo = path.resolve(repoRoot, '../shared/data/topology-zoo');
const golden = path.resolve(repoRoot, '../shared/data/golden/topology-zoo');

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
