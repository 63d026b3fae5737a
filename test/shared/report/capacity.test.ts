import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import type { StoredCapacityPlan } from '../../../src-shared/capacity/types';
import { gatherReport } from '../../../src-shared/report/gather';
import { renderReportHtml } from '../../../src-shared/report/html';
import { demand, plan, triangle } from '../capacity/fixtures';
import { baseInput, HOSTILE, record, validation } from './inputs';

const parse = (html: string) => new new Window().DOMParser().parseFromString(html, 'text/html');

function stored(designId: string): StoredCapacityPlan {
  const t = triangle(25, 10, 10);
  const r = plan(t, [demand(t, 'A', 'B', 8.5)], { base: { kind: 'compound', pctPerPeriod: 10 }, overrides: [] }, { periods: 3 });
  r.design = { ...r.design, id: designId };
  return {
    id: 'plan-1',
    topologyId: designId,
    createdAt: Date.UTC(2026, 11, 7),
    plan: r,
    steps: r.steps.map((s) => ({ id: `st${s.seq}`, seq: s.seq, status: 'proposed', reason: 'cost change 400,000 USD is not below 10,000 USD', decidedBy: null, decisionReason: null, decidedAt: null, builtRevision: null, builtAt: null, measured: null })),
  };
}

describe('decision pack: capacity chapter', () => {
  it('prints the forecast chart, the worst case per link with its failure before and after, and the dated, costed steps with their approval', () => {
    const t = triangle(25, 10, 10);
    const d = record('d-tri', t);
    const s = stored('d-tri');
    const html = renderReportHtml(gatherReport(baseInput({ designs: [d], validations: [validation(d)], designId: 'd-tri', capacityPlan: (id) => (id === 'd-tri' ? s : null) })));
    const doc = parse(html);
    const ch = doc.querySelector('#capacity')!;
    expect(ch.querySelector('h2')!.textContent).toContain('Capacity plan');
    // Inline SVG chart: the expected line and the interval band, one label per period.
    const svg = ch.querySelector('figure.chart svg')!;
    expect(svg.querySelector('polyline')!.getAttribute('points')!.split(' ')).toHaveLength(4);
    expect(svg.querySelector('polygon')).not.toBeNull();
    expect(svg.textContent).toContain('Q4 2026');
    const text = ch.textContent.replace(/\s+/g, ' ');
    // The step: dated, costed, with its worst case before → after and its approval state.
    const step = s.plan.steps[0]!;
    expect(text).toContain(step.summary);
    expect(text).toContain('link ab (Amsterdam DC – Rotterdam DC) fails');
    expect(text).toContain('proposed: cost change 400,000 USD is not below 10,000 USD');
    expect(text).toMatch(/ac \(Amsterdam DC – New York DC\): 8\d % when link ab .* fails → \d+ %/);
    // Worst case per link table: as is and with the plan, each with its failure.
    const rows = [...ch.querySelectorAll('table')].find((tb) => tb.textContent.includes('As the design stands'))!.querySelectorAll('tbody tr');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Zero-capex alternative');
  });

  it('says so when the presented design has no plan, and escapes what a project controls', () => {
    const html = renderReportHtml(gatherReport(baseInput({ designId: 'd-lolly', capacityPlan: () => null })));
    expect(parse(html).querySelector('#capacity')!.textContent).toContain('No capacity plan is stored for lollipop');
    const s = stored('d-lolly');
    s.plan.basis.text = HOSTILE;
    s.plan.steps[0]!.summary = HOSTILE;
    const hostile = renderReportHtml(gatherReport(baseInput({ designId: 'd-lolly', capacityPlan: () => s })));
    expect(hostile).not.toContain('<script>alert');
    expect(parse(hostile).querySelector('#capacity')!.textContent).toContain(HOSTILE);
  });
});
