import type { StoredCapacityPlan } from '../../../src-shared/capacity/types';
import { intOption, parseCli } from '../args';
import { CliError, type Command } from '../command';
import { openProject, withServices } from '../session';
import { pickDesign } from './traffic';

const USAGE =
  'nettwin capacity plan FILE.nettwin [--design ID|NAME] [--periods N] [--growth fitted|5%|linear:3%] [--site-growth "SITE=8%,region:NAME=12%,role:ROLE=2%"]\n' +
  '                       [--bound expected|high] [--basis measured|intent] [--statistic p95|max|mean] [--json]\n' +
  '       nettwin capacity approve|reject FILE.nettwin --step ID --actor NAME --reason TEXT [--json]\n' +
  '       nettwin capacity built FILE.nettwin --step ID --actor NAME [--json]\n' +
  '       nettwin capacity outcomes FILE.nettwin --plan ID [--json]';

function oneOf<T extends string>(flag: string, v: string | undefined, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new CliError(`--${flag} must be one of ${allowed.join(', ')} (got "${v}")`);
  return v as T;
}

const usd = (v: number): string => `$${Math.round(v).toLocaleString('en-US')}`;
const pct = (v: number): string => `${(v * 100).toFixed(0)} %`;

/** The plan as an architect reads it on a terminal: periods, then steps in date order with their worst case before and after. */
export function formatPlan(s: StoredCapacityPlan): string[] {
  const r = s.plan;
  const out: string[] = [];
  out.push(`Capacity plan ${s.id} for "${r.design.name}" (revision ${r.design.revision}): ${r.redundancy} failure set (${r.failureSet}), limit ${r.limitPct} %, built for +${r.buildForPct} %`);
  out.push(`demands: ${r.basis.text}`);
  out.push(`growth: ${r.growth.base}${r.growth.overrides.length ? `; ${r.growth.overrides.join('; ')}` : ''}; network ${r.growth.network.rule}${r.growth.network.intervalPct ? ` (95 % interval ${r.growth.network.intervalPct[0]} to ${r.growth.network.intervalPct[1]} %)` : ''}`);
  out.push('period     demand Gbit/s (interval)       as is: over / worst                 with plan: over / worst');
  for (const p of r.periods) {
    const d = p.demandGbps;
    out.push(
      `${p.title.padEnd(10)} ${d.expected.toFixed(1)} (${d.low.toFixed(1)}–${d.high.toFixed(1)})`.padEnd(42) +
        `${p.overAsIs} / ${p.worstAsIs ? pct(p.worstAsIs.utilisation) : '—'}`.padEnd(36) +
        `${p.overWithPlan} / ${p.worstWithPlan ? pct(p.worstWithPlan.utilisation) : '—'}`,
    );
  }
  if (r.steps.length === 0) out.push('No step needed: every link stays within the limit in every period.');
  for (const st of r.steps) {
    const state = s.steps.find((x) => x.seq === st.seq);
    out.push(`${st.seq}. ${st.summary} [${state?.status ?? '?'}${state?.status === 'proposed' ? `: ${state.reason}` : ''}] (step ${state?.id ?? '?'})`);
    for (let i = 0; i < st.before.length; i++) {
      const b = st.before[i]!;
      const a = st.after.find((x) => x.link === b.link);
      out.push(`     ${b.linkLabel}: ${pct(b.utilisation)} when ${b.failure} → ${a ? `${pct(a.utilisation)} when ${a.failure}` : '—'}`);
    }
    if (st.kind === 'diverse') {
      const n = st.after.find((x) => x.link === st.link);
      if (n) out.push(`     new ${n.linkLabel}: ${pct(n.utilisation)} when ${n.failure}`);
    }
    out.push(`     verified in the twin: ${st.verified ? 'yes' : 'NO'}`);
    if (state?.measured?.length) for (const m of state.measured) out.push(`     ${m.period}: predicted ${pct(m.predicted)}, measured ${pct(m.measured)}`);
  }
  out.push(`total: ${usd(r.totals.capexUsd)} capex + ${usd(r.totals.monthlyUsd)}/month (${usd(r.totals.tcoUsd)} over ${r.totals.termYears} years)`);
  out.push(`zero-capex alternative (IGP weights): ${r.igp.note}`);
  for (const c of r.igp.changes) out.push(`     ${c.linkLabel}: weight ${c.from} → ${c.to}`);
  for (const u of r.unresolved) out.push(`NOT RESOLVED: ${u}`);
  for (const n of r.notes) out.push(`note: ${n}`);
  out.push(`${r.work.checks} capacity checks in ${(r.work.ms / 1000).toFixed(1)} s`);
  return out;
}

export const capacityCommand: Command = {
  name: 'capacity',
  summary: 'Plan capacity from measured traffic: dated, costed module steps verified in the twin, through the approval policy',
  usage: USAGE,
  run: async (args, io) => {
    const { values, positionals } = parseCli(args, {
      design: { type: 'string' },
      periods: { type: 'string' },
      growth: { type: 'string' },
      'site-growth': { type: 'string' },
      bound: { type: 'string' },
      basis: { type: 'string' },
      statistic: { type: 'string' },
      step: { type: 'string' },
      plan: { type: 'string' },
      actor: { type: 'string' },
      reason: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const [verb, project] = positionals;
    const verbs = ['plan', 'approve', 'reject', 'built', 'outcomes'];
    if (verb === undefined || !verbs.includes(verb) || project === undefined || positionals.length !== 2) {
      throw new CliError(`expected one of ${verbs.join(', ')} and FILE.nettwin (usage: ${USAGE})`);
    }
    const need = (flag: 'step' | 'plan' | 'actor' | 'reason'): string => {
      const v = values[flag];
      if (v === undefined || v.trim() === '') throw new CliError(`--${flag} is required for "${verb}" (usage: ${USAGE})`);
      return v;
    };
    const r = await withServices({}, async (s) => {
      const projectId = openProject(s, project);
      if (verb === 'plan') {
        const d = pickDesign(project, s.designs.list(projectId), values.design);
        return s.capacity.plan(
          {
            projectId,
            designId: d.id,
            periods: intOption(values.periods, 'periods', 5),
            growth: values.growth,
            siteGrowth: values['site-growth'],
            bound: oneOf('bound', values.bound, ['expected', 'high'] as const),
            basis: oneOf('basis', values.basis, ['measured', 'intent'] as const),
            statistic: oneOf('statistic', values.statistic, ['p95', 'max', 'mean'] as const),
          },
          { signal: new AbortController().signal, progress: (done, total, label) => io.err?.(`  ${label ?? ''} (${done}/${total})`) },
        );
      }
      if (verb === 'approve' || verb === 'reject') return s.capacity.decide({ projectId, stepId: need('step'), decision: verb, actor: need('actor'), reason: need('reason') });
      if (verb === 'built') return s.capacity.built({ projectId, stepId: need('step'), actor: need('actor') });
      return s.capacity.outcomes({ projectId, planId: need('plan') });
    });
    if (values.json) io.out(JSON.stringify(r));
    else for (const line of formatPlan(r)) io.out(line);
    return 0;
  },
};
