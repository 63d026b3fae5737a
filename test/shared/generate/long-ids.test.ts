import { describe, expect, it } from 'vitest';
import { generateAll } from '../../../src-shared/generate/generate';
import { fitId, ID_MAX, SRLG_MAX } from '../../../src-shared/generate/fit-id';
import { parseIntent } from '../../../src-shared/model/intent';
import { restoreTopology, TOPOLOGY_FAMILIES } from '../../../src-shared/model/topology';

// Issue 14: two ~60-character site names gave the full mesh an SRLG id over
// 100 characters; validate, report and design:get then failed "srlgs.0: Too
// big" and blocked the project's whole report. Every id the generator makes
// now fits the schema, so every generated design reads back.

const long = (tag: string): string => `${tag} ${'Regional Distribution and Fulfilment Centre '.repeat(4)}`.slice(0, 190);

describe('generated identifiers always fit the schema', () => {
  it('every family with long site names (two 60-character ones, and 190-character ones) reads back through the schema', () => {
    for (const nameLength of [60, 190]) {
      const intent = parseIntent({
        name: 'long names', redundancy: 'STANDARD', goal: 'cost',
        siteGroups: [
          { role: 'hq', region: 'eu-west', sites: [{ name: long('North').slice(0, nameLength), lat: 53.3, lon: -6.2 }] },
          { role: 'datacenter', region: 'eu-west', sites: [{ name: long('South').slice(0, nameLength), lat: 51.9, lon: -8.5 }] },
          { role: 'branch', region: 'eu-west', sites: [{ name: long('East').slice(0, nameLength), lat: 52.6, lon: -7.2 }, { name: long('West').slice(0, nameLength), lat: 53.2, lon: -9.0 }] },
        ],
      });
      if (!intent.ok) throw new Error(intent.problems.join('; '));
      const { designs, skipped } = generateAll(intent.intent, 1);
      expect([...designs.map((d) => d.family), ...skipped.map((s) => s.family)].sort()).toEqual([...TOPOLOGY_FAMILIES].sort());
      expect(designs.map((d) => d.family)).toContain('full-mesh');
      for (const d of designs) {
        const t = restoreTopology(JSON.parse(JSON.stringify(d.topology)));
        for (const l of t.links) for (const s of l.srlgs) expect(s.length).toBeLessThanOrEqual(SRLG_MAX);
        for (const n of t.nodes) {
          expect(n.id.length).toBeLessThanOrEqual(ID_MAX);
          expect(n.name.length).toBeLessThanOrEqual(ID_MAX);
        }
        // Distinct ducts stay distinct after shortening: no duct tag joins two different site pairs, and every
        // pair has one (a redundant circuit between the same sites gets its own diverse duct "#2", issue 15).
        const pairOf = new Map<string, string>();
        const pairs = new Set<string>();
        for (const l of t.links) {
          const a = t.nodes.find((n) => n.id === l.source)!.site!;
          const b = t.nodes.find((n) => n.id === l.target)!.site!;
          const pair = a < b ? `${a}|${b}` : `${b}|${a}`;
          for (const tag of l.srlgs.filter((x) => x.startsWith('duct:'))) {
            pairs.add(pair);
            expect(pairOf.get(tag) ?? pair).toBe(pair);
            pairOf.set(tag, pair);
          }
        }
        expect(new Set(pairOf.values()).size).toBe(pairs.size);
      }
    }
  });

  it('fitId keeps short ids, and shortens long ones deterministically and distinctly', () => {
    expect(fitId('duct:a~b', 100)).toBe('duct:a~b');
    const a = fitId(`duct:${'x'.repeat(80)}~${'y'.repeat(40)}`, 100);
    const b = fitId(`duct:${'x'.repeat(80)}~${'y'.repeat(39)}z`, 100);
    expect(a).toHaveLength(100);
    expect(a).not.toBe(b);
    expect(fitId(`duct:${'x'.repeat(80)}~${'y'.repeat(40)}`, 100)).toBe(a);
  });
});
