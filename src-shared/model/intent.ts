import { z } from 'zod';
import { SiteRoleSchema } from './topology';

/**
 * What the architect asks for. Stored in `*.intent.json` files and in the
 * project file. Defaults are what a planner would assume when unsaid.
 */
export const INTENT_FORMAT_VERSION = 1;

export const RedundancySchema = z.enum(['NONE', 'STANDARD', 'HIGH', 'CRITICAL']);
export type Redundancy = z.infer<typeof RedundancySchema>;
export const GoalSchema = z.enum(['cost', 'latency', 'resilience', 'balanced']);
export type Goal = z.infer<typeof GoalSchema>;

export const ExplicitSiteSchema = z.object({
  name: z.string().min(1).max(200),
  region: z.string().min(1).max(100).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  users: z.number().int().nonnegative().optional(),
  bandwidthMbps: z.number().nonnegative().optional(),
});
export type ExplicitSite = z.infer<typeof ExplicitSiteSchema>;

export const SiteGroupSchema = z
  .object({
    role: SiteRoleSchema,
    region: z.string().min(1).max(100).default('default'),
    count: z.number().int().min(1).max(20_000).optional(),
    sites: z.array(ExplicitSiteSchema).max(20_000).optional(),
    usersPerSite: z.number().int().nonnegative().default(100),
    bandwidthMbpsPerSite: z.number().nonnegative().default(1000),
  })
  .refine((g) => g.count !== undefined || (g.sites?.length ?? 0) > 0, {
    message: 'give either count or sites',
  });
export type SiteGroup = z.infer<typeof SiteGroupSchema>;

export const ConstraintsSchema = z.object({
  maxHops: z.number().int().min(1).max(64).optional(),
  maxLatencyMs: z.number().positive().optional(),
  portsPerDevice: z.number().int().min(2).max(1024).default(48),
  maxOversubscription: z.number().min(1).max(100).default(3),
});
export type Constraints = z.infer<typeof ConstraintsSchema>;

export const IntentSchema = z.object({
  formatVersion: z.literal(INTENT_FORMAT_VERSION).default(INTENT_FORMAT_VERSION),
  name: z.string().min(1).max(200).default('Untitled intent'),
  siteGroups: z.array(SiteGroupSchema).min(1).max(200),
  redundancy: RedundancySchema.default('STANDARD'),
  goal: GoalSchema.default('balanced'),
  budgetUsd: z.number().positive().optional(),
  growthHeadroomPct: z.number().min(0).max(500).default(20),
  constraints: ConstraintsSchema.default({ portsPerDevice: 48, maxOversubscription: 3 }),
});
export type Intent = z.infer<typeof IntentSchema>;
export type IntentInput = z.input<typeof IntentSchema>;

/** One line per problem, each naming the field path, e.g. `siteGroups.0.count: …`. */
export function intentProblems(raw: unknown): string[] {
  const r = IntentSchema.safeParse(raw);
  if (r.success) return [];
  return r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}
