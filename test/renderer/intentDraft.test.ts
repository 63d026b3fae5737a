import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { checkDraft, draftFromIntent, initialDraft, problemsUnder, STEPS, stepProblemCount } from '../../src-renderer/features/intent/intentDraft';
import { IntentSchema } from '../../src-shared/model/intent';

describe('intent draft', () => {
  it('the starting draft is a valid intent', () => {
    const r = checkDraft(initialDraft());
    expect([...r.problems]).toEqual([]);
    expect(r.intent?.siteGroups).toHaveLength(2);
    expect(r.intent?.constraints.portsPerDevice).toBe(48);
  });

  it('reports each bad field under its own path', () => {
    const d = initialDraft();
    d.groups[1]!.count = 'many';
    d.groups[0]!.count = '0';
    d.budgetUsd = '-5';
    d.maxHops = '2.5';
    const r = checkDraft(d);
    expect(r.intent).toBeNull();
    expect(r.problems.get('siteGroups.1.count')).toBe('enter a number');
    expect(r.problems.get('siteGroups.0.count')).toMatch(/1/);
    expect(r.problems.has('budgetUsd')).toBe(true);
    expect(r.problems.has('constraints.maxHops')).toBe(true);
    expect(stepProblemCount(r.problems, STEPS[0].paths)).toBe(3); // the two counts, and group 1 now has neither count nor sites
    expect(stepProblemCount(r.problems, STEPS[2].paths)).toBe(1);
  });

  it('explicit sites are parsed line by line; duplicates are named', () => {
    const d = initialDraft();
    d.groups[1] = { ...d.groups[1]!, count: '', sites: 'Paris\nBerlin, dach\nParis' };
    const r = checkDraft(d);
    expect(problemsUnder(r.problems, 'siteGroups.1.sites')).toEqual(['2.name: duplicate site name "Paris" (also at siteGroups.1.sites.0)']);
    d.groups[1] = { ...d.groups[1], sites: 'Paris\nBerlin, dach' };
    expect(checkDraft(d).intent?.siteGroups[1]?.sites?.[1]).toEqual({ name: 'Berlin', region: 'dach' });
  });

  it('a group with neither count nor sites is refused', () => {
    const d = initialDraft();
    d.groups[0]!.count = '';
    expect(problemsUnder(checkDraft(d).problems, 'siteGroups.0')).toEqual(['give either count or sites']);
  });

  it('takes amounts as a finance officer types them', () => {
    for (const typed of ['30,000,000', '30M', '$30M', '30 000 000']) {
      const d = { ...initialDraft(), budgetUsd: typed };
      expect(checkDraft(d).intent?.budgetUsd, typed).toBe(30_000_000);
    }
    const r = checkDraft({ ...initialDraft(), budgetUsd: '30,00,000' });
    expect(r.problems.get('budgetUsd')).toMatch(/groups of three/);
  });

  it('a stored intent reopens in the wizard and comes back unchanged, every field it does not show kept', () => {
    const dir = path.join(__dirname, '../../resources/examples');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.intent.json'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const intent = IntentSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
      const back = checkDraft(draftFromIntent(intent));
      expect([...back.problems], f).toEqual([]);
      expect(back.intent, f).toEqual(intent);
    }
  });

  it('an edit in the reopened wizard changes only what was edited', () => {
    const intent = IntentSchema.parse({
      name: 'Bank',
      siteGroups: [
        { role: 'datacenter', region: 'emea', sites: [{ name: 'London DC', lat: 51.5, lon: -0.1, bandwidthMbps: 40000 }, { name: 'Frankfurt DC', region: 'dach', lat: 50.1, lon: 8.7 }] },
        { role: 'branch', region: 'emea', count: 40, bandwidthMbpsPerSite: 200 },
      ],
      budgetUsd: 12_000_000,
      constraints: { maxHops: 4, latencyBudgets: [{ from: 'role:branch', to: 'role:datacenter', maxMs: 30 }], devicePorts: { core: 64 } },
      traffic: { pattern: 'explicit', demands: [{ from: 'London DC', to: 'Frankfurt DC', gbps: 20 }] },
    });
    const d = draftFromIntent(intent);
    d.budgetUsd = '15M';
    d.maxHops = '';
    d.groups[1]!.count = '60';
    const edited = checkDraft(d).intent!;
    expect(edited.budgetUsd).toBe(15_000_000);
    expect(edited.constraints.maxHops).toBeUndefined();
    expect(edited.siteGroups[1]).toMatchObject({ count: 60, bandwidthMbpsPerSite: 200 });
    // Not shown by the wizard, so kept as stored:
    expect(edited.siteGroups[0]!.sites).toEqual(intent.siteGroups[0]!.sites);
    expect(edited.constraints.latencyBudgets).toEqual(intent.constraints.latencyBudgets);
    expect(edited.constraints.devicePorts).toEqual({ core: 64 });
    expect(edited.traffic).toEqual(intent.traffic);
  });
});

describe('intent draft: cost term', () => {
  it('carries the TCO term and discount rate into the intent, and names a bad one by its field', () => {
    const d = { ...initialDraft(), termYears: '7', discountRatePct: '8' };
    expect(checkDraft(d).intent?.finance).toEqual({ termYears: 7, discountRatePct: 8 });
    expect(checkDraft(initialDraft()).intent?.finance).toEqual({ termYears: 5, discountRatePct: 0 });
    const bad = checkDraft({ ...initialDraft(), termYears: '0' });
    expect(bad.intent).toBeNull();
    expect(bad.problems.get('finance.termYears')).toBeDefined();
    expect(stepProblemCount(bad.problems, STEPS[1].paths)).toBe(1);
  });
});
