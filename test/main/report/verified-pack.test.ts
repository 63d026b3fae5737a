import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { optionVerdict } from '../../../src-shared/learn/verdict';
import type { ReportModel } from '../../../src-shared/report/model';
import { recommendationBlock, recommendationHeading } from '../../../src-shared/report/recommendation-table';
import { recommendationViews } from '../../../src-shared/report/recommendations';

/**
 * The decision pack's table of a recorded recommendation: a verified one
 * shows what was measured (meets the intent: yes/no, which checks failed,
 * measured figures), never an estimate's Confidence / P(success) columns —
 * a verified option stores them as its verdict, 1 or 0, and printed as
 * "Confidence 100 %" / "P(success) 0 %" they read as estimates. The verdict
 * is the Options view's (learn/verdict.ts optionVerdict).
 */
const parse = (html: string) => new new Window().DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
const model = { options: [] } as unknown as ReportModel;

const verifiedDoc = {
  mode: 'verified',
  goal: 'cost',
  novelty: null,
  options: [
    {
      family: 'tree', confidence: 1, successProbability: 1, predicted: { costUsd: 52_220_150, p95LatencyMs: 80.8, availability: 0.99994 },
      rationale: 'generated and simulated: meets the intent', pros: [], cons: [],
      verified: { family: 'tree', seed: 1, success: true, measured: { costUsd: 52_220_150, p95LatencyMs: 80.8, availability: 0.99994, downtimeMinPerYear: 29.04 }, goalMeasure: 1, failed: [], onFront: true },
    },
    {
      family: 'ring', confidence: 0, successProbability: 0, predicted: { costUsd: 40_000_000, p95LatencyMs: 120, availability: 0.9986 },
      rationale: 'fails', pros: [], cons: [],
      verified: { family: 'ring', seed: 2, success: false, measured: { costUsd: 40_000_000, p95LatencyMs: 120, availability: 0.9986, downtimeMinPerYear: 700 }, goalMeasure: 2,
        failed: [{ id: 'redundancy.high', title: 'Redundancy HIGH', message: '…', shortfall: 0.5 }, { id: 'budget', title: 'Budget', message: '…', shortfall: 0.1 }], onFront: false },
    },
  ],
};
const viewOf = (result: unknown, mode: string) => recommendationViews([{ id: 'r', intentId: null, mode, chosenFamily: 'tree', result, createdAt: 1 }])[0]!;

describe('decision pack: a verified recommendation shows what was measured', () => {
  it('measured columns, yes/no and the failed checks; no Confidence or P(success) column', () => {
    const view = viewOf(verifiedDoc, 'verified');
    expect(recommendationHeading(view)).toMatch(/measured by generation and simulation/);
    const doc = parse(recommendationBlock(view, model).join(''));
    expect(doc.querySelector('table.predicted')).toBeNull();
    const heads = [...doc.querySelectorAll('table.measured th')].map((th) => th.textContent);
    expect(heads).toEqual(expect.arrayContaining(['Meets the intent (measured)', 'Checks failed (measured)', 'Measured cost']));
    expect(heads.join(' ')).not.toMatch(/Confidence|P\(success\)/);
    const rows = [...doc.querySelectorAll('table.measured tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()));
    expect(rows[0]!.slice(1, 4)).toEqual(['tree (chosen)', 'yes', 'none']);
    expect(rows[1]!.slice(1, 4)).toEqual(['ring (variant 2)', 'no', 'Redundancy HIGH, Budget']);
    expect(doc.body.textContent).not.toMatch(/100 %|\b0 %/);
    // The same verdict as the Options view's badge.
    for (const [i, o] of verifiedDoc.options.entries()) {
      const v = optionVerdict(o);
      expect(v.kind).toBe('measured');
      expect(rows[i]![2]).toBe(v.kind === 'measured' && v.meets ? 'yes' : 'no');
    }
  });

  it('an instant recommendation keeps its estimate columns, labelled as estimates', () => {
    const instant = { ...verifiedDoc, mode: 'instant', options: verifiedDoc.options.map(({ verified: _v, ...o }) => ({ ...o, confidence: 0.62, successProbability: 0.8 })) };
    const view = viewOf(instant, 'instant');
    expect(recommendationHeading(view)).toBe('Predicted metrics and uncertainty');
    const doc = parse(recommendationBlock(view, model).join(''));
    const heads = [...doc.querySelectorAll('table.predicted th')].map((th) => th.textContent);
    expect(heads).toEqual(expect.arrayContaining(['Confidence (estimate)', 'P(success) (estimate)']));
    expect(doc.querySelector('table.predicted tbody tr')!.textContent).toContain('80 %');
  });
});
