import { describe, expect, it } from 'vitest';
import { hubDevicesFor } from '../../../src-shared/generate/dual-hub';
import { buildFamily } from '../../../src-shared/generate/generate';
import { IntentSchema } from '../../../src-shared/model/intent';
import { smallRetail } from '../../helpers/retail-intents';

/** The dual hub on large intents: a 500-site intent had given 500 hubs per side, fully meshed (249,501 links). */
describe('dual hub at scale', () => {
  it('keeps the full mesh of a side wherever it fits, with the same device count as before', () => {
    // k · (ports − k − 1) ≥ circuits at the smallest k from the base: the rule the generator always had.
    expect(hubDevicesFor(100, 40, 2)).toEqual({ k: 3, mesh: true });
    expect(hubDevicesFor(10, 40, 2)).toEqual({ k: 2, mesh: true });
    expect(hubDevicesFor(380, 40, 2)).toEqual({ k: 19, mesh: true }); // the peak: 19 · 20 = 380
    expect(hubDevicesFor(30, 40, 1)).toEqual({ k: 1, mesh: true });
  });

  it('joins a side in a ring when no mesh fits: enough hubs for the circuits at two ring and two cross ports each', () => {
    expect(hubDevicesFor(381, 40, 2)).toEqual({ k: 11, mesh: false }); // ⌈381 / 36⌉
    expect(hubDevicesFor(495, 40, 2)).toEqual({ k: 14, mesh: false });
  });

  it('builds a 420-site dual hub with every hub within its ports, links linear in the sites, and a core no two hub failures split', () => {
    const intent = IntentSchema.parse(smallRetail('retail 420', 417));
    const t = buildFamily(intent, 'dual-hub', 1);
    const hubs = t.nodes.filter((d) => d.role === 'hub');
    const degree = new Map<string, number>();
    for (const l of t.links) for (const id of [l.source, l.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
    for (const h of hubs) expect(degree.get(h.id)!, h.id).toBeLessThanOrEqual(h.ports);
    expect(hubs.length).toBeLessThan(40);
    expect(t.links.length).toBeLessThan(3 * 420);
    // The hub core (hub–hub links) stays connected after any two hub devices fail.
    const core = t.links.filter((l) => hubs.some((h) => h.id === l.source) && hubs.some((h) => h.id === l.target));
    // A ring per side and two cross links per hub, not a mesh per side.
    expect(core.length).toBeLessThanOrEqual(2 * hubs.length);
    const connectedWithout = (gone: Set<string>): boolean => {
      const alive = hubs.map((h) => h.id).filter((id) => !gone.has(id));
      const seen = new Set([alive[0]!]);
      const stack = [alive[0]!];
      while (stack.length > 0) {
        const u = stack.pop()!;
        for (const l of core) {
          const v = l.source === u ? l.target : l.target === u ? l.source : null;
          if (v === null || gone.has(v) || seen.has(v)) continue;
          seen.add(v);
          stack.push(v);
        }
      }
      return seen.size === alive.length;
    };
    for (let i = 0; i < hubs.length; i++) for (let j = i + 1; j < hubs.length; j++) expect(connectedWithout(new Set([hubs[i]!.id, hubs[j]!.id]))).toBe(true);
  });
});
