/**
 * The retail-chain intents the speed work of issue 17 measures and tests on, written once:
 * bench:recommend's chain (HQ, 2 datacenters, 2 region hubs, branches over three regions) and a
 * single-region chain (HQ, 2 datacenters, branches) for small tests. Plain objects: callers parse
 * them with IntentSchema (or keep them raw for the fast-path golden cases).
 */
export function retailChain(sites: number, redundancy: string, goal: string) {
  const branches = Math.max(0, sites - 5);
  const west = Math.ceil(branches * 0.4);
  const central = Math.ceil(branches * 0.3);
  return {
    name: `Retail chain, ${sites} sites`,
    redundancy,
    goal,
    siteGroups: [
      { role: 'hq', region: 'eu-west', count: 1, bandwidthMbpsPerSite: 2000 },
      { role: 'datacenter', region: 'eu-west', count: 2, bandwidthMbpsPerSite: 10000 },
      { role: 'region-hub', region: 'eu-central', count: 1, bandwidthMbpsPerSite: 5000 },
      { role: 'region-hub', region: 'us-east', count: 1, bandwidthMbpsPerSite: 5000 },
      { role: 'branch', region: 'eu-west', count: west, bandwidthMbpsPerSite: 100 },
      { role: 'branch', region: 'eu-central', count: central, bandwidthMbpsPerSite: 100 },
      { role: 'branch', region: 'us-east', count: branches - west - central, bandwidthMbpsPerSite: 100 },
    ].filter((g) => g.count > 0),
  };
}

/** HQ, 2 datacenters and `branches` branches in one region, HIGH. */
export function smallRetail(name: string, branches: number) {
  return {
    name,
    redundancy: 'HIGH',
    siteGroups: [
      { role: 'hq', region: 'eu-west', count: 1, bandwidthMbpsPerSite: 2000 },
      { role: 'datacenter', region: 'eu-west', count: 2, bandwidthMbpsPerSite: 10000 },
      { role: 'branch', region: 'eu-west', count: branches, bandwidthMbpsPerSite: 100 },
    ],
  };
}
