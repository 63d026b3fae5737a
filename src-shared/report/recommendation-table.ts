import { optionVerdict, VERDICT_HEADS } from '../learn/verdict';
import { esc } from './escape';
import { availability, dateTime, minutes, ms, num, pct, usdShort } from './format';
import { badge, none, p, table, type Html } from './kit';
import type { OptionRow, PredictedOption, RecommendationView, ReportModel } from './model';

/**
 * The decision pack's table of a recorded recommendation. An instant answer's
 * options are estimates: confidence, P(success) and predicted figures with
 * their intervals. A verified answer's are measurements: whether each option
 * met the intent and which checks it failed, and its measured figures — not
 * an estimate's columns (a verified option's stored confidence and P(success)
 * are its verdict as 1 or 0, which printed as percentages read as estimates).
 * The verdict is learn/verdict.ts optionVerdict, the Options view's too.
 */

/** True when the recommendation's options were measured (verified mode). */
const isMeasured = (r: RecommendationView): boolean => r.options.length > 0 && r.options.every((o) => o.verified !== null);

/** The heading above the latest recommendation: predicted or measured. */
export const recommendationHeading = (r: RecommendationView | undefined): string =>
  r !== undefined && isMeasured(r) ? 'Recommended options, measured by generation and simulation' : 'Predicted metrics and uncertainty';

const interval = (iv: [number, number] | null, f: (x: number) => string): Html => (iv ? `${f(iv[0])} – ${f(iv[1])}` : '–');

/** A predicted availability is printed as recorded; one outside 0–100 % is marked, not corrected. */
const predictedAvailability = (x: number): Html => (x < 0 || x > 1 ? `${availability(x)}†` : availability(x));
const impossible = (o: PredictedOption): boolean =>
  [o.availability, ...(o.availabilityInterval ?? [])].some((x) => x !== null && (x < 0 || x > 1));

/** The same family's design in this project, computed: what the prediction can be held against. */
function computedCell(o: OptionRow | undefined): Html {
  return o ? `${usdShort(o.costUsd)}<br><span class="small">${availability(o.availability.availability)}</span>` : '<span class="small">no design of this family</span>';
}

const familyCell = (o: PredictedOption, r: RecommendationView): Html =>
  `${o.family === r.chosenFamily ? '<strong>' : ''}${esc(o.family)}${o.verified !== null && o.verified.seed > 1 ? ` (variant ${num(o.verified.seed)})` : ''}${o.family === r.chosenFamily ? ' (chosen)</strong>' : ''}`;

/** The two verdict cells of an option: measured (meets: yes/no, checks failed) or estimated (confidence, P(success)). */
function verdictCells(o: PredictedOption): [Html, Html] {
  const v = optionVerdict(o);
  if (v.kind === 'measured') {
    return [badge(v.meets, 'yes', 'no'), v.failed.length === 0 ? (v.meets ? 'none' : '–') : v.failed.map(esc).join(', ')];
  }
  return [pct(v.confidence), pct(v.successProbability)];
}

function predictedTable(r: RecommendationView, m: ReportModel): Html {
  const computed = new Map(m.options.filter((o) => o.family !== null).map((o) => [o.family!, o]));
  return table(
    [
      { head: '#', num: true }, { head: 'Family' }, { head: VERDICT_HEADS.estimate[0], num: true }, { head: VERDICT_HEADS.estimate[1], num: true },
      { head: 'Predicted cost (95 % interval)', num: true }, { head: 'Predicted p95 latency (interval)', num: true },
      { head: 'Predicted availability (interval)', num: true }, { head: 'Computed for this project’s design', num: true },
    ],
    r.options.map((o) => [
      num(o.rank),
      familyCell(o, r),
      ...verdictCells(o),
      `${usdShort(o.costUsd)}<br><span class="small">${interval(o.costInterval, usdShort)}</span>`,
      `${ms(o.p95LatencyMs)}<br><span class="small">${interval(o.p95Interval, ms)}</span>`,
      `${o.availability === null ? '–' : predictedAvailability(o.availability)}<br><span class="small">${interval(o.availabilityInterval, predictedAvailability)}</span>`,
      computedCell(computed.get(o.family)),
    ]),
    { cls: 'predicted' },
  );
}

function measuredTable(r: RecommendationView, m: ReportModel): Html {
  const computed = new Map(m.options.filter((o) => o.family !== null).map((o) => [o.family!, o]));
  return table(
    [
      { head: '#', num: true }, { head: 'Family' }, { head: VERDICT_HEADS.measured[0] }, { head: VERDICT_HEADS.measured[1] },
      { head: 'Measured cost', num: true }, { head: 'Measured p95 latency', num: true },
      { head: 'Measured availability (downtime)', num: true }, { head: 'Computed for this project’s design', num: true },
    ],
    r.options.map((o) => {
      const v = o.verified!;
      return [
        num(o.rank),
        familyCell(o, r),
        ...verdictCells(o),
        usdShort(v.costUsd),
        ms(v.p95LatencyMs),
        `${availability(v.availability)}<br><span class="small">${minutes(v.downtimeMinPerYear)}</span>`,
        computedCell(computed.get(o.family)),
      ];
    }),
    { cls: 'measured' },
  );
}

export function recommendationBlock(r: RecommendationView, m: ReportModel): Html[] {
  const head = `${esc(r.mode)} recommendation of ${dateTime(r.createdAt)}${r.goal ? `, ranked for ${esc(r.goal)}` : ''}` +
    (r.model ? `; model trained on ${num(r.model.trainedOn)} past designs, held-out error: cost ${num(r.model.costMapePct, 1)} %, p95 latency ${num(r.model.p95MapePct, 1)} % (MAPE)` : '');
  const out: Html[] = [p(head)];
  if (r.novelty) out.push(p(esc(r.novelty), 'warn'));
  if (r.options.length === 0) {
    out.push(none('This recommendation record holds no readable options.'));
    return out;
  }
  if (isMeasured(r)) {
    out.push(
      p('Each option was generated and simulated: “meets the intent” is what validation and the failure sweep measured, not a probability.', 'small'),
      measuredTable(r, m),
    );
  } else {
    out.push(predictedTable(r, m));
    if (r.options.some(impossible)) {
      out.push(p('† Outside 0–100 %: the learning model extrapolates beyond its history here; read that figure as unknown.', 'small'));
    }
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
