import type { Family } from '../model/topology';

/**
 * What each family is, in a line an architect recognises, for the intent
 * form, option cards and reports. The rules behind each are in the
 * generator's own file and docs/design-model.md.
 */
export const FAMILY_INFO: Record<Family, { label: string; summary: string }> = {
  'hub-spoke': {
    label: 'Hub and spoke',
    summary: 'Every site on its own circuit to one hub at the main site: cheapest to run, the hub is a single point of failure.',
  },
  'dual-hub': {
    label: 'Dual hub',
    summary: 'Two hubs at the two main sites, every site homed to both: survives losing a hub.',
  },
  tree: {
    label: 'Hierarchical tree',
    summary: 'Core, distribution per region and access per site, dual-homed from HIGH up: scales by layers.',
  },
  'leaf-spine': {
    label: 'Leaf-spine (Clos)',
    summary: 'Every site a leaf on every spine, spines sized from ports and oversubscription; five stages when one cannot fit.',
  },
  ring: {
    label: 'Ring',
    summary: 'One ring through all sites in geographic order: survives any one failure, long paths at scale.',
  },
  'dual-ring': {
    label: 'Dual ring',
    summary: 'Two counter-rotating rings over the same spans: survives two link failures or a site loss.',
  },
  'partial-mesh': {
    label: 'Partial mesh',
    summary: 'Each site linked to its nearest sites over a backbone ring: short paths at moderate cost.',
  },
  'full-mesh': {
    label: 'Full mesh',
    summary: 'A circuit between every pair of sites: one hop anywhere, cost grows with the square of the sites (500 at most).',
  },
  hybrid: {
    label: 'Hybrid enterprise',
    summary: 'Per region a core pair, datacenter fabrics and homed branches; regions joined by a resilient core.',
  },
};
