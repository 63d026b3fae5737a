import { forecastSvg } from '../capacity/chart';
import type { LinkWorst } from '../capacity/types';
import { esc } from './escape';
import { date, gbps, num, pct, usd } from './format';
import { capped, facts, h3, none, p, section, table, text, type Html } from './kit';
import type { ReportModel } from './model';

const worst = (w: LinkWorst | null | undefined): Html =>
  w ? `${pct(w.utilisation)} <span class="muted">(${gbps(w.loadGbps)} of ${gbps(w.capacityGbps)}, ${esc(w.failure)})</span>` : '–';

/** Most rows of the worst-case-per-link table (the most loaded links as the design stands). */
export const CAPACITY_LINK_ROWS = 30;

/**
 * The capacity chapter: the latest capacity plan of the presented design
 * (capacity/plan.ts, stored by the capacity service): how it was made, the
 * forecast chart, the worst case per link with its failure as the design
 * stands and with the plan, the dated and costed steps with their
 * governance state, and the zero-capex alternative.
 */
export function capacitySection(m: ReportModel, n: number): Html {
  const title = 'Capacity plan';
  const c = m.chosen;
  if (!c) return section('capacity', n, title, [none('No design, so no capacity plan.')]);
  const s = m.capacity;
  if (!s) return section('capacity', n, title, [none(`No capacity plan is stored for ${c.record.name}: run “nettwin capacity plan” or Plan in the Capacity view.`)]);
  const r = s.plan;
  const stale = r.design.revision !== c.record.revision;
  const body: Html[] = [
    facts([
      ['Plan of', `${date(s.createdAt)} on revision ${num(r.design.revision)}${stale ? ` <strong>(the design is now at revision ${num(c.record.revision)}: built steps or later edits)</strong>` : ''}`],
      ['Demands', text(r.basis.text)],
      ['Growth', `${esc(r.growth.base)}${r.growth.overrides.length ? `; ${esc(r.growth.overrides.join('; '))}` : ''}; network ${esc(r.growth.network.rule)}${r.growth.network.intervalPct ? ` (95 % interval ${num(r.growth.network.intervalPct[0], 1)} to ${num(r.growth.network.intervalPct[1], 1)} %)` : ''}`],
      ['Rule', `every link within ${num(r.limitPct)} % per direction under the ${esc(r.redundancy)} failure set (${esc(r.failureSet)}), demands built for +${num(r.buildForPct)} % on top of the ${r.bound === 'high' ? 'upper end of the forecast' : 'expected forecast'}`],
      ['Plan', r.steps.length === 0 ? 'no step needed' : `${num(r.steps.length)} steps: capex ${usd(r.totals.capexUsd)} + ${usd(r.totals.monthlyUsd)} a month (${usd(r.totals.tcoUsd)} over ${num(r.totals.termYears)} years)`],
    ]),
    h3('Forecast'),
    `<figure class="chart">${forecastSvg(r)}<figcaption>Total demand per period with the growth interval (band); steps due per period below.</figcaption></figure>`,
    table(
      [{ head: 'Period', nowrap: true }, { head: 'Demand, Gbit/s', num: true }, { head: 'Interval', num: true }, { head: 'Worst case as is' }, { head: 'Links over', num: true }, { head: 'Worst case with the plan' }, { head: 'Over', num: true }],
      r.periods.map((x) => [text(x.title), gbps(x.demandGbps.expected), `${gbps(x.demandGbps.low)}–${gbps(x.demandGbps.high)}`, worst(x.worstAsIs), num(x.overAsIs), worst(x.worstWithPlan), num(x.overWithPlan)]),
    ),
    h3(`Worst case per link in ${r.periods.at(-1)?.title ?? 'the last period'}`),
    r.worstPerLink.length === 0
      ? none('No link reaches half the limit in the last period.')
      : table(
          [{ head: 'Link' }, { head: 'As the design stands' }, { head: 'With the plan' }],
          r.worstPerLink.slice(0, CAPACITY_LINK_ROWS).map((w) => [text(w.before.linkLabel), worst(w.before), worst(w.after)]),
        ),
    r.worstPerLink.length > CAPACITY_LINK_ROWS ? p(`${num(r.worstPerLink.length - CAPACITY_LINK_ROWS)} more links above half the limit are in the stored plan.`, 'muted') : '',
    h3('Steps, by when each is needed'),
    r.steps.length === 0
      ? none('Every link stays within the limit in every period: no step.')
      : table(
          [{ head: '#', num: true }, { head: 'Step' }, { head: 'Capex', num: true }, { head: 'Monthly', num: true }, { head: 'Worst case before → after (verified in the twin)' }, { head: 'Approval' }],
          r.steps.map((st) => {
            const state = s.steps.find((x) => x.seq === st.seq);
            const ba = st.before.map((b) => {
              const a = st.after.find((x) => x.link === b.link);
              return `${esc(b.linkLabel)}: ${pct(b.utilisation)} when ${esc(b.failure)} → ${a ? pct(a.utilisation) : '–'}`;
            });
            const approval = state
              ? `${esc(state.status)}${state.decidedBy ? ` by ${esc(state.decidedBy)}` : ''}${state.status === 'proposed' ? `: ${esc(state.reason)}` : ''}${state.builtRevision !== null ? `; built in revision ${num(state.builtRevision)}` : ''}` +
                (state.measured?.length ? `<br>${state.measured.map((x) => `${esc(x.period)}: predicted ${pct(x.predicted)}, measured ${pct(x.measured)}`).join('<br>')}` : '')
              : '–';
            return [num(st.seq), `${esc(st.summary)}<br><span class="muted">${esc(st.kind)}: ${esc(st.from)} → ${esc(st.to)}</span>`, usd(st.capexUsd), usd(st.monthlyUsd), `${capped(ba, 4, '<br>')}${st.verified ? '' : ' <strong>not verified</strong>'}`, approval];
          }),
        ),
    h3('Zero-capex alternative: IGP metrics'),
    p(
      `${esc(r.igp.note)}${r.igp.changes.length ? `: ${r.igp.changes.map((x) => `${esc(x.linkLabel)} weight ${num(x.from)} → ${num(x.to)}`).join('; ')}` : ''}.`,
    ),
    ...(r.unresolved.length ? [h3('Not resolved'), `<ul>${r.unresolved.map((u) => `<li>${esc(u)}</li>`).join('')}</ul>`] : []),
    `<ul class="muted">${r.notes.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`,
  ];
  return section('capacity', n, title, body);
}
