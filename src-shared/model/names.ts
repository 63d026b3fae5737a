import type { Topology } from './topology';

/**
 * Names instead of ids, for every surface that shows an element of a design
 * (sweep rows, the what-if chips, the audit log, the slides, the decision
 * pack): "device 602" reads "device ash-core-2 at Ashburn DC". One
 * implementation, so the panel, the slide and the pack print the same words.
 * An id the design does not hold (a device since deleted) is printed as it
 * is rather than dropped: the reader still sees what was recorded.
 */
export interface ElementNamer {
  /** "ash-core-2 at Ashburn DC" (without a site: the name alone). */
  readonly device: (id: string) => string;
  /** "par-core-1 – ash-core-2 (Paris HQ – Ashburn DC)", "(inside Paris HQ)" for a link within one site. */
  readonly link: (id: string) => string;
  readonly site: (id: string) => string;
  /** A shared-risk group as a noun: "duct Paris HQ – Ashburn DC", "second duct …", "building London DC". */
  readonly srlg: (tag: string) => string;
  /** A failure scenario of a sweep, in names. */
  readonly scenario: (s: ScenarioLike) => string;
}

/** What a stored sweep scenario carries (ScenarioResultShape, the pack's worst rows). */
export interface ScenarioLike {
  cls: string;
  label: string;
  failedNodes: readonly string[];
  failedLinks: readonly string[];
}

type Named = Pick<Topology, 'nodes' | 'links' | 'sites'>;

export function elementNamer(t: Named): ElementNamer {
  const devices = new Map(t.nodes.map((d) => [d.id, d]));
  const links = new Map(t.links.map((l) => [l.id, l]));
  const sites = new Map((t.sites ?? []).map((s) => [s.id, s.name]));
  const site = (id: string): string => sites.get(id) ?? id;
  const deviceName = (id: string): string => devices.get(id)?.name ?? id;
  const device = (id: string): string => {
    const d = devices.get(id);
    if (d === undefined) return id;
    return d.site !== undefined ? `${d.name} at ${site(d.site)}` : d.name;
  };
  const link = (id: string): string => {
    const l = links.get(id);
    if (l === undefined) return id;
    const a = devices.get(l.source)?.site;
    const b = devices.get(l.target)?.site;
    const where = a === undefined || b === undefined ? '' : a === b ? ` (inside ${site(a)})` : ` (${site(a)} – ${site(b)})`;
    return `${deviceName(l.source)} – ${deviceName(l.target)}${where}`;
  };
  const srlg = (tag: string): string => {
    if (tag.startsWith('duct:')) {
      const [pair = '', nth] = tag.slice(5).split('#');
      const [a, b] = pair.split('~');
      if (a !== undefined && b !== undefined) return `${nth === '2' ? 'second duct' : nth !== undefined ? `duct #${nth}` : 'duct'} ${site(a)} – ${site(b)}`;
    }
    if (tag.startsWith('site:')) return `building ${site(tag.slice(5))}`;
    return tag;
  };
  const scenario = (s: ScenarioLike): string => {
    switch (s.cls) {
      case 'n1-nodes':
        return s.failedNodes.length === 1 ? `device ${device(s.failedNodes[0]!)}` : s.label;
      case 'n1-links':
        return s.failedLinks.length === 1 ? `link ${link(s.failedLinks[0]!)}` : s.label;
      case 'n2-links':
        return s.failedLinks.length === 2 ? `links ${link(s.failedLinks[0]!)} + ${link(s.failedLinks[1]!)}` : s.label;
      case 'srlg':
        return s.label.startsWith('SRLG ') ? `shared risk: ${srlg(s.label.slice(5))}` : s.label;
      case 'custom': {
        const parts = [...s.failedNodes.map((id) => `device ${device(id)}`), ...s.failedLinks.map((id) => `link ${link(id)}`)];
        // A custom scenario's own label is the user's; its elements are named only when it had none but ids.
        return parts.length > 0 && parts.length <= 4 && s.label === [...s.failedNodes, ...s.failedLinks].join(' + ') ? parts.join(' + ') : s.label;
      }
      default:
        // Sites and regions are labelled by name when the sweep builds them (sim/scenarios.ts).
        return s.label;
    }
  };
  return { device, link, site, srlg, scenario };
}

/** What an audit entry or a decision is about, looked up in the project's records. */
export interface SubjectContext {
  designNames: Readonly<Record<string, string>>;
  steps?: readonly { id: string; step: number; topologyId: string }[];
  recommendations?: readonly { id: string; mode: string; createdAt: number }[];
  /** How a time is printed (the pack and the app print dates their own way). */
  when?: (ms: number) => string;
}

/** "step 3 on hybrid", "verified recommendation of 2026-12-07 10:04", "design hybrid", or the id when nothing names it. */
export function subjectInWords(ctx: SubjectContext, kind: string, id: string): string {
  const step = ctx.steps?.find((s) => s.id === id);
  if (step) return `step ${step.step} on ${ctx.designNames[step.topologyId] ?? step.topologyId}`;
  const rec = ctx.recommendations?.find((r) => r.id === id);
  if (rec) return `${rec.mode} recommendation of ${(ctx.when ?? ((ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ')))(rec.createdAt)}`;
  const design = ctx.designNames[id];
  if (design !== undefined) return kind ? `${kind} ${design}` : design;
  return kind ? `${kind} ${id}` : id;
}

/** The reason an audit entry records (a decision's, a skipped family's, an undo's), when it has one. */
export function auditReason(detail: unknown): string | null {
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) return null;
  const r = (detail as Record<string, unknown>)['reason'];
  return typeof r === 'string' && r.trim() !== '' ? r : null;
}

/** Names a scenario known only by its label (a convergence headline's) through the sweep's scenarios that carry it. */
export function labelNamer(namer: ElementNamer, scenarios: readonly ScenarioLike[]): (label: string) => string {
  const byLabel = new Map(scenarios.map((s) => [s.label, s]));
  return (label) => {
    const s = byLabel.get(label);
    return s === undefined ? label : namer.scenario(s);
  };
}

const ACTIONS: Readonly<Record<string, string>> = {
  'project.create': 'created the project',
  'project.saveAs': 'saved a copy of the project',
  'project.export': 'exported the project',
  'design.generate': 'generated a design',
  'design.generate.skipped': 'skipped a family',
  'design.import': 'imported a design',
  'design.edit': 'edited a design',
  'design.delete': 'deleted a design',
  'design.chosen': 'chose a design',
  'pricebook.set': 'changed the price book',
  'sim.run': 'ran a failure sweep',
  'traffic.import': 'imported measured traffic',
  'outcomes.import': 'imported outcomes',
  'report.generate': 'wrote the decision pack',
  'governance.policy': 'changed the approval policy',
  'optimize.proposed': 'proposed an optimisation step',
  'optimize.pending': 'proposed a step for approval',
  'optimize.approved': 'approved a step',
  'optimize.auto-approved': 'approved a step by policy',
  'optimize.rejected': 'rejected a step',
  'optimize.undone': 'undid a step',
  'recommend.instant': 'recommended families (instant)',
  'recommend.verified': 'recommended families (verified)',
  'learning.record.failed': 'could not record a learning sample',
  'knowledge.merge.failed': 'could not merge the shared knowledge',
};

/** An audit action as a reader says it ("approved a step"); an action this version does not know is printed as stored. */
export function auditActionInWords(action: string): string {
  return ACTIONS[action] ?? action;
}
