import type { CostBreakdown } from '../../../src-shared/cost/cost';
import { capexRows, headlineLabel, monthlyRows } from '../../../src-shared/cost/labels';
import { calibratedCost } from '../../../src-shared/learn/calibration';
import type { CostCalibration } from './useCalibrations';

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

/**
 * The design's cost as a finance officer reads it: the headline (TCO over
 * the term), capex by category, monthly recurring by transport type, and
 * how the TCO is made. The same rows as the decision pack (cost/labels.ts).
 * With a cost calibration switched on in the Learn view, the calibrated TCO
 * and its range are shown beside the price-book headline, never instead of it.
 */
export function CostPanel({ cost, custom, calibration = null }: { cost: CostBreakdown; custom: boolean; calibration?: CostCalibration | null }) {
  const head = headlineLabel(cost);
  const calibrated = calibration === null ? null : calibratedCost(cost, calibration.factors);
  return (
    <section className="panel cost-panel" aria-label="Cost">
      <h2>Cost</h2>
      <p className="verdict-line">
        <strong>
          {head} {money.format(cost.totalUsd)}
        </strong>
      </p>
      <p className="muted">
        capex {money.format(cost.capexUsd)} + {money.format(cost.mrcUsd)} a month for {cost.termYears} years · price book “{cost.priceBook}”
        {custom ? ' (this project’s)' : ''}
      </p>
      {calibrated !== null && (
        <p className="cost-panel__calibrated" role="note" aria-label="Calibrated cost">
          With this organisation’s calibration ({calibrated.applied.join(', ')}; switched on in Learn): {head} {money.format(calibrated.totalUsd.value)} (95 % range{' '}
          {money.format(calibrated.totalUsd.low)}–{money.format(calibrated.totalUsd.high)}). {calibration!.statements.join('; ')}.
        </p>
      )}
      <table className="cost-table" aria-label="Capex">
        <caption>Capex (one-time)</caption>
        <tbody>
          {capexRows(cost).map(([label, usd]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{money.format(usd)}</td>
            </tr>
          ))}
          <tr className="cost-table__total">
            <th scope="row">Capex</th>
            <td>{money.format(cost.capexUsd)}</td>
          </tr>
        </tbody>
      </table>
      <table className="cost-table" aria-label="Monthly recurring">
        <caption>Monthly recurring</caption>
        <tbody>
          {monthlyRows(cost).map((r) => (
            <tr key={r.label}>
              <th scope="row">
                {r.label}
                {r.links !== null ? ` (${r.links})` : ''}
              </th>
              <td>{money.format(r.usd)}</td>
            </tr>
          ))}
          <tr className="cost-table__total">
            <th scope="row">Monthly recurring</th>
            <td>{money.format(cost.mrcUsd)}</td>
          </tr>
        </tbody>
      </table>
      <table className="cost-table" aria-label="Total cost of ownership">
        <caption>Total cost of ownership</caption>
        <tbody>
          <tr>
            <th scope="row">Capex</th>
            <td>{money.format(cost.capexUsd)}</td>
          </tr>
          <tr>
            <th scope="row">
              Recurring, {cost.termYears} years{cost.discountRatePct > 0 ? ` at ${cost.discountRatePct} %` : ''}
            </th>
            <td>{money.format(cost.tcoUsd - cost.capexUsd)}</td>
          </tr>
          <tr className="cost-table__total">
            <th scope="row">{head}</th>
            <td>{money.format(cost.tcoUsd)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
