import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { gatherReport } from '../../../src-shared/report/gather';
import { REPORT_SECTIONS, renderReportHtml } from '../../../src-shared/report/html';
import type { ReportInput } from '../../../src-shared/report/model';
import { printSettings } from '../../../src-shared/report/print';
import { availability, usdShort } from '../../../src-shared/report/format';
import { availabilityOf } from '../../../src-shared/learn/availability';
import { compileTopology } from '../../../src-shared/sim/csr';
import { baseInput, HOSTILE, lollipop, record, T0, validation } from './inputs';

const parse = (html: string) => {
  const w = new Window();
  return new w.DOMParser().parseFromString(html, 'text/html');
};
const render = (input: ReportInput) => renderReportHtml(gatherReport(input));
/** Text of an element as it reads on paper: a line break counts as a space. */
type El = NonNullable<ReturnType<ReturnType<typeof parse>['querySelector']>>;
const said = (el: El): string => {
  for (const br of [...el.querySelectorAll('br')]) br.replaceWith(' ');
  return el.textContent.replace(/\s+/g, ' ').trim();
};

/** Every project-controlled string set to the hostile one. */
function hostileInput(): ReportInput {
  const base = baseInput();
  const t = lollipop(HOSTILE);
  t.nodes[0]!.name = HOSTILE;
  const d = record('d-h', t, { name: HOSTILE });
  return {
    ...base,
    project: { ...base.project, name: HOSTILE, fileName: `${HOSTILE}.nettwin`, createdBy: HOSTILE },
    designs: [d],
    validations: [validation(d)],
    intents: [{ ...base.intents[0]!, name: HOSTILE, intent: { ...(base.intents[0]!.intent as object), name: HOSTILE } }],
    audit: [{ id: 1, at: T0, actor: HOSTILE, action: HOSTILE, subject: HOSTILE, detail: { note: HOSTILE } }],
    auditTotal: 1,
    decisions: [{ id: 'x', subjectKind: 'design', subjectId: 'd-h', decision: 'chosen', actor: HOSTILE, reason: HOSTILE, createdAt: T0 }],
    optimisations: [{
      id: 's1', topologyId: 'd-h', step: 1, strategy: HOSTILE, rule: HOSTILE, rationale: HOSTILE,
      before: { metrics: { costUsd: 100, redundancy: 'HIGH' } }, after: { metrics: { costUsd: 90, redundancy: 'HIGH' } },
      status: 'approved', decidedBy: HOSTILE, decisionReason: HOSTILE, decidedAt: T0, createdAt: T0,
    }],
    recommendations: [{
      id: 'r1', intentId: 'i1', mode: HOSTILE, chosenFamily: null, createdAt: T0,
      result: { goal: HOSTILE, novelty: HOSTILE, options: [{ family: HOSTILE, rationale: HOSTILE, pros: [HOSTILE], cons: [HOSTILE] }] },
    }],
  };
}

describe('renderReportHtml', () => {
  it('has every section, in order, each starting a new chapter, and a contents list linking to them', () => {
    const doc = parse(render(baseInput()));
    const chapters = [...doc.querySelectorAll('section.chapter')];
    expect(chapters.map((s) => s.id)).toEqual(REPORT_SECTIONS.map((s) => s.id));
    expect(chapters.map((s) => s.querySelector('h2')!.textContent.replace(/^\d+\s*/, '').trim())).toEqual(REPORT_SECTIONS.map((s) => s.title));
    expect([...doc.querySelectorAll('.cover ol a')].map((a) => a.getAttribute('href'))).toEqual(REPORT_SECTIONS.map((s) => `#${s.id}`));
    expect(doc.querySelector('figure.drawing svg')).not.toBeNull();
  });

  it('ends with a sign-off page bound to the presented design and its revision', () => {
    const doc = parse(render(baseInput()));
    const sign = doc.querySelector('section.signoff')!;
    expect(sign.previousElementSibling?.id).toBe('audit');
    expect(sign.textContent).toContain('d-square, revision 1');
    expect(sign.querySelectorAll('.choices li').length).toBe(4);
    expect(sign.querySelectorAll('table.sign tbody tr').length).toBe(4);
  });

  it('shows measured outcomes next to what was predicted, by design name', () => {
    const doc = parse(render(baseInput({
      outcomes: [{ id: 'o', topologyId: 'd-square', metric: 'p95 latency', predicted: 7.5, actual: 9.25, unit: 'ms', source: 'telemetry <prod>', measuredAt: T0 }],
    })));
    const tables = [...doc.querySelectorAll('#options table')];
    const cells = [...tables.at(-1)!.querySelectorAll('tbody td')].map((c) => said(c));
    expect(cells).toEqual(['square', 'p95 latency', '7.50 ms', '9.25 ms', 'telemetry <prod>', '2026-01-15 10:30 UTC']);
    expect(said(doc.querySelector('#options')!)).toContain('Measured outcomes');
  });

  it('escapes every string from the project: the text survives verbatim and no markup from it is live', () => {
    const html = render(hostileInput());
    const doc = parse(html);
    expect(doc.querySelectorAll('script').length).toBe(0);
    // The only <b> elements would be the hostile ones; the report itself uses <strong>.
    expect(doc.querySelectorAll('b').length).toBe(0);
    const text = doc.body.textContent;
    const count = text.split(HOSTILE).length - 1;
    // Cover, design, intent, checks-free spots, audit, decisions, optimisation, recommendation …
    expect(count).toBeGreaterThanOrEqual(20);
    expect(doc.querySelector('title')!.textContent).toBe(`Decision pack: ${HOSTILE}`);
    // The drawing's own labels and title are escaped too (SVG is parsed as markup).
    expect(doc.querySelector('figure.drawing svg title')!.textContent).toBe(HOSTILE);
    expect(html).not.toMatch(/<script/i);
  });

  it('says plainly what the project does not hold, and invents no figure for it', () => {
    const text = parse(render(baseInput())).body.textContent;
    expect(text).toContain('No recommendation has been recorded in this project');
    expect(text).toContain('No failure sweep has been recorded for this design');
    expect(text).toContain('No optimisation has been run on this project');
    expect(text).toContain('No decision is recorded in this project');
    expect(text).toContain('The audit trail of this project is empty');
    expect(text).toContain('No failure sweep is recorded in this project, so no traffic model was used');
    expect(text).not.toMatch(/NaN|undefined|\[object Object\]/);
  });

  it('an empty project still renders every chapter, each saying there is no design', () => {
    const doc = parse(render(baseInput({ designs: [], validations: [] })));
    expect(doc.querySelectorAll('section.chapter').length).toBe(REPORT_SECTIONS.length);
    expect(doc.body.textContent).toContain('This project holds no designs');
    expect(doc.querySelector('svg')).toBeNull();
  });

  it('prints predicted metrics with their intervals next to the computed cost of the same family', () => {
    const base = baseInput();
    const d = record('d-ring', base.designs[1]!.topology, { family: 'ring' });
    const html = render({
      ...base,
      designs: [d],
      validations: [validation(d)],
      recommendations: [{
        id: 'r1', intentId: 'i1', mode: 'instant', chosenFamily: 'ring', createdAt: T0,
        result: {
          mode: 'instant', goal: 'resilience', novelty: null, model: { trainedOn: 240, costMapePct: 12.5, p95MapePct: 30 },
          options: [{
            family: 'ring', confidence: 0.81, successProbability: 0.9,
            predicted: { costUsd: 123_456, p95LatencyMs: 7.25, availability: 0.9995 },
            intervals: { costUsd: [100_000, 150_000], p95LatencyMs: [5, 10], availability: [0.999, 0.9999] },
            pros: ['cheap'], cons: ['long paths'], rationale: 'ring met HIGH in 9 of 10',
          }],
        },
      }],
    });
    const row = parse(html).querySelector('table.predicted tbody tr')!;
    const cells = [...row.querySelectorAll('td')].map((c) => said(c));
    expect(cells).toEqual([
      '1', 'ring (chosen)', '81 %', '90 %', '$123k $100k – $150k', '7.3 ms 5.0 ms – 10.0 ms',
      '99.9500 % 99.9000 % – 99.9900 %', `${usdShort(d.costUsd)} ${availability(availabilityOf(d.topology, compileTopology(d.topology)).availability)}`,
    ]);
    expect(html).toContain('model trained on 240 past designs');
  });

  it('marks a predicted availability outside 0–100 % instead of printing it as a fact', () => {
    const html = render(baseInput({
      recommendations: [{
        id: 'r', intentId: 'i1', mode: 'instant', chosenFamily: null, createdAt: T0,
        result: { options: [{ family: 'ring', predicted: { costUsd: 1, p95LatencyMs: 1, availability: 0.4 }, intervals: { costUsd: [1, 2], p95LatencyMs: [1, 2], availability: [-7.5, 0.98] } }] },
      }],
    }));
    const doc = parse(html);
    expect(said(doc.querySelector('table.predicted tbody tr')!)).toContain('40.0000 % -750.0000 %† – 98.0000 %');
    expect(doc.body.textContent).toContain('† Outside 0–100 %');
    expect(render(baseInput())).not.toContain('† Outside');
  });

  it('a recommendation document it cannot read is reported as such, not filled in', () => {
    const html = render(baseInput({ recommendations: [{ id: 'r', intentId: 'i1', mode: 'instant', chosenFamily: null, createdAt: T0, result: 'garbage' }] }));
    expect(html).toContain('This recommendation record holds no readable options.');
    expect(parse(html).querySelector('table.predicted')).toBeNull();
  });

  it('prints the figures of an optimisation step, never the design documents stored beside them', () => {
    const base = baseInput();
    const html = render({
      ...base,
      optimisations: [{
        id: 's1', topologyId: 'd-square', step: 2, strategy: 'cost', rule: 'drop-link', rationale: 'link ab carries nothing',
        before: { metrics: { costUsd: 200_000, redundancy: 'HIGH', bridges: 0, articulationPoints: 0 }, base: { nodes: [{ id: 'SECRET-BASE-NODE' }] } },
        after: { metrics: { costUsd: 150_000, redundancy: 'STANDARD', bridges: 1, articulationPoints: 0 }, patch: [{ op: 'SECRET-PATCH' }] },
        status: 'rejected', decidedBy: 'Ana', decisionReason: 'keeps HIGH', decidedAt: T0, createdAt: T0,
      }],
    });
    const text = said(parse(html).querySelector('#optimisation table')!);
    expect(text).toContain('$200,000, HIGH, 0 bridges, 0 cut devices → $150,000, STANDARD, 1 bridges, 0 cut devices');
    expect(text).toContain('rejected');
    expect(text).toContain('Ana: keeps HIGH');
    expect(html).not.toContain('SECRET-');
  });

  it('puts the project name into the PDF header escaped, and page numbers into the footer', () => {
    const s = printSettings(gatherReport(hostileInput()));
    expect(s.headerTemplate).not.toContain('<script');
    expect(s.headerTemplate).toContain('&lt;script&gt;');
    expect(s.footerTemplate).toContain('class="pageNumber"');
    expect(s.footerTemplate).toContain('class="totalPages"');
  });
});
