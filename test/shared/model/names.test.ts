import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../../src-shared/generate/generate';
import { IntentSchema } from '../../../src-shared/model/intent';
import { auditActionInWords, auditReason, elementNamer, labelNamer, subjectInWords } from '../../../src-shared/model/names';
import { TopologySchema } from '../../../src-shared/model/topology';
import { compileTopology } from '../../../src-shared/sim/csr';
import { buildScenarios } from '../../../src-shared/sim/scenarios';

/** Two sites, ids that read nothing like the names (as an import's numeric ids do). */
const t = TopologySchema.parse({
  name: 'ids',
  sites: [
    { id: 's7', name: 'Paris HQ', role: 'hq', region: 'emea' },
    { id: 's9', name: 'Ashburn DC', role: 'datacenter', region: 'amer' },
  ],
  nodes: [
    { id: '601', name: 'par-core-1', role: 'core', site: 's7' },
    { id: '602', name: 'ash-core-2', role: 'core', site: 's9' },
    { id: '603', name: 'par-core-2', role: 'core', site: 's7' },
    { id: '700', name: 'loose', role: 'core' },
  ],
  links: [
    { id: 'l1', source: '601', target: '602', srlgs: ['duct:s7~s9'] },
    { id: 'l2', source: '603', target: '602', srlgs: ['duct:s7~s9#2'] },
    { id: 'l3', source: '601', target: '603', srlgs: ['site:s7'] },
    { id: 'l4', source: '700', target: '601' },
  ],
});

describe('names instead of ids', () => {
  const n = elementNamer(t);

  it('names a device with its site, a link by its ends and their sites', () => {
    expect(n.device('602')).toBe('ash-core-2 at Ashburn DC');
    expect(n.device('700')).toBe('loose');
    expect(n.link('l1')).toBe('par-core-1 – ash-core-2 (Paris HQ – Ashburn DC)');
    expect(n.link('l3')).toBe('par-core-1 – par-core-2 (inside Paris HQ)');
    expect(n.link('l4')).toBe('loose – par-core-1');
  });

  it('keeps an id the design does not hold (a device deleted since) rather than dropping it', () => {
    expect(n.device('999')).toBe('999');
    expect(n.link('gone')).toBe('gone');
    expect(n.site('s404')).toBe('s404');
  });

  it('names shared-risk groups by the sites they join', () => {
    expect(n.srlg('duct:s7~s9')).toBe('duct Paris HQ – Ashburn DC');
    expect(n.srlg('duct:s7~s9#2')).toBe('second duct Paris HQ – Ashburn DC');
    expect(n.srlg('site:s7')).toBe('building Paris HQ');
    expect(n.srlg('metro-ring-3')).toBe('metro-ring-3');
  });

  it('names every scenario a sweep builds: no "device 602"', () => {
    const g = compileTopology(t);
    const all = buildScenarios(t, g, { classes: ['n1-links', 'n1-nodes', 'n2-links', 'srlg', 'sites', 'regions'] });
    const shapes = all.map((s) => ({ cls: s.cls, label: s.label, failedNodes: s.nodes.map((v) => g.nodeIds[v]!), failedLinks: s.links.map((e) => g.linkIds[e]!) }));
    const words = new Map(shapes.map((s) => [s.label, n.scenario(s)]));
    expect(words.get('device 602')).toBe('device ash-core-2 at Ashburn DC');
    expect(words.get('link l1')).toBe('link par-core-1 – ash-core-2 (Paris HQ – Ashburn DC)');
    expect(words.get('links l1 + l2')).toBe('links par-core-1 – ash-core-2 (Paris HQ – Ashburn DC) + par-core-2 – ash-core-2 (Paris HQ – Ashburn DC)');
    expect(words.get('SRLG duct:s7~s9')).toBe('shared risk: duct Paris HQ – Ashburn DC');
    expect(words.get('site Paris HQ')).toBe('site Paris HQ');
    for (const [label, w] of words) if (/^(device|link|links) /.test(label)) expect(w, label).not.toMatch(/\b(60[123]|l[1-4])\b/);
  });

  it('names a custom scenario by its elements only when its label was their ids', () => {
    expect(n.scenario({ cls: 'custom', label: '601 + l1', failedNodes: ['601'], failedLinks: ['l1'] })).toBe('device par-core-1 at Paris HQ + link par-core-1 – ash-core-2 (Paris HQ – Ashburn DC)');
    expect(n.scenario({ cls: 'custom', label: 'Paris power cut', failedNodes: ['601'], failedLinks: [] })).toBe('Paris power cut');
  });

  it('names the convergence headline\'s scenario through the sweep that holds it', () => {
    const name = labelNamer(n, [{ cls: 'n1-nodes', label: 'device 602', failedNodes: ['602'], failedLinks: [] }]);
    expect(name('device 602')).toBe('device ash-core-2 at Ashburn DC');
    expect(name('device 1')).toBe('device 1');
  });

  it('on a generated design, every device scenario carries its device\'s name and site', () => {
    const intent = IntentSchema.parse(JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/intents/regional-retail.intent.json'), 'utf8')));
    const d = generateDesign(intent, 'hub-spoke', 1).topology;
    const g = compileTopology(d);
    const sites = new Map(d.sites.map((s) => [s.id, s.name]));
    const namer = elementNamer(d);
    const devices = buildScenarios(d, g, { classes: ['n1-nodes'] });
    expect(devices.length).toBe(d.nodes.length);
    for (const s of devices) {
      const dev = d.nodes[s.nodes[0]!]!;
      const w = namer.scenario({ cls: s.cls, label: s.label, failedNodes: [dev.id], failedLinks: [] });
      expect(w).toContain(dev.name);
      if (dev.site !== undefined) expect(w).toContain(sites.get(dev.site)!);
    }
  });
});

describe('audit entries in words', () => {
  const ctx = { designNames: { d1: 'hybrid', d2: 'ring' }, steps: [{ id: 'st9', step: 3, topologyId: 'd1' }], recommendations: [{ id: 'r1', mode: 'verified', createdAt: Date.UTC(2026, 11, 7, 10, 4) }] };

  it('names designs, steps and recommendations; an unknown subject stays as recorded', () => {
    expect(subjectInWords(ctx, '', 'd2')).toBe('ring');
    expect(subjectInWords(ctx, 'design', 'd1')).toBe('design hybrid');
    expect(subjectInWords(ctx, '', 'st9')).toBe('step 3 on hybrid');
    expect(subjectInWords(ctx, '', 'r1')).toBe('verified recommendation of 2026-12-07 10:04');
    expect(subjectInWords(ctx, '', 'x42')).toBe('x42');
  });

  it('says the action and the reason', () => {
    expect(auditActionInWords('optimize.rejected')).toBe('rejected a step');
    expect(auditActionInWords('design.chosen')).toBe('chose a design');
    expect(auditActionInWords('future.thing')).toBe('future.thing');
    expect(auditReason({ reason: 'raises cost 40 %', rule: 'x' })).toBe('raises cost 40 %');
    expect(auditReason({ reason: '  ' })).toBeNull();
    expect(auditReason(['reason'])).toBeNull();
    expect(auditReason(null)).toBeNull();
  });
});
