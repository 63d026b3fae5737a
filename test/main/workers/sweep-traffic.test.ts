import { describe, expect, it } from 'vitest';
import { parseRepetitaDemandColumns, parseRepetitaDemands, parseRepetitaGraph, repetitaDemands, repetitaDemandVolumes, repetitaTopology } from '../../../src-shared/io/repetita';
import { mulberry32 } from '../../../src-shared/lib/rng';
import { compileTopology } from '../../../src-shared/sim/csr';
import { explicitColumnsTotal, explicitTotal } from '../../../src-shared/sim/traffic';
import { packDemands } from '../../../src-main/workers/protocol';
import { trafficSpec } from '../../../src-main/workers/sweep-traffic';
import type { SweepJob } from '../../../src-shared/sim/job';

/**
 * A REPETITA matrix reaches the sweep as router columns (simulate) instead of
 * demand objects by device id: the workers must get the very columns the
 * object path packed for them, the report the same total, and a demand on a
 * router the design lacks the same refusal.
 */
function network(nodes: number, seed: number): string {
  const rand = mulberry32(seed);
  const lines = [`NODES ${nodes}`, 'label x y', ...Array.from({ length: nodes }, (_, i) => `City${i % 5}${100 + i} 0 0`), ''];
  const edges: string[] = [];
  for (let i = 1; i < nodes; i++) {
    const j = Math.floor(rand() * i);
    edges.push(`e${edges.length} ${i} ${j} ${1 + Math.floor(rand() * 9)} 10000000 2`, `e${edges.length + 1} ${j} ${i} 3 10000000 2`);
  }
  lines.push(`EDGES ${edges.length}`, 'label src dest weight bw delay', ...edges);
  return lines.join('\n');
}

function demands(nodes: number, rows: number, seed: number, maxIndex = nodes): string {
  const rand = mulberry32(seed);
  const lines = [`DEMANDS ${rows}`, 'label src dest bw'];
  for (let r = 0; r < rows; r++) lines.push(`d${r} ${Math.floor(rand() * maxIndex)} ${Math.floor(rand() * maxIndex)} ${rand() < 0.1 ? 0 : Math.floor(rand() * 1e6)}`);
  return lines.join('\n');
}

const job = (traffic: SweepJob['traffic']): SweepJob => ({ graph: null as never, traffic, scenarios: [], mode: 'impact' });

describe('REPETITA router columns as sweep traffic', () => {
  it('give the workers the same columns and the report the same total as demand objects', () => {
    for (const seed of [1, 2, 3, 4]) {
      const t = repetitaTopology(parseRepetitaGraph(network(30, seed)), 'net');
      const g = compileTopology(t);
      const text = demands(30, 900, seed + 10);
      const old = packDemands(job(trafficSpec(t, g, { demands: repetitaDemands(parseRepetitaDemands(text, Number.MAX_SAFE_INTEGER)) }))).packed!;
      const spec = trafficSpec(t, g, repetitaDemandVolumes(parseRepetitaDemandColumns(text, Number.MAX_SAFE_INTEGER)));
      const now = packDemands(job(spec)).packed!;
      expect([...now.s]).toEqual([...old.s]);
      expect([...now.t]).toEqual([...old.t]);
      expect(now.volume.every((v, i) => Object.is(v, old.volume[i]))).toBe(true);
      expect(now.volume).toHaveLength(old.volume.length);
      if (spec.kind !== 'explicit' || spec.columns === undefined) throw new Error('expected explicit columns');
      const objects = Array.from(old.s, (s, i) => ({ s, t: old.t[i]!, volume: old.volume[i]! }));
      expect(Object.is(explicitColumnsTotal(spec.columns), explicitTotal(objects))).toBe(true);
    }
  });

  it('refuse a demand on a router the design lacks with the same message', () => {
    const t = repetitaTopology(parseRepetitaGraph(network(12, 7)), 'net');
    const g = compileTopology(t);
    for (const seed of [1, 2, 3, 4, 5]) {
      // Routers up to 30 on a 12-router network, and one index far beyond any table.
      const text = `${demands(12, 40, seed, 30)}\nd40 3 123456789012 5`.replace('DEMANDS 40', 'DEMANDS 41');
      const message = (f: () => unknown): string => {
        try {
          f();
        } catch (err) {
          return `${(err as Error).name}: ${(err as Error).message}`;
        }
        return 'no error';
      };
      const old = message(() => trafficSpec(t, g, { demands: repetitaDemands(parseRepetitaDemands(text, Number.MAX_SAFE_INTEGER)) }));
      expect(old).toMatch(/^RangeError: demand names unknown device "r\d+"$/);
      expect(message(() => trafficSpec(t, g, repetitaDemandVolumes(parseRepetitaDemandColumns(text, Number.MAX_SAFE_INTEGER))))).toBe(old);
    }
    const far = 'DEMANDS 1\nlabel src dest bw\nd0 3 123456789012 5';
    expect(() => trafficSpec(t, g, repetitaDemandVolumes(parseRepetitaDemandColumns(far, Number.MAX_SAFE_INTEGER)))).toThrow('demand names unknown device "r123456789012"');
  });
});
