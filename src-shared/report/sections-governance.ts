import { capexRows, headlineLabel, monthlyRows, TRANSPORT_LABEL } from '../cost/labels';
import { DEFAULT_PRICE_BOOK, type PriceBook } from '../cost/pricebook';
import type { Transport } from '../model/topology';
import { FAILURE_MODEL } from '../learn/availability';
import { auditActionInWords, subjectInWords } from '../model/names';
import { detailText, esc } from './escape';
import { dateTime, num, pct, usd } from './format';
import { h3, none, p, section, table, text, type Html } from './kit';
import type { OptimisationInput, ReportModel } from './model';

export function costSection(m: ReportModel, n: number): Html {
  const c = m.chosen;
  if (!c) return section('cost', n, 'Cost breakdown', [none('No design, so no cost.')]);
  const k = c.cost;
  const budget = m.intent?.parsed?.budgetUsd;
  const head = headlineLabel(k);
  const capexShare = (x: number) => (k.capexUsd > 0 ? pct(x / k.capexUsd, 1) : '–');
  const mrcShare = (x: number) => (k.mrcUsd > 0 ? pct(x / k.mrcUsd, 1) : '–');
  const roles = Object.entries(k.byRole).sort((a, b) => b[1].usd - a[1].usd);
  const transports = Object.entries(k.byTransport).sort((a, b) => b[1].monthlyUsd - a[1].monthlyUsd);
  const body: Html[] = [
    p(
      `${esc(c.record.name)}: <strong>${esc(head)} ${usd(k.totalUsd)}</strong> = capex ${usd(k.capexUsd)} + ${usd(k.mrcUsd)} a month for ${num(k.termYears)} years` +
        ` (${esc(k.currency)}, price book “${esc(k.priceBook)}”${c.costSource === 'computed' ? ', priced now because the design has no stored cost in this form' : ''}).` +
        (budget === undefined
          ? ' The intent states no budget.'
          : ` Budget ${usd(budget)}, compared with the ${esc(head)}: ${k.totalUsd <= budget ? `within it by ${usd(budget - k.totalUsd)}` : `<strong>over it by ${usd(k.totalUsd - budget)}</strong>`}.`),
    ),
    ...(c.calibratedCost
      ? [
          p(
            `With this organisation's calibration (${esc(c.calibratedCost.cost.applied.join(', '))}; switched on in the project): ${esc(head)} ${usd(c.calibratedCost.cost.totalUsd.value)}` +
              ` (95 % range ${usd(c.calibratedCost.cost.totalUsd.low)}–${usd(c.calibratedCost.cost.totalUsd.high)}). ${esc(c.calibratedCost.statements.join('; '))}.`,
          ),
        ]
      : []),
    h3('Capex (one-time)'),
    table(
      [{ head: 'Part' }, { head: 'Cost', num: true }, { head: 'Share', num: true }],
      [...capexRows(k).map(([label, v]) => [text(label), usd(v), capexShare(v)]), ['<strong>Capex</strong>', `<strong>${usd(k.capexUsd)}</strong>`, capexShare(k.capexUsd)]],
      { cls: 'narrow' },
    ),
    h3('Monthly recurring'),
    table(
      [{ head: 'Part' }, { head: 'Links', num: true }, { head: 'Per month', num: true }, { head: 'Share', num: true }],
      [
        ...monthlyRows(k).map((r) => [text(r.label), r.links === null ? '' : num(r.links), usd(r.usd), mrcShare(r.usd)]),
        ['<strong>Monthly recurring</strong>', '', `<strong>${usd(k.mrcUsd)}</strong>`, mrcShare(k.mrcUsd)],
      ],
      { cls: 'narrow' },
    ),
    h3('Total cost of ownership'),
    table(
      [{ head: 'Measure' }, { head: 'USD', num: true }],
      [
        ['Capex', usd(k.capexUsd)],
        [`Recurring over ${num(k.termYears)} years${k.discountRatePct > 0 ? `, discounted at ${num(k.discountRatePct)} % a year` : ''}`, usd(k.tcoUsd - k.capexUsd)],
        [`<strong>${esc(head)}</strong>`, `<strong>${usd(k.tcoUsd)}</strong>`],
      ],
      { cls: 'narrow' },
    ),
    h3('Circuits by transport'),
    table(
      [{ head: 'Transport' }, { head: 'Links', num: true }, { head: 'Members', num: true }, { head: 'One-time', num: true }, { head: 'Per month', num: true }],
      transports.map(([t, v]) => [text(TRANSPORT_LABEL[t as Transport]), num(v.links), num(v.members), usd(v.oneTimeUsd), usd(v.monthlyUsd)]),
      { cls: 'narrow' },
    ),
    h3('Devices by role'),
    table(
      [{ head: 'Role' }, { head: 'Count', num: true }, { head: 'List price', num: true }, { head: 'Average each', num: true }],
      roles.map(([role, r]) => [text(role), num(r.count), usd(r.usd), usd(r.count > 0 ? r.usd / r.count : NaN)]),
      { cls: 'narrow' },
    ),
  ];
  return section('cost', n, 'Cost breakdown', body);
}

function priceBookTables(book: PriceBook, own: boolean): Html[] {
  const tiers = (xs: readonly { ports: number; usd: number }[]) => xs.map((t) => `${num(t.ports)} ports ${usd(t.usd)}`).join('; ');
  const roleRows: Html[][] = [['default', tiers(book.devices.default)]];
  for (const [role, ts] of Object.entries(book.devices.byRole)) if (ts) roleRows.push([text(role), tiers(ts)]);
  const c = book.circuits;
  const bands = c.bands.map((b) => `${esc(b.name)} ≤ ${num(b.maxKm)} km`).join(', ');
  const leased = (['internet', 'mpls', 'wavelength'] as const).flatMap((t) =>
    c[t].tiers.map((x) => [text(TRANSPORT_LABEL[t]), `${num(x.capacityGbps)} Gbit/s`, usd(x.installUsd), usd(x.monthlyUsd), c[t].bandFactors.map((f) => `×${f}`).join(' / ')]),
  );
  const sources = [
    ['Devices', book.devices.source],
    ['Optics', book.optics.source],
    ['Internet / SD-WAN', c.internet.source],
    ['MPLS / IP-VPN', c.mpls.source],
    ['Wavelength', c.wavelength.source],
    ['Dark fibre', c.darkFibre.source],
    ['Support, colocation', book.recurring.source],
  ].filter(([, v]) => v !== '');
  return [
    p(
      `“${esc(book.name)}” (${own ? 'this project’s own price book' : 'the price book shipped with NetTwin'}${book.asOf ? `, figures as of ${esc(book.asOf)}` : ''}): list prices in ${esc(book.currency)}. ` +
        `Ports beyond the largest model: ${usd(book.devices.extraPortUsd)} each; installing a device ${usd(book.devices.installUsd)}; cabling inside a site ${usd(c.intraSiteUsd)} a link member. ` +
        `Support ${num(book.recurring.supportPctPerYear)} % of device list price a year; colocation ${usd(book.recurring.rackMonthlyUsd)} a rack a month (${num(book.recurring.devicesPerRack)} devices a rack) at ${esc(book.recurring.rackSiteRoles.join(', ') || 'no')} sites. ` +
        `Dark fibre: ${usd(c.darkFibre.installUsd)} to install, IRU ${usd(c.darkFibre.iruPerKmUsd)} a km, maintenance ${usd(c.darkFibre.maintenancePerKmYearUsd)} a km a year. Distance bands: ${bands}.`,
    ),
    table([{ head: 'Device role', width: '18%' }, { head: 'Models (ports, price)' }], roleRows, { cls: 'small-table' }),
    table(
      [{ head: 'Service' }, { head: 'Bandwidth', num: true }, { head: 'Install', num: true }, { head: 'Per month', num: true }, { head: 'Band factors' }],
      leased,
      { cls: 'small-table' },
    ),
    table(
      [{ head: 'Optic', num: true }, { head: 'Short reach', num: true }, { head: 'Long reach', num: true }],
      book.optics.tiers.map((o) => [`${num(o.capacityGbps)} Gbit/s`, usd(o.shortReachUsd), usd(o.longReachUsd)]),
      { cls: 'small-table' },
    ),
    p(`Links longer than ${num(book.optics.shortReachMaxKm)} km need long-reach optics; every LAG member needs one at each end.`, 'small'),
    table([{ head: 'Figures', width: '18%' }, { head: 'Source, range and date' }], sources.map(([a, b]) => [text(a), text(b)]), { cls: 'small-table' }),
  ];
}

const TRAFFIC_WORDS: Record<string, string> = {
  uniform: 'uniform: every device sends one traffic unit to every other device',
  gravity: 'gravity: demand between two devices grows with the product of their sites’ bandwidth (or users, or terminated capacity), scaled to a mean of one unit a pair',
  'hub-centric': 'hub-centric: every device exchanges one unit each way with every hub (core, hub, spine devices and HQ or datacenter sites)',
  explicit: 'explicit: the demands given with the sweep',
};

export function assumptionsSection(m: ReportModel, n: number): Html {
  const F = FAILURE_MODEL;
  const mtbf = (perYear: number) => `${num(8760 / perYear)} h`;
  const bookName = m.chosen?.cost.priceBook;
  const body: Html[] = [h3('Price book')];
  if (bookName === undefined) body.push(none('No design is priced.'));
  else if (m.priceBook) body.push(...priceBookTables(m.priceBook, m.priceBook !== DEFAULT_PRICE_BOOK));
  else body.push(none(`The design was priced with the price book “${bookName}”, whose tiers are not stored in this project file.`));
  body.push(
    h3('Failure model (MTBF and MTTR)'),
    table(
      [{ head: 'Element' }, { head: 'Failures a year', num: true }, { head: 'MTBF', num: true }, { head: 'MTTR', num: true }],
      [
        ['Device', num(F.NODE_PER_YEAR, 2), mtbf(F.NODE_PER_YEAR), `${num(F.NODE_MTTR_H)} h`],
        ['Link inside a site', num(F.LINK_BASE_PER_YEAR, 2), mtbf(F.LINK_BASE_PER_YEAR), `${num(F.INTRA_MTTR_H)} h`],
        ['Link between sites (optics, ports)', num(F.LINK_BASE_PER_YEAR, 2), mtbf(F.LINK_BASE_PER_YEAR), `${num(F.LINK_MTTR_H)} h`],
        ['… plus fibre cuts, per 1,000 route-km', num(F.CUTS_PER_1000KM_YEAR, 2), mtbf(F.CUTS_PER_1000KM_YEAR), `${num(F.LINK_MTTR_H)} h`],
      ],
      { cls: 'narrow' },
    ),
    p('Unavailability of an element = failures a year × MTTR ÷ 8,760 h. Availability is the mean over device pairs of the time they can reach each other, by inclusion–exclusion over single failures and link pairs (minimal cut-set approximation, Billinton &amp; Allan 1992). Figures follow published cable-cut rates (1–5 per 1,000 route-miles a year) and Grover, “Mesh-based Survivable Networks” (2003).', 'small'),
    h3('Traffic model'),
  );
  if (m.simulationTraffic.length === 0) {
    body.push(none('No failure sweep is recorded in this project, so no traffic model was used; utilisation figures are absent.'));
  } else {
    body.push(
      `<ul>${m.simulationTraffic.map((t) => `<li>${esc(TRAFFIC_WORDS[t] ?? t)}</li>`).join('')}</ul>`,
      p('Traffic follows IGP shortest paths with equal-cost multipath; failed elements are routed around. One traffic unit is 1 Mbit/s when utilisation is computed (the sweep default).', 'small'),
    );
  }
  return section('assumptions', n, 'Assumptions', body);
}

/**
 * The figures a step was judged on (optimise/ StepMetrics), in one
 * line. The document also carries the whole base design and the patch,
 * which are for replay, not for the board; unknown shapes print as "–".
 */
function snapshot(x: unknown): string {
  const doc = typeof x === 'object' && x !== null ? (x as Record<string, unknown>) : {};
  const raw = doc['metrics'];
  const mt = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : doc;
  const parts: string[] = [];
  if (typeof mt['costUsd'] === 'number') parts.push(usd(mt['costUsd']));
  if (typeof mt['redundancy'] === 'string' || mt['redundancy'] === null) parts.push(String(mt['redundancy'] ?? 'not connected'));
  if (typeof mt['bridges'] === 'number') parts.push(`${num(mt['bridges'])} bridges`);
  if (typeof mt['articulationPoints'] === 'number') parts.push(`${num(mt['articulationPoints'])} cut devices`);
  if (typeof mt['worstN1Utilisation'] === 'number') parts.push(`N-1 util. ${pct(mt['worstN1Utilisation'])}`);
  return parts.length > 0 ? parts.join(', ') : '–';
}

/** What a decision or audit entry is about, in words (model/names.ts, the same words as the app's audit log). */
const subjectOf = (m: ReportModel, kind: string, id: string): string =>
  subjectInWords({ designNames: m.designNames, steps: m.optimisations, recommendations: m.recommendations, when: dateTime }, kind, id);

export function optimisationSection(m: ReportModel, n: number): Html {
  const body: Html[] = [];
  const steps: readonly OptimisationInput[] = m.optimisations;
  if (steps.length === 0) body.push(none('No optimisation has been run on this project: there are no steps and no approvals to show.'));
  else {
    body.push(
      table(
        [
          { head: 'Design', width: '13%' }, { head: 'Step', num: true }, { head: 'Strategy / rule', width: '14%' }, { head: 'Rationale', width: '27%' },
          { head: 'Before → after' }, { head: 'Status' }, { head: 'Decided by, why, when', width: '18%' },
        ],
        steps.map((s) => [
          text(m.designNames[s.topologyId] ?? s.topologyId), num(s.step), `${esc(s.strategy)}<br><span class="small">${esc(s.rule)}</span>`, text(s.rationale),
          `${esc(snapshot(s.before))} →<br>${esc(snapshot(s.after))}`, `<span class="status ${esc(s.status)}">${esc(s.status)}</span>`,
          s.decidedBy ? `${esc(s.decidedBy)}${s.decisionReason ? `: ${esc(s.decisionReason)}` : ''}<br><span class="small">${dateTime(s.decidedAt)}</span>` : '–',
        ]),
        { cls: 'steps' },
      ),
    );
  }
  body.push(h3('Decisions'));
  const decisions = m.decisions;
  if (decisions.length === 0) body.push(none('No decision is recorded in this project.'));
  else {
    body.push(
      table(
        [{ head: 'When', nowrap: true }, { head: 'Who' }, { head: 'Decision' }, { head: 'About' }, { head: 'Reason', width: '38%' }],
        decisions.map((d) => [
          dateTime(d.createdAt), text(d.actor), text(d.decision),
          text(subjectOf(m, d.subjectKind, d.subjectId)), text(d.reason ?? ''),
        ]),
      ),
    );
  }
  return section('optimisation', n, 'Optimisation steps and approvals', body);
}

export function auditSection(m: ReportModel, n: number): Html {
  if (m.audit.length === 0) return section('audit', n, 'Audit trail', [none('The audit trail of this project is empty.')]);
  const shown = m.audit.length < m.auditTotal ? p(`The latest ${num(m.audit.length)} of ${num(m.auditTotal)} entries, oldest first.`) : p(`All ${num(m.audit.length)} entries, oldest first.`);
  return section('audit', n, 'Audit trail', [
    shown,
    table(
      [{ head: '#', num: true }, { head: 'When', nowrap: true }, { head: 'Who' }, { head: 'Action' }, { head: 'Subject', width: '22%' }, { head: 'Detail', width: '32%' }],
      m.audit.map((a) => [
        num(a.id), dateTime(a.at), text(a.actor), `${esc(auditActionInWords(a.action))}${auditActionInWords(a.action) === a.action ? '' : `<br><span class="small mono">${esc(a.action)}</span>`}`,
        text(a.subject === null ? '' : subjectOf(m, '', a.subject)), `<span class="small">${esc(detailText(a.detail))}</span>`,
      ]),
      { cls: 'audit' },
    ),
  ]);
}
