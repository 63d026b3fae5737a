import { createRng, type Rng } from '../lib/rng';
import { IntentSchema, REDUNDANCY_ORDER, type Goal, type Intent, type IntentInput } from '../model/intent';

/**
 * Intents for learning: the bootstrap grid (every size band × redundancy
 * class × region count × site mix) and seeded random intents for the
 * learning benchmark. Regions are names the generators place at real
 * anchors (generate/sites.ts), so geography is realistic.
 */
export const REGION_POOL = ['eu', 'us-east', 'us-west', 'apac', 'eu-north', 'latam', 'india', 'japan'] as const;
const GOALS: readonly Goal[] = ['cost', 'latency', 'resilience', 'balanced'];

export interface IntentShape {
  sites: number;
  regions: number;
  redundancy: Intent['redundancy'];
  goal: Goal;
  /** 0: datacenters + branches; 1: HQ, region hubs and campuses too. */
  mix: 0 | 1;
  budgetUsd?: number;
  /** Rotates which regions are used. */
  regionOffset?: number;
  name?: string;
}

/** Builds an intent of the given shape: a few datacenters in the first region, branches spread over all. */
export function intentOfShape(s: IntentShape): Intent {
  const regions = Array.from({ length: s.regions }, (_, i) => REGION_POOL[((s.regionOffset ?? 0) + i) % REGION_POOL.length]!);
  const dcs = Math.max(1, Math.min(3, Math.round(s.sites / 25)));
  const groups: IntentInput['siteGroups'] = [{ role: 'datacenter', region: regions[0]!, count: dcs }];
  let left = Math.max(0, s.sites - dcs);
  if (s.mix === 1 && left > 2) {
    groups.push({ role: 'hq', region: regions[0]!, count: 1 });
    left -= 1;
    for (const r of regions.slice(1)) {
      if (left <= 1) break;
      groups.push({ role: 'region-hub', region: r, count: 1 });
      left -= 1;
    }
  }
  const perRegion = regions.map((_, i) => Math.floor(left / regions.length) + (i < left % regions.length ? 1 : 0));
  regions.forEach((r, i) => {
    const count = perRegion[i]!;
    if (count === 0) return;
    const campus = s.mix === 1 ? Math.floor(count / 4) : 0;
    if (campus > 0) groups.push({ role: 'campus', region: r, count: campus, usersPerSite: 800, bandwidthMbpsPerSite: 10_000 });
    if (count - campus > 0) groups.push({ role: 'branch', region: r, count: count - campus });
  });
  const input: IntentInput = {
    name: s.name ?? `${s.sites} sites, ${s.regions} regions, ${s.redundancy}`,
    siteGroups: groups,
    redundancy: s.redundancy,
    goal: s.goal,
  };
  if (s.budgetUsd !== undefined) input.budgetUsd = s.budgetUsd;
  return IntentSchema.parse(input);
}

export const GRID_SIZES = [4, 8, 16, 30, 60, 120] as const;

/** The bootstrap grid: sizes × redundancy × 1–4 regions × 2 mixes (192 intents), goals rotating. */
export function intentGrid(): Intent[] {
  const out: Intent[] = [];
  let k = 0;
  for (const sites of GRID_SIZES)
    for (const redundancy of REDUNDANCY_ORDER)
      for (let regions = 1; regions <= 4; regions++)
        for (const mix of [0, 1] as const) {
          out.push(intentOfShape({ sites, regions, redundancy, mix, goal: GOALS[k % 4]!, regionOffset: k % REGION_POOL.length }));
          k++;
        }
  return out;
}

/** A random intent: 4–`maxSites` sites (log-uniform), 1–4 regions, any class and goal, a budget one time in five. */
export function randomIntent(rng: Rng, maxSites = 150): Intent {
  const sites = Math.round(Math.exp(Math.log(4) + rng.next() * (Math.log(maxSites) - Math.log(4))));
  const regions = 1 + rng.int(Math.min(4, Math.max(1, Math.floor(sites / 3))));
  const shape: IntentShape = {
    sites,
    regions,
    redundancy: REDUNDANCY_ORDER[rng.int(4)]!,
    goal: GOALS[rng.int(4)]!,
    mix: rng.int(2) as 0 | 1,
    regionOffset: rng.int(REGION_POOL.length),
  };
  if (rng.int(5) === 0) shape.budgetUsd = Math.round(sites * (40_000 + rng.next() * 400_000));
  return intentOfShape(shape);
}

export function randomIntents(seed: number, count: number, maxSites = 150): Intent[] {
  const rng = createRng(seed, 'learn:intents');
  return Array.from({ length: count }, () => randomIntent(rng, maxSites));
}
