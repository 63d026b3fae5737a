import type { Intent } from '../model/intent';
import { esc, shortJson } from './escape';
import { availability, dateTime, minutes, ms, num, pct, usd, usdShort } from './format';
import { badge, capped, facts, h3, none, p, section, table, text, type Html } from './kit';
import type { OptionRow, PredictedOption, RecommendationView, ReportModel } from './model';

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

const interval = (iv: [number, number] | null, f: (x: number) => string): Html => (iv ? `${f(iv[0])} – ${f(iv[1])}` : '–');

/** A predicted availability is printed as recorded; one outside 0–100 % is marked, not corrected. */
const predictedAvailability = (x: number): Html => (x < 0 || x > 1 ? `${availability(x)}†` : availability(x));
const impossible = (o: PredictedOption): boolean =>
  [o.availability, ...(o.availabilityInterval ?? [])].some((x) => x !== null && (x < 0 || x > 1));

/** The same family's design in this project, computed: what the prediction can be held against. */
function computedCell(o: OptionRow | undefined): Html {
  return o ? `${usdShort(o.costUsd)}<br><span class="small">${availability(o.availability.availability)}</span>` : '<span class="small">no design of this family</span>';
}

function predictedTable(r: RecommendationView, m: ReportModel): Html {
  const computed = new Map(m.options.filter((o) => o.family !== null).map((o) => [o.family!, o]));
  return table(
    [
      { head: '#', num: true }, { head: 'Family' }, { head: 'Confidence', num: true }, { head: 'P(success)', num: true },
      { head: 'Predicted cost (95 % interval)', num: true }, { head: 'Predicted p95 latency (interval)', num: true },
      { head: 'Predicted availability (interval)', num: true }, { head: 'Computed for this project’s design', num: true },
    ],
    r.options.map((o: PredictedOption) => [
      num(o.rank),
      `${o.family === r.chosenFamily ? '<strong>' : ''}${esc(o.family)}${o.family === r.chosenFamily ? ' (chosen)</strong>' : ''}`,
      pct(o.confidence),
      pct(o.successProbability),
      `${usdShort(o.costUsd)}<br><span class="small">${interval(o.costInterval, usdShort)}</span>`,
      `${ms(o.p95LatencyMs)}<br><span class="small">${interval(o.p95Interval, ms)}</span>`,
      `${o.availability === null ? '–' : predictedAvailability(o.availability)}<br><span class="small">${interval(o.availabilityInterval, predictedAvailability)}</span>`,
      computedCell(computed.get(o.family)),
    ]),
    { cls: 'predicted' },
  );
}

function recommendationBlock(r: RecommendationView, m: ReportModel): Html[] {
  const head = `${esc(r.mode)} recommendation of ${dateTime(r.createdAt)}${r.goal ? `, ranked for ${esc(r.goal)}` : ''}` +
    (r.model ? `; model trained on ${num(r.model.trainedOn)} past designs, held-out error: cost ${num(r.model.costMapePct, 1)} %, p95 latency ${num(r.model.p95MapePct, 1)} % (MAPE)` : '');
  const out: Html[] = [p(head)];
  if (r.novelty) out.push(p(esc(r.novelty), 'warn'));
  if (r.options.length === 0) {
    out.push(none('This recommendation record holds no readable options.'));
    return out;
  }
  out.push(predictedTable(r, m));
  if (r.options.some(impossible)) {
    out.push(p('† Outside 0–100 %: the learning model extrapolates beyond its history here; read that figure as unknown.', 'small'));
  }
  const top = r.options.slice(0, 3).filter((o) => o.rationale || o.pros.length > 0 || o.cons.length > 0);
  for (const o of top) {
    out.push(
      `<div class="option-note"><strong>${esc(o.family)}</strong>: ${esc(o.rationale ?? '')}` +
        (o.pros.length ? `<br><span class="pro">+</span> ${o.pros.map(esc).join('; ')}` : '') +
        (o.cons.length ? `<br><span class="con">−</span> ${o.cons.map(esc).join('; ')}` : '') +
        '</div>',
    );
  }
  return out;
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
  body.push(h3('Predicted metrics and uncertainty'));
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
