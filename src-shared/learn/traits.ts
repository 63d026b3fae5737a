import type { Redundancy } from '../model/intent';
import type { Family } from '../model/topology';

/**
 * What every planner knows about each family, independent of history:
 * the strongest class its generator is built for (generate.ts
 * familyCapability for a typical site count) and one pro and one con.
 */
export const FAMILY_TRAITS: Record<Family, { maxClass: Redundancy; pro: string; con: string }> = {
  'hub-spoke': { maxClass: 'STANDARD', pro: 'simple to run: one hub, short configs', con: 'the hub is a single point of failure' },
  'dual-hub': { maxClass: 'CRITICAL', pro: 'two hubs remove the single point of failure', con: 'every branch pays for two circuits' },
  tree: { maxClass: 'HIGH', pro: 'hierarchical, scales by adding distribution pairs', con: 'cannot survive two failures at a dual-homed leaf' },
  'leaf-spine': { maxClass: 'CRITICAL', pro: 'uniform paths, easy to scale out', con: 'many links and ports: expensive across a WAN' },
  ring: { maxClass: 'HIGH', pro: 'fewest links that survive one failure', con: 'paths lengthen as the ring grows' },
  'dual-ring': { maxClass: 'CRITICAL', pro: 'survives a duct cut or a site loss', con: 'same long paths as a ring, twice the circuits' },
  'partial-mesh': { maxClass: 'HIGH', pro: 'short paths for moderate link count', con: 'irregular: harder to reason about failures' },
  'full-mesh': { maxClass: 'CRITICAL', pro: 'one hop between any two sites', con: 'link count grows with the square of sites' },
  hybrid: { maxClass: 'CRITICAL', pro: 'regional cores with a resilient backbone', con: 'more device roles to operate' },
};
