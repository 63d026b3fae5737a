import { z } from 'zod';
import { migrateVersioned, type VersionedFormat } from '../lib/versioned';
import { ControlPlaneSchema, FinanceSchema, TrafficPlanSchema } from './planning';
import { DeviceRoleSchema, SiteRoleSchema, SITE_ROLES } from './topology';

/**
 * What the architect asks for. Stored in `*.intent.json` files and in the
 * project file. Defaults are what a planner would assume when unsaid:
 * STANDARD redundancy, a balanced goal, 20 % growth headroom, 48-port
 * devices, 3:1 leaf oversubscription, 25G access ports and 100G fabric
 * uplinks. Objects are strict so a misspelt field is reported, not ignored.
 */
export const INTENT_FORMAT_VERSION = 1;

export const RedundancySchema = z.enum(['NONE', 'STANDARD', 'HIGH', 'CRITICAL']);
export type Redundancy = z.infer<typeof RedundancySchema>;
/** Classes in increasing strength; a class includes every weaker one. */
export const REDUNDANCY_ORDER: readonly Redundancy[] = ['NONE', 'STANDARD', 'HIGH', 'CRITICAL'];
export const redundancyRank = (r: Redundancy): number => REDUNDANCY_ORDER.indexOf(r);

export const GoalSchema = z.enum(['cost', 'latency', 'resilience', 'balanced']);
export type Goal = z.infer<typeof GoalSchema>;

const Latitude = z.number().min(-90).max(90);
const Longitude = z.number().min(-180).max(180);

export const ExplicitSiteSchema = z
  .strictObject({
    name: z.string().min(1).max(200),
    /** Defaults to the group's region. */
    region: z.string().min(1).max(100).optional(),
    lat: Latitude.optional(),
    lon: Longitude.optional(),
    users: z.number().int().nonnegative().optional(),
    bandwidthMbps: z.number().nonnegative().optional(),
    /** Servers a datacenter or colo site's fabric connects (generate/dc-fabric.ts); or give racks. */
    servers: z.number().int().nonnegative().max(1_000_000).optional(),
    /** Server racks (× constraints.serversPerRack servers) when servers is not given. */
    racks: z.number().int().nonnegative().max(50_000).optional(),
  })
  .refine((s) => (s.lat === undefined) === (s.lon === undefined), {
    message: 'give both lat and lon, or neither',
    path: ['lat'],
  });
export type ExplicitSite = z.infer<typeof ExplicitSiteSchema>;

export const SiteGroupSchema = z
  .strictObject({
    role: SiteRoleSchema,
    /** Prefix of generated site names; defaults to the role. */
    name: z.string().min(1).max(100).optional(),
    region: z.string().min(1).max(100).default('default'),
    count: z.number().int().min(1).max(20_000).optional(),
    sites: z.array(ExplicitSiteSchema).max(20_000).optional(),
    usersPerSite: z.number().int().nonnegative().default(100),
    bandwidthMbpsPerSite: z.number().nonnegative().default(1000),
    /** Servers per datacenter / colo site of the group (its fabric's size); or racksPerSite. */
    serversPerSite: z.number().int().nonnegative().max(1_000_000).optional(),
    racksPerSite: z.number().int().nonnegative().max(50_000).optional(),
  })
  .refine((g) => g.count !== undefined || (g.sites?.length ?? 0) > 0, {
    message: 'give either count or sites',
  })
  .refine((g) => g.count === undefined || g.sites === undefined || g.count >= g.sites.length, {
    message: 'count is smaller than the number of explicit sites',
    path: ['count'],
  });
export type SiteGroup = z.infer<typeof SiteGroupSchema>;

/**
 * Which sites a latency budget is about: an exact site name, `role:<role>`,
 * `region:<region>` or `*` (every site).
 */
export const SiteSelectorSchema = z.string().min(1).max(200);

export const LatencyBudgetSchema = z.strictObject({
  from: SiteSelectorSchema,
  to: SiteSelectorSchema,
  maxMs: z.number().positive().max(10_000),
});
export type LatencyBudget = z.infer<typeof LatencyBudgetSchema>;

export const ConstraintsSchema = z.strictObject({
  /** Most links on the fewest-hop path between any two sites. */
  maxHops: z.number().int().min(1).max(64).optional(),
  /** Most one-way latency between any two sites, in ms. */
  maxLatencyMs: z.number().positive().max(10_000).optional(),
  /** Budgets for particular site pairs (in addition to maxLatencyMs). */
  latencyBudgets: z.array(LatencyBudgetSchema).max(200).default([]),
  /** Ports of the standard device model. */
  portsPerDevice: z.number().int().min(2).max(4096).default(48),
  /** Ports of the model used for one device role (overrides portsPerDevice). */
  devicePorts: z.partialRecord(DeviceRoleSchema, z.number().int().min(2).max(4096)).default({}),
  /** Leaf host-facing capacity over uplink capacity, at most this: a datacenter fabric's oversubscription. */
  maxOversubscription: z.number().min(1).max(100).default(3),
  /** Servers in one rack when a size is given in racks (an editable assumption: 40 × 1U in a 42U rack). */
  serversPerRack: z.number().int().min(1).max(1000).default(40),
  /** Speed of a leaf's host-facing ports: the server port speed of a datacenter fabric. */
  accessPortGbps: z.number().positive().max(1600).default(25),
  /** Speed of leaf-spine and core uplinks. */
  fabricUplinkGbps: z.number().positive().max(1600).default(100),
  /** Highest link utilisation (per direction, %) allowed in any failure the redundancy class must survive. */
  utilisationLimitPct: z.number().min(1).max(100).default(80),
});
export type Constraints = z.infer<typeof ConstraintsSchema>;

export const IntentSchema = z
  .strictObject({
    formatVersion: z.literal(INTENT_FORMAT_VERSION).default(INTENT_FORMAT_VERSION),
    name: z.string().min(1).max(200).default('Untitled intent'),
    siteGroups: z.array(SiteGroupSchema).min(1).max(200),
    redundancy: RedundancySchema.default('STANDARD'),
    goal: GoalSchema.default('balanced'),
    /** Compared with the design's TCO over `finance.termYears` (cost/cost.ts totalUsd), not with capex alone. */
    budgetUsd: z.number().positive().optional(),
    growthHeadroomPct: z.number().min(0).max(500).default(20),
    constraints: ConstraintsSchema.prefault({}),
    /** How site bandwidth becomes a traffic matrix (model/planning.ts, docs/planning-model.md). */
    traffic: TrafficPlanSchema.prefault({}),
    /** Failure detection, IGP timers, fast reroute: what convergence is estimated from (model/planning.ts). */
    controlPlane: ControlPlaneSchema.prefault({}),
    /** Term (years, default 5) and discount rate of the total cost of ownership (docs/cost-model.md). */
    finance: FinanceSchema.prefault({}),
  })
  .superRefine((intent, ctx) => {
    let total = 0;
    const names = new Map<string, string>();
    const regions = new Set<string>();
    intent.siteGroups.forEach((g, gi) => {
      total += Math.max(g.count ?? 0, g.sites?.length ?? 0);
      regions.add(g.region);
      g.sites?.forEach((s, si) => {
        regions.add(s.region ?? g.region);
        const seen = names.get(s.name);
        if (seen !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['siteGroups', gi, 'sites', si, 'name'],
            message: `duplicate site name "${s.name}" (also at ${seen})`,
          });
        }
        names.set(s.name, `siteGroups.${gi}.sites.${si}`);
      });
    });
    intent.traffic.demands.forEach((d, di) => {
      for (const end of ['from', 'to'] as const) {
        if (!names.has(d[end])) {
          ctx.addIssue({ code: 'custom', path: ['traffic', 'demands', di, end], message: `no explicit site is named "${d[end]}"` });
        }
      }
    });
    if (total > 20_000) {
      ctx.addIssue({ code: 'custom', path: ['siteGroups'], message: `${total} sites in all; at most 20000` });
    }
    intent.constraints.latencyBudgets.forEach((b, bi) => {
      for (const end of ['from', 'to'] as const) {
        const problem = selectorProblem(b[end], names, regions);
        if (problem !== null) {
          ctx.addIssue({ code: 'custom', path: ['constraints', 'latencyBudgets', bi, end], message: problem });
        }
      }
    });
  });
export type Intent = z.infer<typeof IntentSchema>;
export type IntentInput = z.input<typeof IntentSchema>;

/** Why a selector cannot match (explicit names only: generated names are checked at validation). */
function selectorProblem(sel: string, names: Map<string, string>, regions: Set<string>): string | null {
  if (sel === '*') return null;
  if (sel.startsWith('role:')) {
    const role = sel.slice(5);
    return (SITE_ROLES as readonly string[]).includes(role)
      ? null
      : `unknown site role "${role}" (expected one of ${SITE_ROLES.join(', ')})`;
  }
  if (sel.startsWith('region:')) {
    const region = sel.slice(7);
    return regions.has(region) ? null : `no site group is in region "${region}"`;
  }
  return names.has(sel) ? null : `no explicit site is named "${sel}" (use role:…, region:… or *)`;
}

/** One line per problem, each naming the field path, e.g. `siteGroups.0.count: …`. */
export function intentProblems(raw: unknown): string[] {
  let migrated: unknown;
  try {
    migrated = migrateVersioned(raw, INTENT_FORMAT);
  } catch (err) {
    return [(err as Error).message];
  }
  const r = IntentSchema.safeParse(migrated);
  if (r.success) return [];
  return r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

/** How a stored intent migrates (version 1 is the first; see src-shared/lib/versioned.ts). */
export const INTENT_FORMAT: VersionedFormat = { what: 'intent', current: INTENT_FORMAT_VERSION, migrations: {} };

/** Parses an intent (migrating an older format version); `problems` holds one line per problem when it is not valid. */
export function parseIntent(
  raw: unknown,
): { ok: true; intent: Intent } | { ok: false; problems: string[] } {
  let migrated: unknown;
  try {
    migrated = migrateVersioned(raw, INTENT_FORMAT);
  } catch (err) {
    return { ok: false, problems: [(err as Error).message] };
  }
  const r = IntentSchema.safeParse(migrated);
  if (r.success) return { ok: true, intent: r.data };
  return { ok: false, problems: r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}

/**
 * A stored intent read back (an intent record, a sample's intent): migrated
 * from an older format version and validated, shaped like a schema parse.
 */
export function restoreIntent(raw: unknown): { success: true; data: Intent } | { success: false; problems: string[] } {
  const r = parseIntent(raw);
  return r.ok ? { success: true, data: r.intent } : { success: false, problems: r.problems };
}
