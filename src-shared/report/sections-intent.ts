import type { Intent } from '../model/intent';
import { esc, shortJson } from './escape';
import { availability, dateTime, minutes, ms, num, usd } from './format';
import { badge, capped, facts, h3, none, p, section, table, text, type Html } from './kit';
import type { ReportModel } from './model';
import { recommendationBlock, recommendationHeading } from './recommendation-table';

const GOAL_WORDS: Record<Intent['goal'], string> = {
  cost: 'lowest cost',
  latency: 'lowest latency',
  resilience: 'highest resilience',
  balanced: 'a balance of cost, latency and resilience',
};

function intentBody(intent: Intent): Html[] {
  const c = intent.constraints;
  const budgets = c.latencyBudgets.map((b) => `${esc(b.from)} → ${esc(b.to)} ≤ ${ms(b.maxMs)}`);
  const groups = table(
    [{ head: 'Sites' }, { head: 'Role' }, { head: 'Region' }, { head: 'Count', num: true }, { head: 'Users / site', num: true }, { head: 'Bandwidth / site', num: true }],
    intent.siteGroups.map((g) => [
      text(g.name ?? g.role),
      text(g.role),
      text(g.region),
      num(Math.max(g.count ?? 0, g.sites?.length ?? 0)),
      num(g.usersPerSite),
      `${num(g.bandwidthMbpsPerSite)} Mbit/s`,
    ]),
  );
  return [
    facts([
      ['Name', text(intent.name)],
      ['Redundancy class required', text(intent.redundancy)],
      ['Goal', text(GOAL_WORDS[intent.goal])],
      ['Budget', intent.budgetUsd === undefined ? 'none stated' : usd(intent.budgetUsd)],
      ['Growth headroom', `${num(intent.growthHeadroomPct)} %`],
      ['Most hops between sites', c.maxHops === undefined ? 'not constrained' : num(c.maxHops)],
      ['Most latency between sites', c.maxLatencyMs === undefined ? 'not constrained' : ms(c.maxLatencyMs)],
      ['Latency budgets', budgets.length === 0 ? 'none' : capped(budgets, 12, '; ')],
      ['Device ports', `${num(c.portsPerDevice)} (standard model)`],
      ['Oversubscription at most', `${num(c.maxOversubscription, 1)} : 1`],
      ['Access / fabric port speed', `${num(c.accessPortGbps)} / ${num(c.fabricUplinkGbps)} Gbit/s`],
    ]),
    h3('Site groups'),
    groups,
  ];
}

export function intentSection(m: ReportModel, n: number): Html {
  if (!m.intent) {
    return section('intent', n, 'Intent', [
      none('No intent is recorded for the presented design (it was imported or drawn by hand). Its checks below use the defaults: connectivity required, everything else reported.'),
    ]);
  }
  const { record, parsed } = m.intent;
  const body = parsed
    ? intentBody(parsed)
    : [none('The stored intent could not be read by this version of NetTwin; its raw text follows.'), `<pre>${esc(shortJson(record.intent, 4000))}</pre>`];
  return section('intent', n, 'Intent', [p(`Recorded ${dateTime(record.createdAt)} as <strong>${esc(record.name)}</strong>.`), ...body]);
}

function optionsTable(m: ReportModel): Html {
  return table(
    [
      { head: 'Design', width: '21%' }, { head: 'Family' }, { head: 'Devices / links', num: true }, { head: 'TCO (capex · monthly)', num: true },
      { head: 'Score', num: true }, { head: 'Redundancy' }, { head: 'Worst latency', num: true },
      { head: 'Availability (downtime a year)', num: true }, { head: 'Failing checks' },
    ],
    m.options.map((o) => [
      `${o.chosen ? '<strong>▶ ' : ''}${esc(o.name)}${o.chosen ? '</strong>' : ''}`,
      text(o.family ?? o.source),
      `${num(o.devices)} / ${num(o.links)}`,
      `${usd(o.costUsd)} <span class="small">${num(o.termYears)} y</span><br><span class="small">${usd(o.capexUsd)} · ${usd(o.mrcUsd)}/mo</span>`,
      `${num(o.score)}${o.validatedNow ? '*' : ''}<br>${badge(o.passed, 'valid', 'invalid')}`,
      text(o.redundancy ?? 'not connected'),
      ms(o.maxLatencyMs),
      `${availability(o.availability.availability)}<br><span class="small">${minutes(o.availability.downtimeMinPerYear)}</span>`,
      o.failingChecks.length === 0 ? 'none' : text(o.failingChecks.join(', ')),
    ]),
    { cls: 'options', rowCls: (i) => (m.options[i]!.chosen ? 'chosen' : '') },
  );
}

export function optionsSection(m: ReportModel, n: number): Html {
  const body: Html[] = [];
  if (m.options.length === 0) {
    body.push(none('This project holds no designs, so there are no options to compare.'));
  } else {
    body.push(
      p(`${num(m.options.length)} design${m.options.length === 1 ? '' : 's'} in the project, with figures computed from each design: cost from the price book (TCO over the term = capex + monthly recurring for the term), score and checks from validation against the intent, availability from the failure model (section Assumptions). ▶ marks the design presented in this pack.`),
      optionsTable(m),
    );
    if (m.options.some((o) => o.validatedNow)) {
      body.push(p('* No current validation of this design is stored in the project; it was validated for this report.', 'small'));
    }
  }
  body.push(h3(recommendationHeading(m.recommendations[0])));
  if (m.recommendations.length === 0) {
    body.push(none('No recommendation has been recorded in this project, so there are no predicted metrics or uncertainty intervals to show. The figures above are computed, not predicted.'));
  } else {
    body.push(...recommendationBlock(m.recommendations[0]!, m));
    if (m.recommendations.length > 1) body.push(p(`${m.recommendations.length - 1} earlier recommendation${m.recommendations.length > 2 ? 's are' : ' is'} recorded in the audit trail.`, 'small'));
  }
  if (m.outcomes.length > 0) {
    body.push(
      h3('Measured outcomes'),
      table(
        [{ head: 'Design' }, { head: 'Metric' }, { head: 'Predicted', num: true }, { head: 'Measured', num: true }, { head: 'Source' }, { head: 'Measured at' }],
        m.outcomes.map((o) => [
          text(m.designNames[o.topologyId] ?? o.topologyId), text(o.metric),
          o.predicted === null ? '–' : `${num(o.predicted, 2)} ${esc(o.unit)}`, `${num(o.actual, 2)} ${esc(o.unit)}`,
          text(o.source), dateTime(o.measuredAt),
        ]),
      ),
    );
  }
  return section('options', n, 'Options compared', body);
}
