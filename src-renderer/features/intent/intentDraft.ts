import { parseAmount } from '../../../src-shared/lib/amount';
import { IntentSchema, type Goal, type Intent, type Redundancy, type SiteGroup } from '../../../src-shared/model/intent';
import { demandsToCsv, parseDemandMatrix } from '../../../src-shared/model/demand-matrix';
import type { SiteRole } from '../../../src-shared/model/topology';

/**
 * The wizard's form state: text as typed (so a half-typed number is not
 * lost), turned into an intent and checked with the shared zod schema.
 * Problems are keyed by field path (`siteGroups.0.count`), the same paths
 * the schema reports, so each message lands next to its field.
 */
export interface GroupDraft {
  role: SiteRole;
  name: string;
  region: string;
  count: string;
  /** Explicit sites, one per line: `Name` or `Name, region`. */
  sites: string;
  usersPerSite: string;
  bandwidthMbpsPerSite: string;
  /**
   * The stored group this one was opened from: what the wizard does not show
   * (an explicit site's coordinates, users, bandwidth) is kept from it.
   */
  base?: SiteGroup;
}

export interface IntentDraft {
  name: string;
  groups: GroupDraft[];
  redundancy: Redundancy;
  goal: Goal;
  budgetUsd: string;
  /** TCO term in years and discount rate (%); the budget is compared with the TCO over the term. */
  termYears: string;
  discountRatePct: string;
  growthHeadroomPct: string;
  maxHops: string;
  maxLatencyMs: string;
  portsPerDevice: string;
  maxOversubscription: string;
  /**
   * The stored intent the wizard was opened with: every field the wizard does
   * not show (traffic plan, latency budgets, device ports…) is kept from it.
   */
  base?: Intent;
  /** role-aware: demands from site bandwidth by the documented pattern (plus any typed below); explicit: the typed matrix only. */
  trafficPattern: 'role-aware' | 'explicit';
  /** An explicit demand matrix as typed: CSV rows, CSV site×site, or JSON (model/demand-matrix.ts), Gbit/s. */
  demands: string;
  /** Control plane convergence is estimated from (model/planning.ts ControlPlaneSchema; the other timers kept from the stored intent). */
  bfd: boolean;
  bfdIntervalMs: string;
  bfdMultiplier: string;
  fastReroute: 'none' | 'lfa' | 'ti-lfa';
}

export const newGroup = (role: SiteRole = 'branch', region = 'emea'): GroupDraft => ({
  role,
  name: '',
  region,
  count: '4',
  sites: '',
  usersPerSite: '100',
  bandwidthMbpsPerSite: '1000',
});

export const initialDraft = (): IntentDraft => ({
  name: 'Enterprise WAN',
  groups: [{ ...newGroup('datacenter', 'emea'), count: '2' }, newGroup('branch', 'emea')],
  redundancy: 'STANDARD',
  goal: 'balanced',
  budgetUsd: '',
  termYears: '5',
  discountRatePct: '0',
  growthHeadroomPct: '20',
  maxHops: '',
  maxLatencyMs: '',
  portsPerDevice: '48',
  maxOversubscription: '3',
  trafficPattern: 'role-aware',
  demands: '',
  bfd: true,
  bfdIntervalMs: '50',
  bfdMultiplier: '3',
  fastReroute: 'none',
});

const text = (v: number | undefined): string => (v === undefined ? '' : String(v));

/**
 * The wizard prefilled from a stored intent, to change it and generate again
 * (a budget changed without retyping every group). checkDraft of the result
 * gives the same intent back.
 */
export function draftFromIntent(intent: Intent): IntentDraft {
  return {
    name: intent.name,
    groups: intent.siteGroups.map((g) => ({
      role: g.role,
      name: g.name ?? '',
      region: g.region,
      count: text(g.count),
      sites: (g.sites ?? []).map((s) => (s.region !== undefined && s.region !== g.region ? `${s.name}, ${s.region}` : s.name)).join('\n'),
      usersPerSite: text(g.usersPerSite),
      bandwidthMbpsPerSite: text(g.bandwidthMbpsPerSite),
      base: g,
    })),
    redundancy: intent.redundancy,
    goal: intent.goal,
    budgetUsd: text(intent.budgetUsd),
    termYears: text(intent.finance.termYears),
    discountRatePct: text(intent.finance.discountRatePct),
    growthHeadroomPct: text(intent.growthHeadroomPct),
    maxHops: text(intent.constraints.maxHops),
    maxLatencyMs: text(intent.constraints.maxLatencyMs),
    portsPerDevice: text(intent.constraints.portsPerDevice),
    maxOversubscription: text(intent.constraints.maxOversubscription),
    trafficPattern: intent.traffic.pattern,
    demands: intent.traffic.demands.length > 0 ? demandsToCsv(intent.traffic.demands) : '',
    bfd: intent.controlPlane.bfd,
    bfdIntervalMs: text(intent.controlPlane.bfdIntervalMs),
    bfdMultiplier: text(intent.controlPlane.bfdMultiplier),
    fastReroute: intent.controlPlane.fastReroute,
    base: intent,
  };
}

export interface DraftCheck {
  intent: Intent | null;
  /** Field path → first problem there. */
  problems: Map<string, string>;
}

/** Wizard steps and the field paths each one owns (a prefix match). */
export const STEPS = [
  { id: 'sites', title: 'Sites & regions', paths: ['name', 'siteGroups'] },
  { id: 'requirements', title: 'Requirements', paths: ['redundancy', 'goal', 'budgetUsd', 'finance', 'growthHeadroomPct', 'traffic'] },
  { id: 'constraints', title: 'Constraints', paths: ['constraints', 'controlPlane'] },
  { id: 'review', title: 'Review & generate', paths: [] },
] as const;

export function checkDraft(d: IntentDraft): DraftCheck {
  const problems = new Map<string, string>();
  // "30,000,000", "30M" and "1.5k" are numbers too (lib/amount.ts).
  const num = (raw: string, path: string): number | undefined => {
    if (raw.trim() === '') return undefined;
    const r = parseAmount(raw);
    if (!r.ok) problems.set(path, r.reason);
    return r.ok ? r.value : undefined;
  };
  const groups = d.groups.map((g, i) => {
    const sites = g.sites
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line) => {
        const [name, region] = line.split(',').map((x) => x.trim());
        // A site the stored intent had keeps what the wizard does not show (coordinates, users, bandwidth).
        const { region: _was, ...kept } = g.base?.sites?.find((s) => s.name === name) ?? { name: name! };
        return { ...kept, name: name!, ...(region ? { region } : {}) };
      });
    const count = num(g.count, `siteGroups.${i}.count`);
    const users = num(g.usersPerSite, `siteGroups.${i}.usersPerSite`);
    const bandwidth = num(g.bandwidthMbpsPerSite, `siteGroups.${i}.bandwidthMbpsPerSite`);
    return {
      role: g.role,
      ...(g.name.trim() !== '' ? { name: g.name.trim() } : {}),
      region: g.region.trim(),
      ...(count !== undefined ? { count } : {}),
      ...(sites.length > 0 ? { sites } : {}),
      ...(users !== undefined ? { usersPerSite: users } : {}),
      ...(bandwidth !== undefined ? { bandwidthMbpsPerSite: bandwidth } : {}),
    };
  });
  const budget = num(d.budgetUsd, 'budgetUsd');
  const growth = num(d.growthHeadroomPct, 'growthHeadroomPct');
  const termYears = num(d.termYears, 'finance.termYears');
  const discountRatePct = num(d.discountRatePct, 'finance.discountRatePct');
  const maxHops = num(d.maxHops, 'constraints.maxHops');
  const maxLatencyMs = num(d.maxLatencyMs, 'constraints.maxLatencyMs');
  const ports = num(d.portsPerDevice, 'constraints.portsPerDevice');
  const overs = num(d.maxOversubscription, 'constraints.maxOversubscription');
  const bfdInterval = num(d.bfdIntervalMs, 'controlPlane.bfdIntervalMs');
  const bfdMult = num(d.bfdMultiplier, 'controlPlane.bfdMultiplier');
  // Fields the wizard shows come from the form (a cleared one is removed); the rest from the stored intent.
  const { maxHops: _h, maxLatencyMs: _l, portsPerDevice: _p, maxOversubscription: _o, ...keptConstraints } = d.base?.constraints ?? {};
  const { budgetUsd: _b, growthHeadroomPct: _g, ...kept } = d.base ?? {};
  const matrix = parseDemandMatrix(d.demands);
  if (!matrix.ok) problems.set('traffic.demands', matrix.problems.join('; '));
  else if (d.trafficPattern === 'explicit' && matrix.demands.length === 0) problems.set('traffic.demands', 'an explicit pattern needs at least one demand');
  const input = {
    ...kept,
    name: d.name.trim(),
    siteGroups: groups,
    redundancy: d.redundancy,
    goal: d.goal,
    ...(budget !== undefined ? { budgetUsd: budget } : {}),
    ...(growth !== undefined ? { growthHeadroomPct: growth } : {}),
    finance: {
      ...(termYears !== undefined ? { termYears } : {}),
      ...(discountRatePct !== undefined ? { discountRatePct } : {}),
    },
    constraints: {
      ...keptConstraints,
      ...(maxHops !== undefined ? { maxHops } : {}),
      ...(maxLatencyMs !== undefined ? { maxLatencyMs } : {}),
      ...(ports !== undefined ? { portsPerDevice: ports } : {}),
      ...(overs !== undefined ? { maxOversubscription: overs } : {}),
    },
    // The pattern and the typed matrix from the form; the shares (not shown) from the stored intent.
    traffic: { ...(d.base?.traffic ?? {}), pattern: d.trafficPattern, demands: matrix.ok ? matrix.demands : [] },
    controlPlane: {
      ...(d.base?.controlPlane ?? {}),
      bfd: d.bfd,
      ...(bfdInterval !== undefined ? { bfdIntervalMs: bfdInterval } : {}),
      ...(bfdMult !== undefined ? { bfdMultiplier: bfdMult } : {}),
      fastReroute: d.fastReroute,
    },
  };
  const r = IntentSchema.safeParse(input);
  if (!r.success) {
    for (const issue of r.error.issues) {
      let path = issue.path.join('.') || 'name';
      // A typed demand's problem lands on the matrix field, naming the demand.
      if (issue.path[0] === 'traffic' && issue.path[1] === 'demands' && typeof issue.path[2] === 'number' && matrix.ok) {
        const dm = matrix.demands[issue.path[2]];
        const where = `demand ${issue.path[2] + 1}${dm ? ` (${dm.from} → ${dm.to})` : ''}${issue.path[3] !== undefined ? `, field ${String(issue.path[3])}` : ''}`;
        path = 'traffic.demands';
        const prev = problems.get(path);
        problems.set(path, `${prev ? `${prev}; ` : ''}${where}: ${tidy(issue.message)}`);
        continue;
      }
      if (!problems.has(path)) problems.set(path, tidy(issue.message));
    }
  }
  return { intent: problems.size === 0 && r.success ? r.data : null, problems };
}

/** zod's messages with the type jargon softened for a form. */
function tidy(message: string): string {
  return message
    .replace(/^Too small: expected (\w+) to have >=(\d+) characters?$/, 'required')
    .replace(/^Too small: expected number to be >=?(\S+)$/, 'at least $1')
    .replace(/^Too big: expected number to be <=?(\S+)$/, 'at most $1')
    .replace(/^Invalid input: expected int, received number$/, 'a whole number');
}

/** Problems under a field path (the path itself or anything below it). */
export function problemsUnder(problems: ReadonlyMap<string, string>, prefix: string): string[] {
  const out: string[] = [];
  for (const [p, m] of problems) if (p === prefix || p.startsWith(`${prefix}.`)) out.push(p === prefix ? m : `${p.slice(prefix.length + 1)}: ${m}`);
  return out;
}

export function stepProblemCount(problems: ReadonlyMap<string, string>, paths: readonly string[]): number {
  let n = 0;
  for (const p of problems.keys()) if (paths.some((x) => p === x || p.startsWith(`${x}.`))) n++;
  return n;
}
