import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deleteElements } from '../../src-renderer/actions/edits';
import { diffDesigns, diffInWords, diffMarks } from '../../src-renderer/features/compare/designDiff';
import { compareRows, designMetrics, sweepFacts } from '../../src-renderer/features/compare/metrics';
import { generateDesign } from '../../src-shared/generate/generate';
import { IntentSchema } from '../../src-shared/model/intent';
import { elementNamer } from '../../src-shared/model/names';
import type { Topology } from '../../src-shared/model/topology';
import { squareWithTail } from './fixtures';

describe('design diff', () => {
  const base = squareWithTail();

  it('the same design has no differences', () => {
    const d = diffDesigns(base, structuredClone(base));
    expect(d).toEqual({ devices: { added: [], removed: [], changed: [] }, links: { added: [], removed: [], changed: [] } });
    expect(diffInWords(d, base, base)).toEqual([]);
  });

  it('finds added, removed and changed devices and links, and colours each canvas with its own ids', () => {
    const b: Topology = structuredClone(deleteElements(base, ['e'], [])); // E and its link d-e removed
    b.nodes.push({ ...b.nodes[0]!, id: 'f', name: 'F', x: 300, y: 0 }); // F added …
    b.links.push({ ...b.links[0]!, id: 'zz', source: 'b', target: 'f', srlgs: [] }); // … with a link to B
    b.links.find((l) => l.id === 'cd')!.capacityGbps = 100; // c-d upgraded
    b.nodes.find((n) => n.id === 'c')!.role = 'core'; // C becomes a core device
    const d = diffDesigns(base, b);
    expect(d.devices).toEqual({ added: ['f'], removed: ['e'], changed: [{ a: 'c', b: 'c', what: ['role distribution → core'] }] });
    expect(d.links.added).toEqual(['zz']);
    expect(d.links.removed).toEqual(['de']);
    expect(d.links.changed).toEqual([{ a: 'cd', b: 'cd', what: ['capacity 10 → 100 Gbit/s'] }]);
    const marks = diffMarks(d);
    expect([...marks.a.removed].sort()).toEqual(['de', 'e']);
    expect([...marks.a.changed].sort()).toEqual(['c', 'cd']);
    expect(marks.a.added.size).toBe(0);
    expect([...marks.b.added].sort()).toEqual(['f', 'zz']);
    const words = diffInWords(d, base, b);
    expect(words).toContainEqual({ change: 'removed', kind: 'device', text: 'E at S2' });
    expect(words).toContainEqual({ change: 'removed', kind: 'link', text: 'D – E (S1 – S2)' });
    expect(words).toContainEqual({ change: 'changed', kind: 'link', text: 'C – D (inside S1): capacity 10 → 100 Gbit/s' });
    expect(words).toContainEqual({ change: 'added', kind: 'link', text: 'B – F (inside S1)' });
  });

  it('matches links by the devices they join, not by link id; a device renumbered keeps its name', () => {
    const b: Topology = structuredClone(base);
    b.links = b.links.map((l, i) => ({ ...l, id: `n${i}` })); // every link renumbered, reversed ends on one
    b.links[0] = { ...b.links[0]!, source: b.links[0]!.target, target: b.links[0]!.source };
    b.nodes = b.nodes.map((n) => (n.id === 'e' ? { ...n, id: 'e2' } : n)); // E renumbered, same name
    b.links = b.links.map((l) => ({ ...l, source: l.source === 'e' ? 'e2' : l.source, target: l.target === 'e' ? 'e2' : l.target }));
    const d = diffDesigns(base, b);
    expect(d.devices.added).toEqual([]);
    expect(d.devices.removed).toEqual([]);
    expect(d.links.added).toEqual([]);
    expect(d.links.removed).toEqual([]);
  });

  it('parallel links are matched in order: a third circuit between two devices is one added link', () => {
    const b: Topology = structuredClone(base);
    b.links.push({ ...b.links[0]!, id: 'ab2' }, { ...b.links[0]!, id: 'ab3' });
    const a2: Topology = structuredClone(base);
    a2.links.push({ ...a2.links[0]!, id: 'ab2' });
    const d = diffDesigns(a2, b);
    expect(d.links.added).toEqual(['ab3']);
    expect(d.links.removed).toEqual([]);
  });

  it('two generated families: every element is accounted for exactly once', () => {
    const intent = IntentSchema.parse(JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/intents/regional-retail.intent.json'), 'utf8')));
    const a = generateDesign(intent, 'hub-spoke', 1).topology;
    const b = generateDesign(intent, 'dual-hub', 1).topology;
    const d = diffDesigns(a, b);
    const matchedA = a.nodes.length - d.devices.removed.length;
    const matchedB = b.nodes.length - d.devices.added.length;
    expect(matchedA).toBe(matchedB);
    expect(a.links.length - d.links.removed.length).toBe(b.links.length - d.links.added.length);
    expect(new Set(d.links.added).size).toBe(d.links.added.length);
    expect(d.devices.added.length + d.links.added.length + d.devices.removed.length + d.links.removed.length).toBeGreaterThan(0);
  });
});

describe('compare columns', () => {
  it('availability, worst-case utilisation and budget are compared, and say why', () => {
    const full = designMetrics(squareWithTail(), null);
    const noTail = designMetrics({ ...deleteElements(squareWithTail(), ['e'], []), name: 'square only' }, null);
    const rows = compareRows([full, noTail]);
    const avail = rows.find((r) => r.label === 'Availability (device pairs)')!;
    expect(full.availability).toBeGreaterThan(0.9);
    expect(full.availability).toBeLessThan(1);
    expect(avail.best).toEqual([1]); // the tail's bridge costs availability
    expect(avail.why).toMatch(/min a year less downtime/);
    // No intent: no budget, said so rather than a dash.
    expect(rows.find((r) => r.label === 'Budget')!.values).toEqual(['no budget set', 'no budget set']);
    expect(rows.find((r) => r.label === 'Sweep: worst stranded demand')!.values).toEqual(['no sweep stored', 'no sweep stored']);
  });

  it('budget: within by how much, over by how much, the one further inside marked', () => {
    const m = designMetrics(squareWithTail(), null);
    const within = { ...m, name: 'cheap', costUsd: 800_000, budgetUsd: 1_000_000 };
    const over = { ...m, name: 'dear', costUsd: 2_340_000, budgetUsd: 1_000_000 };
    const row = compareRows([within, over]).find((r) => r.label === 'Budget')!;
    expect(row.values).toEqual(['within, $200,000 to spare (80 % of $1,000,000)', 'over by $1,340,000 (234 % of $1,000,000)']);
    expect(row.best).toEqual([0]);
    expect(row.why).toBe('cheap: $1,540,000 further inside the budget than the next best');
  });

  it('a stored sweep gives its worst stranded share and its worst scenario in names; a stale one says so', () => {
    const t = squareWithTail();
    const summary = {
      scenarioCount: 12, disconnecting: 2, worstStrandedDemand: 3, baseline: { totalVolume: 20 },
      worst: [{ cls: 'n1-nodes', label: 'device d', failedNodes: ['d'], failedLinks: [], disconnectedPairs: 4, strandedDemand: 3 }],
    };
    const namer = elementNamer(t);
    const f = sweepFacts(summary, { traffic: 'gravity', topologyRevision: 2 }, 3, namer.scenario);
    expect(f.worstScenario).toBe('device D at S1');
    expect(f.worstStrandedShare).toBeCloseTo(0.15);
    expect(f.staleRevision).toBe(2);
    const a = designMetrics(t, null, null, undefined, f);
    const b = designMetrics({ ...t, name: 'other' }, null, null, undefined, { ...f, worstStrandedShare: 0.05, staleRevision: null });
    const rows = compareRows([a, b]);
    const stranded = rows.find((r) => r.label === 'Sweep: worst stranded demand')!;
    expect(stranded.best).toEqual([1]);
    expect(stranded.details[0]).toMatch(/ran on revision 2/);
    expect(rows.find((r) => r.label === 'Sweep: worst scenario')!.values[0]).toBe('device D at S1');
    // Only one design swept: nothing to be better than.
    const one = compareRows([a, designMetrics({ ...t, name: 'unswept' }, null)]).find((r) => r.label === 'Sweep: worst stranded demand')!;
    expect(one.best).toEqual([]);
    expect(one.why).toBe('only one design has this figure');
  });
});
