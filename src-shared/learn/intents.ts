import { gazetteer, type Place } from '../generate/gazetteer';
import { createRng, type Rng } from '../lib/rng';
import { IntentSchema, REDUNDANCY_ORDER, type ExplicitSite, type Goal, type Intent, type IntentInput } from '../model/intent';

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

/**
 * Realistic-shaped intents for the bootstrap knowledge base, besides the
 * grid: the kinds of network an enterprise asks for — a retail chain, a
 * bank, a campus, a cloud backbone, a manufacturer, an SD-WAN — anchored at
 * real cities (the gazetteer's largest places, drawn by the seed), with
 * per-site bandwidth, budgets, hop and latency limits and mixed roles.
 * Drawn by rule, so the held-out realistic bench set
 * (test/fixtures/intents/realistic, hand-written) is never among them.
 * Figures drawn here are ranges we chose to span such cases, not data.
 */
export const REALISTIC_KINDS = ['retail', 'bank', 'campus', 'cloud', 'manufacturing', 'sdwan'] as const;
type Kind = (typeof REALISTIC_KINDS)[number];

/** How many of the largest gazetteer places anchor realistic intents. */
const ANCHOR_PLACES = 600;

export function realisticIntents(seed: number, count: number): Intent[] {
  const rng = createRng(seed, 'learn:realistic');
  const places = gazetteer().slice(0, ANCHOR_PLACES);
  return Array.from({ length: count }, (_, i) => realisticIntent(rng, REALISTIC_KINDS[i % REALISTIC_KINDS.length]!, places, i));
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)]!;
const between = (rng: Rng, lo: number, hi: number): number => Math.round(Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo))));

function realisticIntent(rng: Rng, kind: Kind, places: readonly Place[], index: number): Intent {
  const regionCount = kind === 'campus' ? 1 : kind === 'cloud' ? 1 + rng.int(3) : 1 + rng.int(kind === 'retail' ? 2 : 4);
  // Region anchors: a home city, then others near it (same country) or anywhere (global).
  const home = pick(rng, places);
  const global = rng.next() < 0.4;
  const near = places.filter((p) => p !== home && (global || p.country === home.country));
  const anchors = [home];
  for (let k = 1; k < regionCount; k++) {
    const left = (near.length >= regionCount ? near : places).filter((p) => !anchors.includes(p));
    anchors.push(pick(rng, left));
  }
  const region = (k: number) => `r${index}-${k}-${anchors[k]!.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const at = (k: number, name: string, extra: Partial<ExplicitSite> = {}): ExplicitSite => ({
    name: `${anchors[k]!.name} ${name}`,
    lat: anchors[k]!.lat,
    lon: anchors[k]!.lon,
    ...extra,
  });
  const groups: IntentInput['siteGroups'] = [];
  const bw = (lo: number, hi: number) => pick(rng, [10, 20, 50, 100, 200, 500, 1000, 2000, 10_000].filter((b) => b >= lo && b <= hi));
  let redundancy: Intent['redundancy'];
  let goal: Goal;
  switch (kind) {
    case 'retail':
    case 'sdwan': {
      redundancy = pick(rng, kind === 'retail' ? (['NONE', 'STANDARD', 'STANDARD', 'HIGH'] as const) : (['STANDARD', 'HIGH', 'HIGH'] as const));
      goal = pick(rng, kind === 'retail' ? (['cost', 'cost', 'balanced'] as const) : (['cost', 'balanced', 'latency'] as const));
      groups.push({ role: 'hq', region: region(0), sites: [at(0, 'HQ', { users: between(rng, 200, 3000), bandwidthMbps: bw(1000, 10_000) })] });
      groups.push({ role: 'datacenter', region: region(0), sites: [at(0, 'DC', { bandwidthMbps: bw(10_000, 10_000) })] });
      if (rng.next() < 0.5) groups.push({ role: 'region-hub', region: region(regionCount - 1), sites: [at(regionCount - 1, 'depot', { bandwidthMbps: bw(500, 2000) })] });
      const per = between(rng, kind === 'retail' ? 15 : 8, kind === 'retail' ? 90 : 40);
      const b = bw(20, kind === 'retail' ? 200 : 1000);
      for (let k = 0; k < regionCount; k++) groups.push({ role: 'branch', name: kind === 'retail' ? 'store' : 'office', region: region(k), count: per, usersPerSite: between(rng, 5, 120), bandwidthMbpsPerSite: b });
      break;
    }
    case 'bank': {
      redundancy = pick(rng, ['HIGH', 'CRITICAL', 'CRITICAL'] as const);
      goal = pick(rng, ['resilience', 'latency', 'balanced', 'cost'] as const);
      groups.push({ role: 'hq', region: region(0), sites: [at(0, 'HQ', { users: between(rng, 1000, 5000), bandwidthMbps: 10_000 })] });
      groups.push({ role: 'datacenter', region: region(0), sites: [at(0, 'DC', { bandwidthMbps: 40_000 })] });
      groups.push({ role: 'datacenter', region: region(regionCount - 1), sites: [{ ...at(regionCount - 1, 'DR'), lat: anchors[regionCount - 1]!.lat + 0.2, lon: anchors[regionCount - 1]!.lon + 0.2, bandwidthMbps: 40_000 }] });
      for (let k = 1; k < regionCount; k++) groups.push({ role: 'region-hub', region: region(k), sites: [at(k, 'hub', { bandwidthMbps: 2000 })] });
      const per = between(rng, 10, 50);
      for (let k = 0; k < regionCount; k++) groups.push({ role: 'branch', region: region(k), count: per, usersPerSite: between(rng, 8, 30), bandwidthMbpsPerSite: bw(20, 200) });
      break;
    }
    case 'campus': {
      redundancy = pick(rng, ['STANDARD', 'HIGH'] as const);
      goal = pick(rng, ['cost', 'balanced', 'latency'] as const);
      groups.push({ role: 'datacenter', region: region(0), sites: [at(0, 'campus DC', { bandwidthMbps: 40_000 })] });
      groups.push({ role: 'hq', region: region(0), sites: [{ ...at(0, 'administration'), lat: anchors[0]!.lat + 0.01, lon: anchors[0]!.lon + 0.01, bandwidthMbps: 10_000 }] });
      groups.push({ role: 'campus', name: 'building', region: region(0), count: between(rng, 6, 40), usersPerSite: between(rng, 100, 2000), bandwidthMbpsPerSite: bw(1000, 10_000) });
      break;
    }
    case 'cloud': {
      redundancy = pick(rng, ['HIGH', 'HIGH', 'CRITICAL'] as const);
      goal = pick(rng, ['latency', 'balanced', 'resilience'] as const);
      const dcs = between(rng, 4, 12);
      const cities = [...anchors, ...Array.from({ length: Math.max(0, dcs - anchors.length) }, () => pick(rng, global ? places : near.length ? near : places))];
      const used = new Set<string>();
      groups.push({
        role: 'datacenter',
        region: region(0),
        sites: cities.flatMap((c) => {
          const name = `${c.name} region`;
          if (used.has(name)) return [];
          used.add(name);
          return [{ name, lat: c.lat, lon: c.lon, bandwidthMbps: pick(rng, [100_000, 200_000, 400_000]) }];
        }),
      });
      break;
    }
    case 'manufacturing': {
      redundancy = pick(rng, ['STANDARD', 'HIGH', 'HIGH', 'CRITICAL'] as const);
      goal = pick(rng, ['resilience', 'balanced', 'cost'] as const);
      groups.push({ role: 'hq', region: region(0), sites: [at(0, 'HQ', { users: between(rng, 1000, 6000), bandwidthMbps: 10_000 })] });
      groups.push({ role: 'datacenter', region: region(0), sites: [{ ...at(0, 'DC'), lat: anchors[0]!.lat - 0.1, lon: anchors[0]!.lon, bandwidthMbps: 40_000 }] });
      for (let k = 0; k < regionCount; k++) groups.push({ role: 'campus', name: 'plant', region: region(k), count: between(rng, 1, 4), usersPerSite: between(rng, 1000, 8000), bandwidthMbpsPerSite: bw(1000, 10_000) });
      groups.push({ role: 'branch', name: 'sales', region: region(0), count: between(rng, 3, 20), usersPerSite: 40, bandwidthMbpsPerSite: bw(100, 500) });
      break;
    }
  }
  const input: IntentInput = { name: `${kind} ${index + 1}: ${anchors.map((a) => a.name).join(', ')}`, siteGroups: groups, redundancy, goal, growthHeadroomPct: pick(rng, [10, 15, 20, 25, 30, 40, 50]) };
  const constraints: NonNullable<IntentInput['constraints']> = {};
  if (rng.next() < 0.5) constraints.maxHops = 2 + rng.int(5);
  if (rng.next() < 0.35) constraints.maxLatencyMs = pick(rng, [10, 15, 20, 25, 30, 40, 60, 80, 120, 150]);
  if (rng.next() < 0.2 && (kind === 'campus' || kind === 'manufacturing')) constraints.latencyBudgets = [{ from: 'role:campus', to: 'role:datacenter', maxMs: pick(rng, [2, 5, 10, 20, 50, 80]) }];
  if (Object.keys(constraints).length) input.constraints = constraints;
  const sites = groups.reduce((a, g) => a + Math.max(g.count ?? 0, g.sites?.length ?? 0), 0);
  if (rng.next() < 0.45) input.budgetUsd = Math.round(sites * between(rng, 30_000, 400_000));
  return IntentSchema.parse(input);
}
