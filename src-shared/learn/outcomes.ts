import type { CostBreakdown } from '../cost/cost';
import { readCsvTable } from '../io/csv';
import { ImportError } from '../io/report';
import type { Topology } from '../model/topology';
import { compileTopology } from '../sim/csr';
import { availabilityOf } from './availability';
import { p95SiteLatencyMs } from './latency';
import { LOAD_MAX_NODES, worstN1Utilisation } from '../optimise/load';

/**
 * Measured outcomes fed back from the network (telemetry exports): one row
 * per design and metric. Accepted metrics and units:
 * - `utilisation`: peak link utilisation, a fraction 0..1 (a value above 1
 *   with unit `%` is read as percent);
 * - `latencyMs`: p95 site-to-site one-way latency in ms;
 * - `incidents`: failure incidents per year;
 * - `capexUsd`: one-time spend actually paid for the design (USD);
 * - `mrcUsd`: monthly recurring cost actually invoiced (USD a month);
 * - `circuitsMonthlyUsd`: the circuits' part of it (USD a month).
 * The cost metrics are compared with the price book's figures for the same
 * design (cost/cost.ts with the project's price book), which is what
 * calibration.ts turns into "circuits cost 18 % above the price book".
 * CSV needs a header with `design`, `metric`, `value` (optional `unit`,
 * `measuredAt` as ISO date or epoch ms); JSON is an array of
 * `{design, metric, value, unit?, measuredAt?}` or `{outcomes: [...]}`.
 */
export const OUTCOME_METRICS = ['utilisation', 'latencyMs', 'incidents', 'capexUsd', 'mrcUsd', 'circuitsMonthlyUsd'] as const;
export type OutcomeMetric = (typeof OUTCOME_METRICS)[number];
export const OUTCOME_UNITS: Record<OutcomeMetric, string> = {
  utilisation: 'fraction', latencyMs: 'ms', incidents: 'per year', capexUsd: 'USD', mrcUsd: 'USD/month', circuitsMonthlyUsd: 'USD/month',
};

export interface MeasuredOutcome {
  design: string;
  metric: OutcomeMetric;
  value: number;
  measuredAt: number | null;
}

export class OutcomeFormatError extends Error {
  override name = 'OutcomeFormatError';
}

const ALIASES: Record<string, OutcomeMetric> = {
  utilisation: 'utilisation', utilization: 'utilisation', util: 'utilisation',
  latency: 'latencyMs', latencyms: 'latencyMs', p95latencyms: 'latencyMs', latency_ms: 'latencyMs',
  incidents: 'incidents', incidentsperyear: 'incidents',
  capex: 'capexUsd', capexusd: 'capexUsd', capex_usd: 'capexUsd',
  mrc: 'mrcUsd', mrcusd: 'mrcUsd', mrc_usd: 'mrcUsd', monthlyusd: 'mrcUsd',
  circuits: 'circuitsMonthlyUsd', circuitsmonthlyusd: 'circuitsMonthlyUsd', circuits_monthly_usd: 'circuitsMonthlyUsd',
};

/** A scalar cell as text (objects and arrays are not cells: they read as empty). */
const cell = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

function normalise(raw: { design?: unknown; metric?: unknown; value?: unknown; unit?: unknown; measuredAt?: unknown }, where: string): MeasuredOutcome {
  const design = typeof raw.design === 'string' ? raw.design.trim() : '';
  if (!design) throw new OutcomeFormatError(`${where}: design is missing`);
  const metric = ALIASES[cell(raw.metric).toLowerCase().replace(/[\s-]/g, '')];
  if (!metric) throw new OutcomeFormatError(`${where}: unknown metric "${cell(raw.metric)}" (expected ${OUTCOME_METRICS.join(', ')})`);
  let value = typeof raw.value === 'number' ? raw.value : Number(cell(raw.value).trim() || NaN);
  if (!Number.isFinite(value) || value < 0) throw new OutcomeFormatError(`${where}: value "${cell(raw.value)}" is not a non-negative number`);
  if (metric === 'utilisation' && (raw.unit === '%' || value > 1.5)) value /= 100;
  let measuredAt: number | null = null;
  if (raw.measuredAt !== undefined && raw.measuredAt !== '' && raw.measuredAt !== null) {
    const text = cell(raw.measuredAt);
    const t = typeof raw.measuredAt === 'number' ? raw.measuredAt : /^\d+$/.test(text) ? Number(text) : Date.parse(text);
    if (!Number.isFinite(t)) throw new OutcomeFormatError(`${where}: measuredAt "${text}" is not a date`);
    measuredAt = t;
  }
  return { design, metric, value, measuredAt };
}

export function parseOutcomes(text: string): MeasuredOutcome[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let doc: unknown;
    try {
      doc = JSON.parse(trimmed);
    } catch (err) {
      throw new OutcomeFormatError(`not valid JSON: ${(err as Error).message}`);
    }
    const list = Array.isArray(doc) ? doc : (doc as { outcomes?: unknown }).outcomes;
    if (!Array.isArray(list)) throw new OutcomeFormatError('JSON must be an array of outcomes or {"outcomes": [...]}');
    return list.map((r, i) => normalise((r ?? {}) as Record<string, unknown>, `outcomes[${i}]`));
  }
  let table;
  try {
    table = readCsvTable(trimmed, 'outcomes');
  } catch (err) {
    if (err instanceof ImportError) throw new OutcomeFormatError(err.message);
    throw err;
  }
  const names = table.header.map((h) => h.trim().toLowerCase());
  for (const need of ['design', 'metric', 'value']) {
    if (!names.includes(need)) throw new OutcomeFormatError(`CSV header must name ${need} (got: ${table.header.join(', ')})`);
  }
  return table.rows.map((r) =>
    normalise(
      { design: r.get('design'), metric: r.get('metric'), value: r.get('value'), unit: r.get('unit'), measuredAt: r.get('measuredAt') },
      `line ${r.line}`,
    ),
  );
}

/**
 * What the twin predicts for each outcome metric of a design: peak link
 * utilisation with nothing failed (gravity traffic, optimise/load.ts), p95
 * site latency (latency.ts), failure incidents a year (availability.ts) and,
 * given the design's price-book cost, its capex, monthly recurring cost and
 * circuits a month (null without one).
 * Utilisation is left null above LOAD_MAX_NODES devices (too large to sweep here).
 */
export function predictedOutcomes(t: Topology, cost: CostBreakdown | null = null): Record<OutcomeMetric, number | null> {
  const g = compileTopology(t);
  const out = {} as Record<OutcomeMetric, number | null>;
  for (const m of OUTCOME_METRICS) out[m] = predictedOutcome(t, m, cost, g);
  return out;
}

/** One metric's prediction (predictedOutcomes), computing only what it needs: the utilisation sweep is the costly one. */
export function predictedOutcome(t: Topology, metric: OutcomeMetric, cost: CostBreakdown | null = null, g = compileTopology(t)): number | null {
  switch (metric) {
    case 'utilisation':
      return t.nodes.length <= LOAD_MAX_NODES ? worstN1Utilisation(t, g).baseline : null;
    case 'latencyMs':
      return p95SiteLatencyMs(t, g);
    case 'incidents':
      return availabilityOf(t, g).incidentsPerYear;
    case 'capexUsd':
      return cost?.capexUsd ?? null;
    case 'mrcUsd':
      return cost?.mrcUsd ?? null;
    case 'circuitsMonthlyUsd':
      return cost?.monthly.circuitsUsd ?? null;
  }
}
