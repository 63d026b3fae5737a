import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraphml } from '../../../src-shared/io/graphml';
import { analyzeGraph, type AnalyzeReport } from '../../../src-shared/sim/analyze';
import { compileTopology } from '../../../src-shared/sim/csr';
import { expectMatchesGolden } from './golden-compare';
import { GOLDEN_DIR, goldenFiles, ZOO_COUNT, ZOO_DIR, zooFiles } from '../../helpers/data';

const zoo = ZOO_DIR;
const golden = GOLDEN_DIR;

describe('analyze --traffic uniform equals every Topology Zoo golden file', () => {
  // goldenFiles() throws when any of the 251 is missing, so the suite cannot quietly shrink.
  const files = goldenFiles();

  it('finds all 251 golden files, one per network', () => {
    expect(files.length).toBe(ZOO_COUNT);
    expect(files.map((f) => f.replace(/\.json$/, '.graphml'))).toEqual(zooFiles());
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
