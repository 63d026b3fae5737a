import { describe, expect, it } from 'vitest';
import { parseRepetitaGraph, repetitaDraft, repetitaTopology } from '../../../src-shared/io/repetita';
import { restoreTopology } from '../../../src-shared/model/topology';

/**
 * repetitaTopology builds the design without zod (repetita-design.ts): it must
 * return exactly what restoreTopology returns for the same draft — every
 * field, the schema's defaults, the keys in the schema's order — or throw
 * exactly its error.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const CITIES = ['San+Jose,+CA', 'Dallas,+TX', 'Dublin,+Ireland', 'New+York,+NY', 'Tokyo', 'Sao+Paulo,+Brazil', 'Paris,+France'];

/** A REPETITA network file: `n` routers in a few cities, `m` node pairs joined by 1–2 edges each way (sometimes one way only). */
function graphText(seed: number, n: number, m: number, opts: { zeroBw?: boolean; label?: (i: number) => string } = {}): string {
  const r = rng(seed);
  const nodes = Array.from({ length: n }, (_, i) => opts.label?.(i) ?? `${CITIES[Math.floor(r() * CITIES.length)]}${1000 + i}`);
  const edges: string[] = [];
  for (let k = 0; k < m; k++) {
    const a = Math.floor(r() * n);
    const b = (a + 1 + Math.floor(r() * (n - 1))) % n;
    const w = 1 + Math.floor(r() * 900);
    const bw = opts.zeroBw && r() < 0.3 ? 0 : [2_400_000, 10_000_000, 155_000][Math.floor(r() * 3)]!;
    const delay = (r() * 50).toFixed(3);
    const copies = r() < 0.2 ? 2 : 1;
    for (let c = 0; c < copies; c++) {
      edges.push(`${a} ${b} ${w} ${bw} ${delay}`);
      if (r() < 0.9) edges.push(`${b} ${a} ${w + (r() < 0.1 ? 5 : 0)} ${bw} ${delay}`);
    }
  }
  return [`NODES ${n}`, 'label x y', ...nodes.map((l) => `${l} 0.0 0.0`), '', `EDGES ${edges.length}`, 'label src dest weight bw delay', ...edges.map((e, i) => `Link_${i} ${e}`), ''].join('\n');
}

/** What restoreTopology says of the draft: the design as JSON (key order included) or its error. */
function viaSchema(text: string, name: string): string {
  try {
    return JSON.stringify(restoreTopology(repetitaDraft(parseRepetitaGraph(text), name)));
  } catch (err) {
    return `throws ${(err as Error).message}`;
  }
}

function viaHand(text: string, name: string): string {
  try {
    return JSON.stringify(repetitaTopology(parseRepetitaGraph(text), name));
  } catch (err) {
    return `throws ${(err as Error).message}`;
  }
}

describe('repetitaTopology without zod', () => {
  it('equals restoreTopology on generated networks (parallel links, one-way edges, zero capacities)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const text = graphText(seed, 5 + (seed % 30), 10 + seed * 3, { zeroBw: seed % 2 === 0 });
      const hand = viaHand(text, `net ${seed}`);
      expect(hand.startsWith('throws')).toBe(false);
      expect(hand).toBe(viaSchema(text, `net ${seed}`));
    }
  });

  it('applies the schema defaults: 48 ports, 10 Gbit/s where the file gives no capacity, format version first', () => {
    const t = repetitaTopology(parseRepetitaGraph(graphText(3, 6, 12, { zeroBw: true })), 'x');
    expect(Object.keys(t)[0]).toBe('formatVersion');
    expect(t.nodes.every((d) => d.ports === 48)).toBe(true);
    expect(t.links.some((l) => l.capacityGbps === 10)).toBe(true);
  });

  it('gives restoreTopology\'s own error for what only the schema bounds (long names, long duct names)', () => {
    const long = 'A'.repeat(120);
    const cases: [string, string][] = [
      [graphText(5, 6, 10), 'n'.repeat(201)], // design name over 200 characters
      [graphText(6, 4, 8, { label: (i) => `${'B'.repeat(230)}${i}` }), 'long router names'],
      [graphText(7, 4, 8, { label: (i) => `${long},+${i % 2 === 0 ? 'X' : 'Y'}${i}` }), 'long ducts'], // duct name > 100
      [graphText(8, 4, 8, { label: (i) => `City,+${'R'.repeat(101)}${i}` }), 'long region'],
    ];
    for (const [text, name] of cases) {
      const hand = viaHand(text, name);
      expect(hand.startsWith('throws invalid design:')).toBe(true);
      expect(hand).toBe(viaSchema(text, name));
    }
  });

  it('agrees on a delay of 1e308 (finite: the parser lets it through)', () => {
    const text = graphText(9, 4, 6).replace(/(Link_0 \d+ \d+ \d+ \d+ )[\d.]+/, '$11e308');
    expect(viaHand(text, 'big delay')).toBe(viaSchema(text, 'big delay'));
  });
});
