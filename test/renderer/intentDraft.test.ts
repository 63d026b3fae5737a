import { describe, expect, it } from 'vitest';
import { checkDraft, initialDraft, problemsUnder, STEPS, stepProblemCount } from '../../src-renderer/features/intent/intentDraft';

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
});
