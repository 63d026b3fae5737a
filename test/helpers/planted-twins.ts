import fc from 'fast-check';

/**
 * Random cores with planted twin routers, shared by the twin tests of the
 * sizing run (twin-failures, twin-dests): a connected core (a path of
 * weight 5 plus random links) and groups of routers with the same core
 * neighbours and weights; per node a demand sent and received (`alike`
 * makes twins' demands equal, so relabelling applies; otherwise it may not).
 */
export function plantedTwinsArb(maxGroupSize: number) {
  return fc.integer({ min: 3, max: 6 }).chain((core) =>
    fc.record({
      core: fc.constant(core),
      coreEdges: fc.array(fc.tuple(fc.nat(core - 1), fc.nat(core - 1), fc.integer({ min: 1, max: 4 })), { minLength: core, maxLength: 2 * core }),
      // A group: its neighbours in the core (with weights) and how many twins share them.
      groups: fc.array(fc.record({ hubs: fc.uniqueArray(fc.nat(core - 1), { minLength: 1, maxLength: 3 }), w: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }), size: fc.integer({ min: 2, max: maxGroupSize }) }), { minLength: 1, maxLength: 3 }),
      // Per node: demand it sends and receives (a twin with other masses must not be relabelled).
      out: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 16, maxLength: 16 }),
      inn: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 16, maxLength: 16 }),
      alike: fc.boolean(),
    }),
  );
}

interface Planted {
  readonly core: number;
  readonly coreEdges: readonly (readonly [number, number, number])[];
  readonly groups: readonly { readonly hubs: readonly number[]; readonly w: readonly number[]; readonly size: number }[];
}

/** The drawn core and groups as weighted edges, the node count and each node's group (−1 in the core). */
export function plantTwins({ core, coreEdges, groups }: Planted): { edges: [number, number, number][]; n: number; groupOf: number[] } {
  const edges: [number, number, number][] = coreEdges.filter(([a, b]) => a !== b).map(([a, b, w]) => [a, b, w]);
  for (let i = 0; i + 1 < core; i++) edges.push([i, i + 1, 5]);
  let n = core;
  const groupOf: number[] = Array.from({ length: core }, () => -1);
  groups.forEach((gr, k) => {
    for (let j = 0; j < gr.size; j++) {
      gr.hubs.forEach((h, x) => edges.push([n, h, gr.w[x]!]));
      groupOf.push(k);
      n++;
    }
  });
  return { edges, n, groupOf };
}
