import { esc } from './escape';
import { REPORT_CSS } from './css';
import { availability, dateTime, minutes, num, usd } from './format';
import { facts, type Html } from './kit';
import type { ReportModel } from './model';
import { designSection, resilienceSection } from './sections-design';
import { assumptionsSection, auditSection, costSection, optimisationSection } from './sections-governance';
import { intentSection, optionsSection } from './sections-intent';
import { capacitySection } from './sections-capacity';

/** The chapters in print order: id (anchor), title, renderer. Tests check the titles appear. */
export const REPORT_SECTIONS = [
  { id: 'intent', title: 'Intent', render: intentSection },
  { id: 'options', title: 'Options compared', render: optionsSection },
  { id: 'design', title: 'Chosen design', render: designSection },
  { id: 'resilience', title: 'Resilience certificate', render: resilienceSection },
  { id: 'cost', title: 'Cost breakdown', render: costSection },
  { id: 'capacity', title: 'Capacity plan', render: capacitySection },
  { id: 'assumptions', title: 'Assumptions', render: assumptionsSection },
  { id: 'optimisation', title: 'Optimisation steps and approvals', render: optimisationSection },
  { id: 'audit', title: 'Audit trail', render: auditSection },
] as const;

function keyFigures(m: ReportModel): Html {
  const c = m.chosen;
  if (!c) return '<p class="none">This project holds no designs yet.</p>';
  const required = m.intent?.parsed?.redundancy;
  const achieved = c.validation.redundancyAchieved;
  return facts([
    ['Presented design', `<strong>${esc(c.record.name)}</strong> (${esc(c.record.family ?? c.record.source)}, ${num(c.record.nodeCount)} devices, ${num(c.record.linkCount)} links)`],
    ['Cost', usd(c.cost.totalUsd) + (m.intent?.parsed?.budgetUsd !== undefined ? ` against a budget of ${usd(m.intent.parsed.budgetUsd)}` : '')],
    ['Redundancy', `${esc(achieved ?? 'not connected')} achieved${required ? `, ${esc(required)} required` : ''}`],
    ['Availability', `${availability(c.resilience.availability.availability)} (${minutes(c.resilience.availability.downtimeMinPerYear)} downtime a year)`],
    ['Validation score', `${num(c.validation.score)} / 100${c.validationNote ? ' (checked for this report)' : ''}`],
    ['Options compared', num(m.options.length)],
  ]);
}

function cover(m: ReportModel): Html {
  const toc = REPORT_SECTIONS.map((s) => `<li><a href="#${s.id}">${esc(s.title)}</a></li>`).join('');
  return `<section class="cover">
<div class="kicker">Governance decision pack</div>
<h1>${esc(m.project.name)}</h1>
<div class="sub">${m.chosen ? `Design presented: ${esc(m.chosen.record.name)}` : 'No design yet'}</div>
${facts([
  ['Generated', dateTime(m.generatedAt)],
  ['Software', `NetTwin ${esc(m.softwareVersion)}`],
  ['Project file', `<span class="mono">${esc(m.project.fileName)}</span> (schema version ${num(m.project.schemaVersion)})`],
  ['Project created', m.project.createdAt === null ? 'unknown' : `${dateTime(m.project.createdAt)}${m.project.createdBy ? ` by ${esc(m.project.createdBy)}` : ''}`],
])}
<div class="summary"><h3>At a glance</h3>${keyFigures(m)}</div>
<h3>Contents</h3><ol>${toc}</ol>
<div class="foot">Every figure in this pack is read from the project file or computed from its designs by NetTwin ${esc(m.softwareVersion)}. Where the project holds no record of something, the pack says so instead of estimating it.</div>
</section>`;
}

/**
 * The last page, left blank for the board: what it decides, about exactly
 * which design revision, and who signs. Printing the design id and revision
 * binds a signature to the design as it was when the pack was made.
 */
function signOff(m: ReportModel): Html {
  const c = m.chosen;
  const about = c
    ? `${esc(c.record.name)} <span class="mono">(${esc(c.record.id)}, revision ${num(c.record.revision)})</span>, as presented in this pack of ${dateTime(m.generatedAt)}.`
    : 'No design is presented in this pack.';
  const box = (label: string) => `<li><span class="box"></span> ${esc(label)}</li>`;
  const rows = Array.from({ length: 4 }, () => '<tr><td></td><td></td><td></td><td></td></tr>').join('');
  return `<section class="signoff" id="signoff">
<h2>Board decision</h2>
<p>About: ${about}</p>
<ul class="choices">${box('Approve the presented design')}${box('Approve with the conditions below')}${box('Reject')}${box('Defer, pending the information below')}</ul>
<h3>Conditions or information requested</h3>
<div class="lines"></div>
<h3>Signatures</h3>
<table class="sign"><thead><tr><th>Name</th><th>Role</th><th>Signature</th><th>Date</th></tr></thead><tbody>${rows}</tbody></table>
</section>`;
}

/** The whole report as one self-contained HTML document (no scripts, no external resources). */
export function renderReportHtml(m: ReportModel): string {
  const chapters = REPORT_SECTIONS.map((s, i) => s.render(m, i + 1));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(m.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${cover(m)}
${chapters.join('\n')}
${signOff(m)}
</body>
</html>
`;
}
