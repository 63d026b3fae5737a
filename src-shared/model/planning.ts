import { z } from 'zod';

/**
 * The planning assumptions every check reads: how a site's bandwidth becomes
 * a traffic matrix (shares of a documented, role-aware pattern, or explicit
 * site-to-site demands), the growth applied once to every demand, and the
 * utilisation a link may reach under failure. They live on the intent and
 * are copied onto a generated design (`Topology.planning`) so a design read
 * without its intent still gives the same numbers on every surface.
 * Defaults and their sources: docs/planning-model.md.
 */
export const TrafficSharesSchema = z
  .strictObject({
    /** Of a branch/campus/colo/hub/HQ site's bandwidth: to the datacenters (split by their bandwidth). */
    toDatacenters: z.number().min(0).max(1).default(0.6),
    /** To the HQ site(s). */
    toHq: z.number().min(0).max(1).default(0.1),
    /** To the internet, broken out at the nearest hub or datacenter of the site's region. */
    internet: z.number().min(0).max(1).default(0.2),
    /** East–west to the other sites of the same region and role (split by their bandwidth). */
    eastWest: z.number().min(0).max(1).default(0.1),
    /** Of a datacenter's bandwidth: replicated to the other datacenters (split by their bandwidth). */
    dcToDc: z.number().min(0).max(1).default(0.25),
  })
  .refine((s) => s.toDatacenters + s.toHq + s.internet + s.eastWest <= 1 + 1e-9, {
    message: 'toDatacenters + toHq + internet + eastWest must not exceed 1',
  });
export type TrafficShares = z.infer<typeof TrafficSharesSchema>;

export const SiteDemandSchema = z.strictObject({
  /** Site name (as in the intent) or site id (as in the design). */
  from: z.string().min(1).max(200),
  to: z.string().min(1).max(200),
  gbps: z.number().nonnegative(),
  /** Also the same volume back (a symmetric flow). Default true. */
  both: z.boolean().default(true),
});
export type SiteDemand = z.infer<typeof SiteDemandSchema>;

export const TrafficPlanSchema = z.strictObject({
  /** role-aware: the pattern below from each site's bandwidth; explicit: `demands` only. */
  pattern: z.enum(['role-aware', 'explicit']).default('role-aware'),
  shares: TrafficSharesSchema.prefault({}),
  /** Site-to-site demands in Gbit/s (before growth); added to the pattern, or the whole matrix when explicit. */
  demands: z.array(SiteDemandSchema).max(100_000).default([]),
});
export type TrafficPlan = z.infer<typeof TrafficPlanSchema>;

/**
 * The control plane a convergence estimate reads (sim/convergence.ts):
 * failure detection, IGP timers and domain size, fast reroute. Defaults and
 * sources: docs/planning-model.md §5a; every value is an editable assumption.
 */
export const ControlPlaneSchema = z.strictObject({
  /** BFD on every routed link (RFC 5880): detection = interval × multiplier. */
  bfd: z.boolean().default(true),
  bfdIntervalMs: z.number().min(1).max(10_000).default(50),
  bfdMultiplier: z.number().int().min(1).max(255).default(3),
  /** Without BFD, a carrier circuit or a failed device is noticed when the IGP hold time expires (IS-IS default 30 s). */
  igpHoldMs: z.number().min(100).max(300_000).default(30_000),
  /** Without BFD, a link inside a site (direct fibre) is noticed by loss of light. */
  lossOfLightMs: z.number().min(0).max(10_000).default(20),
  /** Fast reroute: none, loop-free alternates (RFC 5286), or topology-independent LFA (segment routing). */
  fastReroute: z.enum(['none', 'lfa', 'ti-lfa']).default('none'),
  /** Share of destinations an LFA protects (topology dependent; RFC 6571 reports typical coverage). */
  lfaCoveragePct: z.number().min(0).max(100).default(80),
  /** Switch to a pre-installed backup after detection. */
  frrSwitchoverMs: z.number().min(0).max(1_000).default(15),
  /** Prefixes in the IGP (a FIB entry each); absent: one loopback per device and one subnet per link. */
  igpPrefixes: z.number().int().min(1).max(10_000_000).optional(),
  lsaGenerationMs: z.number().min(0).max(10_000).default(10),
  floodPerHopMs: z.number().min(0).max(1_000).default(2),
  spfDelayMs: z.number().min(0).max(10_000).default(50),
  spfMicrosPerElement: z.number().min(0).max(1_000).default(2),
  fibMicrosPerPrefix: z.number().min(0).max(10_000).default(50),
});
export type ControlPlane = z.infer<typeof ControlPlaneSchema>;

/**
 * The finance terms a design is judged over: total cost of ownership over
 * `termYears` (default 5, the usual depreciation life of network hardware and
 * length of a carrier contract), recurring cost discounted at
 * `discountRatePct` a year (0: plain sum; a finance officer gives the
 * organisation's cost of capital). docs/cost-model.md.
 */
export const FinanceSchema = z.strictObject({
  termYears: z.number().int().min(1).max(20).default(5),
  discountRatePct: z.number().min(0).max(50).default(0),
});
export type Finance = z.infer<typeof FinanceSchema>;
export const DEFAULT_FINANCE: Finance = FinanceSchema.parse({});

export const PlanningSchema = z.strictObject({
  growthHeadroomPct: z.number().min(0).max(500).default(20),
  /** Highest utilisation (per direction) a link may reach in any failure the class must survive. */
  utilisationLimitPct: z.number().min(1).max(100).default(80),
  traffic: TrafficPlanSchema.prefault({}),
  controlPlane: ControlPlaneSchema.prefault({}),
  /** Term and discount rate of the cost of ownership (absent in designs saved before them: the defaults). */
  finance: FinanceSchema.prefault({}),
});
export type Planning = z.infer<typeof PlanningSchema>;

export const DEFAULT_PLANNING: Planning = PlanningSchema.parse({});
