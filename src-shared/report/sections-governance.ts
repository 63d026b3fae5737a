import { DEFAULT_PRICE_BOOK, type PriceBook } from '../cost/pricebook';
import { FAILURE_MODEL } from '../learn/availability';
import { detailText, esc } from './escape';
import { dateTime, num, pct, usd } from './format';
import { h3, none, p, section, table, text, type Html } from './kit';
import type { OptimisationInput, ReportModel } from './model';

export function costSection(m: ReportModel, n: number): Html {
  const c = m.chosen;
  if (!c) return section('cost', n, 'Cost breakdown', [none('No design, so no cost.')]);
  const k = c.cost;
  const budget = m.intent?.parsed?.budgetUsd;
  const share = (x: number) => (k.totalUsd > 0 ? pct(x / k.totalUsd, 1) : '–');
  const roles = Object.entries(k.byRole).sort((a, b) => b[1].usd - a[1].usd);
  const body: Html[] = [
    p(
      `${esc(c.record.name)}: <strong>${usd(k.totalUsd)}</strong> (${esc(k.currency)}, price book “${esc(k.priceBook)}”` +
        `${c.costSource === 'computed' ? ', priced now because the design has no stored cost' : ''}).` +
        (budget === undefined ? ' The intent states no budget.' : ` Budget ${usd(budget)}: ${k.totalUsd <= budget ? `within it by ${usd(budget - k.totalUsd)}` : `<strong>over it by ${usd(k.totalUsd - budget)}</strong>`}.`),
    ),
    table(
      [{ head: 'Part' }, { head: 'Cost', num: true }, { head: 'Share', num: true }],
      [
        ['Devices', usd(k.devicesUsd), share(k.devicesUsd)],
        ['Links and circuits', usd(k.linksUsd), share(k.linksUsd)],
        ['Optics', usd(k.opticsUsd), share(k.opticsUsd)],
        ['<strong>Total</strong>', `<strong>${usd(k.totalUsd)}</strong>`, share(k.totalUsd)],
      ],
      { cls: 'narrow' },
    ),
    h3('Devices by role'),
    table(
      [{ head: 'Role' }, { head: 'Count', num: true }, { head: 'Cost', num: true }, { head: 'Average each', num: true }],
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
  return [
    p(`“${esc(book.name)}” (${own ? 'this project’s own price book' : 'the price book shipped with NetTwin'}): list prices in ${esc(book.currency)}, capex-equivalent over ${num(book.termYears)} years (circuit leases folded into the per-km price). Ports beyond the largest model: ${usd(book.devices.extraPortUsd)} each. Cabling inside a site: ${usd(book.links.intraSiteUsd)} a link.`),
    table([{ head: 'Device role', width: '18%' }, { head: 'Models (ports, price)' }], roleRows, { cls: 'small-table' }),
    table(
      [{ head: 'Circuit', num: true }, { head: 'Install', num: true }, { head: 'Per km', num: true }, { head: 'Optic', num: true }, { head: 'Short-reach optic', num: true }, { head: 'Long-reach optic', num: true }],
      book.links.tiers.map((t) => {
        const o = book.optics.tiers.find((x) => x.capacityGbps >= t.capacityGbps) ?? book.optics.tiers[book.optics.tiers.length - 1]!;
        return [`${num(t.capacityGbps)} Gbit/s`, usd(t.installUsd), usd(t.perKmUsd), `${num(o.capacityGbps)} Gbit/s`, usd(o.shortReachUsd), usd(o.longReachUsd)];
      }),
      { cls: 'small-table' },
    ),
    p(`Links longer than ${num(book.optics.shortReachMaxKm)} km need long-reach optics; every link needs two.`, 'small'),
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

/** What a decision or audit entry is about, in words: a design by name, a step by number and design. */
function subjectOf(m: ReportModel, kind: string, id: string): string {
  const step = m.optimisations.find((s) => s.id === id);
  if (step) return `step ${step.step} on ${m.designNames[step.topologyId] ?? step.topologyId}`;
  const rec = m.recommendations.find((r) => r.id === id);
  if (rec) return `${rec.mode} recommendation of ${dateTime(rec.createdAt)}`;
  const design = m.designNames[id];
  if (design !== undefined) return kind ? `${kind} ${design}` : design;
  return kind ? `${kind} ${id}` : id;
}

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
        num(a.id), dateTime(a.at), text(a.actor), text(a.action),
        text(a.subject === null ? '' : subjectOf(m, '', a.subject)), `<span class="small">${esc(detailText(a.detail))}</span>`,
      ]),
      { cls: 'audit' },
    ),
  ]);
}
