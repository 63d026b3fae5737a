import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTopology } from '../../../src-shared/sim/csr';
import { connectedComponents, dfsForest } from '../../../src-shared/sim/connectivity';
import { cutLabels, linksDisconnect, twoEdgeCutClasses } from '../../../src-shared/validate/cuts';
import { design } from './build';

/** Random multigraphs on up to 8 nodes (parallel links allowed, no self-loops). */
const graphs = fc
  .integer({ min: 2, max: 8 })
  .chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.array(
        fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })).filter(([a, b]) => a !== b),
        { minLength: 1, maxLength: 16 },
      ),
    ),
  )
  .map(([n, pairs]) => {
    const roles = Object.fromEntries(Array.from({ length: n }, (_, i) => [`s${i}`, 'branch' as const]));
    return design(
      roles,
      pairs.map(([a, b]) => [`s${a}/r`, `s${b}/r`] as [string, string]),
      Array.from({ length: n }, (_, i) => `s${i}/r`),
    );
  });

describe('two-edge cuts by cycle-space labels', () => {
  it('finds exactly the link pairs (neither a bridge) whose joint failure adds a component, as brute force does', () => {
    fc.assert(
      fc.property(graphs, (t) => {
        const g = compileTopology(t);
        const base = connectedComponents(g).count;
        const m = g.linkIds.length;
        const fail = new Uint8Array(m);
        const splits = (es: number[]): boolean => {
          es.forEach((e) => (fail[e] = 1));
          const c = connectedComponents(g, undefined, fail).count;
          es.forEach((e) => (fail[e] = 0));
          return c > base;
        };
        const bridge = Array.from({ length: m }, (_, e) => splits([e]));
        const brute = new Set<string>();
        for (let e = 0; e < m; e++) {
          for (let f = e + 1; f < m; f++) if (!bridge[e] && !bridge[f] && splits([e, f])) brute.add(`${e},${f}`);
        }
        const classes = twoEdgeCutClasses(g, cutLabels(g, dfsForest(g)));
        const found = new Set<string>();
        for (const c of classes) for (let i = 0; i < c.length; i++) for (let j = i + 1; j < c.length; j++) found.add(`${c[i]},${c[j]}`);
        expect([...found].sort()).toEqual([...brute].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('linksDisconnect agrees with a BFS for random link sets', () => {
    fc.assert(
      fc.property(graphs, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (t, picks) => {
        const g = compileTopology(t);
        const m = g.linkIds.length;
        const set = [...new Set(picks.map((p) => p % m))];
        const fail = new Uint8Array(m);
        set.forEach((e) => (fail[e] = 1));
        const truth = connectedComponents(g, undefined, fail).count > connectedComponents(g).count;
        expect(linksDisconnect(g, cutLabels(g, dfsForest(g)), set)).toBe(truth);
      }),
      { numRuns: 300 },
    );
  });
});
