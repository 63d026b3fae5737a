import { describe, expect, it } from 'vitest';
import { applyRoleCorrections, guessRoleFromName, guessRoles, guessSiteRole } from '../../../src-shared/io/roles';
import { emptyReport } from '../../../src-shared/io/report';
import { sampleTopology } from './sample';

describe('guessRoleFromName', () => {
  it.each([
    ['dc1-spine02', 'spine'],
    ['DC1-SuperSpine-1', 'super-spine'],
    ['ss1', 'super-spine'],
    ['leaf-101', 'leaf'],
    ['rack12-tor', 'leaf'],
    ['ber-core-r1', 'core'],
    ['agg3', 'distribution'],
    ['bldg2-asw-07', 'access'],
    ['fw01', 'firewall'],
    ['PE3', 'edge'],
    ['border-leaf-1', 'leaf'],
    ['hub-fra', 'hub'],
    ['branch-0042', 'spoke'],
    ['rtr-lon', 'router'],
  ])('%s → %s', (name, role) => {
    expect(guessRoleFromName(name)).toBe(role);
  });

  it.each(['Peru', 'New York', 'Amsterdam', 'node7', 'Ashburn'])('%s says nothing', (name) => {
    expect(guessRoleFromName(name)).toBeUndefined();
  });
});

describe('guessRoles by degree', () => {
  // A star with a tail: hub "a" has degree 4, "e" is a transit node, leaves hang off.
  const nodes = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, name: `x${id}` }));
  const links = [['a', 'b'], ['a', 'c'], ['a', 'd'], ['a', 'e'], ['e', 'f'], ['f', 'f']].map(([source, target]) => ({ source: source!, target: target! }));

  it('makes the best-connected node core, single-homed nodes edge, the rest routers', () => {
    const report = emptyReport();
    const roles = guessRoles(nodes, links, report).map((n) => n.role);
    expect(roles).toEqual(['core', 'edge', 'edge', 'edge', 'router', 'edge']);
    expect(report.guessed[0]).toBe('role of "xa": core (from its degree 4)');
    expect(report.guessed).toHaveLength(6);
  });

  it('leaves given roles alone and does not report them', () => {
    const report = emptyReport();
    const out = guessRoles([{ id: 'a', name: 'a', role: 'firewall' }], [], report);
    expect(out[0]?.role).toBe('firewall');
    expect(report.guessed).toEqual([]);
  });
});

describe('guessSiteRole', () => {
  it.each([
    ['DC West', 'datacenter'],
    ['HQ Berlin', 'hq'],
    ['Branch 12', 'branch'],
    ['Equinix colo', 'colo'],
    ['region-hub', 'region-hub'],
    ['Somewhere', undefined],
  ])('%s → %s', (name, role) => {
    expect(guessSiteRole(name)).toBe(role);
  });
});

describe('applyRoleCorrections', () => {
  it('changes only the named nodes and returns a new topology', () => {
    const t = sampleTopology();
    const fixed = applyRoleCorrections(t, { fw1: 'edge', 'leaf-1': 'access' });
    expect(fixed.nodes.map((n) => n.role)).toEqual(['core', 'core', 'edge', 'edge', 'access']);
    expect(t.nodes.find((n) => n.id === 'fw1')?.role).toBe('firewall');
  });

  it('refuses unknown nodes and roles', () => {
    expect(() => applyRoleCorrections(sampleTopology(), { nope: 'core' })).toThrow('role correction: unknown node "nope"');
    expect(() => applyRoleCorrections(sampleTopology(), { fw1: 'boss' })).toThrow('role correction for "fw1": unknown role "boss"');
  });
});
