import { toCsv, type CsvColumn } from './csv';

/**
 * One scenario of a failure sweep as the simulator reports it. Only these
 * fields are assumed; any other field of the record becomes a column too, so
 * the export keeps up as the simulator's result grows.
 */
export interface SweepCsvRow {
  scenario: string;
  kind: string;
  disconnectedPairs: number;
  strandedDemand: number;
  maxUtilisation: number;
  [field: string]: unknown;
}

const LEADING = ['scenario', 'kind', 'disconnectedPairs', 'strandedDemand', 'maxUtilisation'] as const;

/** A cell for any JSON-ish value: lists joined with ';', objects as JSON. */
function cellValue(v: unknown): string | number | boolean | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join(';');
  return JSON.stringify(v);
}

/**
 * Sweep scenario rows → CSV: the five leading columns first, then every other
 * field in the order first seen across rows. One line per scenario.
 */
export function sweepToCsv(rows: readonly SweepCsvRow[]): string {
  const names: string[] = [...LEADING];
  const known = new Set<string>(names);
  for (const r of rows) {
    for (const k of Object.keys(r)) {
      if (!known.has(k)) {
        known.add(k);
        names.push(k);
      }
    }
  }
  const columns: Array<CsvColumn<SweepCsvRow>> = names.map((name) => ({ header: name, value: (r) => cellValue(r[name]) }));
  return toCsv(rows, columns);
}
