import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { costDesign } from '../../../src-shared/cost/cost';
import { DEFAULT_PRICE_BOOK } from '../../../src-shared/cost/pricebook';
import { generateDesign } from '../../../src-shared/generate/generate';
import { samplesForIntents } from '../../../src-shared/learn/history';
import { intentOfShape } from '../../../src-shared/learn/intents';
import { EFFECT_SWITCHES_KEY } from '../../../src-shared/learn/effects';
import type { Family } from '../../../src-shared/model/topology';
import { LearningService } from '../../../src-main/services/learning';
import { LearntEffectsService } from '../../../src-main/services/learnt-effects';
import { KnowledgeBase } from '../../../src-main/store/knowledge';
import { openProjectFile, type ProjectFile } from '../../../src-main/store/projectFile';
import { tempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
let file: string;
let project: ProjectFile;
let learning: LearningService;
let clock = 10_000;
const now = () => ++clock;
const intent = intentOfShape({ sites: 6, regions: 1, redundancy: 'HIGH', goal: 'cost', mix: 0, name: 'Six branches' });

beforeEach(() => {
  tmp = tempDir();
  const bootstrap = path.join(tmp.dir, 'bootstrap.nettwin');
  const kb = KnowledgeBase.open(bootstrap, { now: () => 0 });
  kb.samples.add(samplesForIntents([intent], { origin: 'bootstrap', softwareVersion: 'test', now: 0 }));
  kb.close();
  file = path.join(tmp.dir, 'p.nettwin');
  project = openProjectFile(file, { create: { name: 'p' }, now });
  learning = new LearningService({ knowledgeFile: path.join(tmp.dir, 'data', 'knowledge.nettwin'), bootstrapFile: bootstrap, now }, () => project);
});
afterEach(() => {
  learning.dispose();
  if (project.isOpen) project.close();
  tmp.cleanup();
});

const effectsService = () => new LearntEffectsService(() => project, () => project, learning, now);

/** A generated design of the project (priced with the default book, the project's own). */
function addDesign(family: Family, intentId: string, name: string = family): { id: string; circuits: number; total: number } {
  const d = generateDesign(intent, family, 1);
  const rec = project.topologies.insert({ name, topology: d.topology, source: 'generated', family, seed: 1, intentId, cost: d.cost });
  const cost = costDesign(d.topology, DEFAULT_PRICE_BOOK);
  return { id: rec.id, circuits: cost.monthly.circuitsUsd, total: cost.totalUsd };
}

describe('learnt effects of a project', () => {
  it('a circuit calibration: listed off with its evidence, applied to the designs\' costs only once switched on, and the switch survives reopening', () => {
    const intentId = project.intents.insert(intent.name, intent).id;
    const designs = (['hub-spoke', 'dual-hub', 'ring', 'dual-ring'] as Family[]).map((f) => addDesign(f, intentId));
    const ratios = [1.1, 1.2, 1.15, 1.25];
    const csv = ['design,metric,value', ...designs.map((d, i) => `${d.id},circuitsMonthlyUsd,${(d.circuits * ratios[i]!).toFixed(2)}`)].join('\n');
    learning.importOutcomes({ projectId: 'p', text: csv, source: 'invoices-2026.csv' });

    const effects = effectsService();
    let view = effects.list('p');
    const cal = view.effects.find((e) => e.id === 'calibration:circuitsMonthlyUsd')!;
    expect(cal.learnt).toBe(true);
    expect(cal.enabled).toBe(false); // changes figures: only where someone opted in
    expect(cal.statement).toMatch(/^this organisation's circuits cost 17 % above the price book \(95 % interval \d+–\d+ % above, 4 designs\)$/);
    expect(cal.evidence.map((e) => e.id)).toEqual(designs.map((d) => d.id));
    expect(cal.evidence[0]!.text).toContain('invoices-2026.csv');
    expect(view.calibrated).toEqual([]); // never silently
    expect(effects.calibrations('p')).toEqual([]);

    view = effects.setSwitch({ projectId: 'p', effectId: 'calibration:circuitsMonthlyUsd', enabled: true, actor: 'Finance' });
    expect(view.effects.find((e) => e.id === cal.id)!.enabled).toBe(true);
    expect(view.calibrated).toHaveLength(4);
    for (const d of designs) {
      const fig = view.calibrated.find((c) => c.designId === d.id)!;
      expect(fig.raw).toBe(d.total);
      expect(fig.calibrated.value).toBeGreaterThan(d.total);
      expect(fig.calibrated.low).toBeLessThanOrEqual(fig.calibrated.value);
      expect(fig.applied).toEqual(['circuits']);
    }
    expect(project.audit.list().some((a) => a.action === 'learn.effect.on' && a.actor === 'Finance' && a.subject === cal.id)).toBe(true);

    // Close the file and open it again: the switch is stored in the project, not in memory.
    project.close();
    project = openProjectFile(file, { now });
    const again = effectsService().list('p');
    const reopened = again.effects.find((e) => e.id === cal.id)!;
    expect(reopened.enabled).toBe(true);
    expect(reopened.switchedBy?.actor).toBe('Finance');
    expect(effectsService().calibrations('p').map((c) => c.metric)).toEqual(['circuitsMonthlyUsd']);
  });

  it('with too few measured designs the calibration says how many more are needed and applies nothing even when on', () => {
    const intentId = project.intents.insert(intent.name, intent).id;
    const d = addDesign('ring', intentId);
    learning.importOutcomes({ projectId: 'p', text: `design,metric,value\n${d.id},circuitsMonthlyUsd,${d.circuits * 1.3}\n`, source: 'one.csv' });
    const effects = effectsService();
    const view = effects.setSwitch({ projectId: 'p', effectId: 'calibration:circuitsMonthlyUsd', enabled: true });
    const cal = view.effects.find((e) => e.id === 'calibration:circuitsMonthlyUsd')!;
    expect(cal.learnt).toBe(false);
    expect(cal.statement).toContain('3 more needed');
    expect(view.calibrated).toEqual([]);
  });

  it('a preference from board choices is on by default, feeds the ranking, and is gone from it once switched off', () => {
    for (let i = 0; i < 3; i++) {
      const intentId = project.intents.insert(`${intent.name} ${i}`, intent).id;
      const a = project.topologies.insert({ name: `hub ${i}`, topology: generateDesign(intent, 'hub-spoke', 1).topology, source: 'generated', family: 'hub-spoke', intentId, cost: { totalUsd: 1_000_000 } });
      project.topologies.insert({ name: `mesh ${i}`, topology: generateDesign(intent, 'partial-mesh', 1).topology, source: 'generated', family: 'partial-mesh', intentId, cost: { totalUsd: 1_040_000 } });
      project.decisions.insert({ subjectKind: 'design', subjectId: a.id, decision: 'chosen', actor: 'Board', reason: 'fewer circuits to run' });
    }
    const effects = effectsService();
    const pref = effects.list('p').effects.find((e) => e.kind === 'preference')!;
    expect(pref.id).toBe('preference:hub-spoke|partial-mesh');
    expect(pref.enabled).toBe(true);
    expect(pref.statement).toContain('boards here chose hub-spoke over partial-mesh 3 of 3 times when cost was within 10 %');
    expect(pref.evidence).toHaveLength(3);
    expect(pref.evidence[0]!.text).toContain('"fewer circuits to run"');
    expect(effects.preferences('p').families.map((f) => f.id)).toEqual([pref.id]);
    effects.setSwitch({ projectId: 'p', effectId: pref.id, enabled: false, actor: 'Ada' });
    expect(effects.preferences('p').families).toEqual([]);
  });

  it('the search order is listed with its evidence and can be switched off (then the caller\'s order stands)', () => {
    project.intents.insert(intent.name, intent);
    const effects = effectsService();
    const so = effects.list('p').effects.find((e) => e.id === 'search-order')!;
    expect(so.learnt).toBe(true);
    expect(so.statement).toContain(`For "${intent.name}"`);
    expect(so.evidence.length).toBeGreaterThan(0);
    const given = [{ family: 'full-mesh' as const, variant: 1 }, { family: 'dual-hub' as const, variant: 1 }];
    expect(effects.searchOrder(intent, given, 'p').fromHistory).not.toBeNull();
    effects.setSwitch({ projectId: 'p', effectId: 'search-order', enabled: false });
    expect(effects.searchOrder(intent, given, 'p')).toEqual({ order: given, fromHistory: null });
  });

  it('optimiser steps decided by people become an effect per rule (free-text rule names) that can be switched off', () => {
    const intentId = project.intents.insert(intent.name, intent).id;
    const d = addDesign('dual-ring', intentId);
    const rule = 'cost: remove while HIGH holds';
    for (const [i, status] of (['rejected', 'rejected', 'approved'] as const).entries()) {
      const e = project.optimisations.insert({ topologyId: d.id, step: i + 1, strategy: 'cost', rule, rationale: 'r', before: {}, after: {}, expected: {}, status: 'proposed' });
      project.optimisations.decide(e.id, status, 'Ada', status === 'rejected' ? 'carrier contract runs to 2028' : 'fine');
    }
    const effects = effectsService();
    const r = effects.list('p').effects.find((e) => e.kind === 'step-rule')!;
    expect(r.id).toBe(`step-rule:${rule}`);
    expect(r.statement).toContain('approved optimiser steps "cost: remove while HIGH holds" 1 of 3 times');
    expect(r.statement).toContain('"carrier contract runs to 2028"');
    expect(effects.preferences('p').stepRules).toHaveLength(1);
    effects.setSwitch({ projectId: 'p', effectId: r.id, enabled: false });
    expect(effects.preferences('p').stepRules).toEqual([]);
  });

  it('refuses an unknown or malformed effect id and names a damaged stored value', () => {
    const effects = effectsService();
    expect(() => effects.setSwitch({ projectId: 'p', effectId: 'calibration:latencyMs', enabled: true })).toThrow(/no learnt effect "calibration:latencyMs"/);
    expect(() => effects.setSwitch({ projectId: 'p', effectId: 'drop table', enabled: true })).toThrow(/not a learnt effect's id/);
    expect(() => effects.setSwitch({ projectId: 'p', effectId: 'search-order:\u0007', enabled: true })).toThrow(/not a learnt effect's id/);
    project.meta.set(EFFECT_SWITCHES_KEY, '{"formatVersion":1,"switches":{"search-order":{"enabled":"yes"}}}');
    expect(() => effects.list('p')).toThrow(/project_meta "learn.effect_switches": invalid learnt-effect switches: switches.search-order.enabled/);
  });
});
