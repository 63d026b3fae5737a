import { IntentSchema, type Intent, type Redundancy } from '../../src-shared/model/intent';

/**
 * The intent every bench uses for a given size: an HQ, three datacenters,
 * two region hubs and a colo over three regions, the rest branches spread
 * evenly, so generation, validation and sweep figures are comparable.
 */
export function benchIntent(sites: number, redundancy: Redundancy = 'HIGH'): Intent {
  const branches = sites - 7;
  const third = Math.floor(branches / 3);
  return IntentSchema.parse({
    name: `bench ${sites}`,
    redundancy,
    siteGroups: [
      { role: 'hq', count: 1, region: 'eu' },
      { role: 'datacenter', count: 2, region: 'eu' },
      { role: 'datacenter', count: 1, region: 'us-east' },
      { role: 'region-hub', count: 1, region: 'us-east' },
      { role: 'region-hub', count: 1, region: 'apac' },
      { role: 'colo', count: 1, region: 'apac' },
      { role: 'branch', count: third, region: 'eu' },
      { role: 'branch', count: third, region: 'us-east' },
      { role: 'branch', count: branches - 2 * third, region: 'apac' },
    ],
  });
}
