import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { annuityFactor } from '../../../src-shared/cost/cost';
import { calibrate } from '../../../src-shared/learn/calibration';
import { gatherReport } from '../../../src-shared/report/gather';
import { renderReportHtml } from '../../../src-shared/report/html';
import { usd } from '../../../src-shared/report/format';
import { baseInput } from './inputs';

const costText = (html: string): string => {
  const doc = new new Window().DOMParser().parseFromString(html, 'text/html');
  return (doc.querySelector('#cost')?.textContent ?? '').replace(/\s+/g, ' ');
};

describe('decision pack: cost calibrations switched on in the project', () => {
  // Four designs measured: capex 10 % above the price book each (a zero-width interval).
  const calibrations = calibrate(['a', 'b', 'c', 'd'].map((id) => ({ topologyId: id, metric: 'capexUsd', predicted: 1000, actual: 1100, source: 'invoices.csv' })));

  it('shows the calibrated TCO and the statement beside the price-book headline', () => {
    const model = gatherReport(baseInput({ costCalibrations: calibrations }));
    const k = model.chosen!.cost;
    const expected = 1.1 * k.capexUsd + 12 * k.mrcUsd * annuityFactor(k.termYears, k.discountRatePct);
    expect(model.chosen!.calibratedCost!.cost.totalUsd.value).toBeCloseTo(expected, 6);
    const text = costText(renderReportHtml(model));
    expect(text).toContain(`With this organisation's calibration (capex; switched on in the project)`);
    expect(text).toContain(usd(expected));
    expect(text).toContain("this organisation's one-time (capex) spend is 10 % above the price book");
    expect(text).toContain(usd(k.totalUsd)); // the price-book headline stays
  });

  it('without a switched-on calibration the pack shows the price-book figures alone', () => {
    const model = gatherReport(baseInput());
    expect(model.chosen!.calibratedCost).toBeUndefined();
    expect(costText(renderReportHtml(model))).not.toContain('calibration');
  });
});
