import {
  DeviceRoleSchema,
  SiteRoleSchema,
  type DeviceRole,
  type SiteRole,
  type Topology,
} from '../model/topology';
import type { DraftNode, ImportReport } from './report';

/**
 * Name fragments that reveal a device's role in common naming schemes
 * (`dc1-spine02`, `ber-core-r1`, `fw01`, `PE3`). Checked in order, so the
 * more specific word wins (`superspine` before `spine`). Long words match as
 * a token prefix; short abbreviations only as a whole token, otherwise
 * "peru" would read as a PE router.
 */
const NAME_RULES: ReadonlyArray<{ role: DeviceRole; words: string[]; abbreviations: string[] }> = [
  { role: 'super-spine', words: ['superspine', 'super-spine'], abbreviations: ['ss', 'sspine'] },
  { role: 'spine', words: ['spine'], abbreviations: [] },
  { role: 'leaf', words: ['leaf', 'leaves'], abbreviations: ['tor', 'lf'] },
  { role: 'firewall', words: ['firewall'], abbreviations: ['fw', 'asa', 'ngfw'] },
  { role: 'core', words: ['core', 'backbone'], abbreviations: ['bb', 'csw', 'cr'] },
  { role: 'distribution', words: ['distribution', 'dist', 'aggregation', 'agg'], abbreviations: ['dsw'] },
  { role: 'access', words: ['access'], abbreviations: ['asw', 'acc'] },
  { role: 'hub', words: ['hub'], abbreviations: [] },
  { role: 'spoke', words: ['spoke', 'branch'], abbreviations: [] },
  { role: 'edge', words: ['edge', 'border', 'wan'], abbreviations: ['pe', 'ce', 'br', 'gw', 'er'] },
  { role: 'router', words: ['router'], abbreviations: ['rtr', 'r'] },
];

/** Tokens of a name without their digits: "DC1-Spine02" → ["dc", "spine"]. */
function tokens(name: string): string[] {
  const raw = name.toLowerCase().split(/[^a-z0-9]+/);
  return raw.map((t) => t.replace(/[0-9]+/g, '')).filter((t) => t.length > 0);
}

/** The role a name states, or undefined when the name says nothing. */
export function guessRoleFromName(name: string): DeviceRole | undefined {
  const ts = tokens(name);
  const joined = name.toLowerCase().replace(/[^a-z]+/g, '');
  for (const rule of NAME_RULES) {
    if (rule.words.some((w) => ts.some((t) => t.startsWith(w.replace('-', ''))) || joined === w)) return rule.role;
    if (rule.abbreviations.some((a) => ts.includes(a))) return rule.role;
  }
  // A device role or site-role word used on its own ("Spine", "core-switch").
  const exact = DeviceRoleSchema.safeParse(name.trim().toLowerCase());
  return exact.success ? exact.data : undefined;
}

/** Reads a role from a foreign vocabulary (NetBox role slug, clab label, GraphML attribute). */
export function roleFromText(text: string): DeviceRole | undefined {
  const exact = DeviceRoleSchema.safeParse(text.trim().toLowerCase());
  return exact.success ? exact.data : guessRoleFromName(text);
}

/**
 * Fills in the role of every node that has none: first from its name, then
 * from its degree (the best-connected fifth with at least 3 links is core,
 * single-homed nodes are edge, the rest are routers). Each guess is written
 * to `report.guessed` so the user can correct it.
 * O(n log n + m).
 */
export function guessRoles(
  nodes: readonly DraftNode[],
  links: ReadonlyArray<{ source: string; target: string }>,
  report: ImportReport,
): Array<DraftNode & { role: DeviceRole }> {
  const degree = new Map<string, number>();
  for (const l of links) {
    if (l.source === l.target) continue; // a self-loop adds no neighbour
    degree.set(l.source, (degree.get(l.source) ?? 0) + 1);
    degree.set(l.target, (degree.get(l.target) ?? 0) + 1);
  }
  const sorted = nodes.map((n) => degree.get(n.id) ?? 0).sort((a, b) => b - a);
  const coreThreshold = Math.max(3, sorted[Math.floor(sorted.length * 0.2)] ?? 0);
  return nodes.map((n) => {
    if (n.role !== undefined) return { ...n, role: n.role };
    const fromName = guessRoleFromName(n.name ?? n.id);
    if (fromName !== undefined) {
      report.guessed.push(`role of "${n.name}": ${fromName} (from its name)`);
      return { ...n, role: fromName };
    }
    const d = degree.get(n.id) ?? 0;
    const role: DeviceRole = d >= coreThreshold ? 'core' : d <= 1 ? 'edge' : 'router';
    report.guessed.push(`role of "${n.name}": ${role} (from its degree ${d})`);
    return { ...n, role };
  });
}

/**
 * Applies the user's role corrections after an import, before analysis.
 * Throws on an unknown node id or role so a typo is not silently ignored.
 */
export function applyRoleCorrections(
  topology: Topology,
  corrections: Readonly<Record<string, string>>,
): Topology {
  const ids = new Set(topology.nodes.map((n) => n.id));
  const roles = new Map<string, DeviceRole>();
  for (const [id, role] of Object.entries(corrections)) {
    if (!ids.has(id)) throw new Error(`role correction: unknown node "${id}"`);
    const parsed = DeviceRoleSchema.safeParse(role);
    if (!parsed.success) throw new Error(`role correction for "${id}": unknown role "${role}"`);
    roles.set(id, parsed.data);
  }
  return {
    ...topology,
    nodes: topology.nodes.map((n) => {
      const role = roles.get(n.id);
      return role === undefined ? n : { ...n, role };
    }),
  };
}

/** Site role from a site's name or a foreign site type ("DC-West", "Branch 12"). */
export function guessSiteRole(text: string): SiteRole | undefined {
  const t = text.toLowerCase();
  const exact = SiteRoleSchema.safeParse(t.trim());
  if (exact.success) return exact.data;
  if (/\b(dc|data ?cent(er|re)|datacenter)\b|^dc[0-9-]/.test(t)) return 'datacenter';
  if (/\b(hq|headquarters?)\b/.test(t)) return 'hq';
  if (/\bhub\b/.test(t)) return 'region-hub';
  if (/\b(branch|office|store|shop)\b/.test(t)) return 'branch';
  if (/\b(colo|colocation|pop|ix)\b/.test(t)) return 'colo';
  if (/\bcampus\b/.test(t)) return 'campus';
  return undefined;
}
