import { toCsv, type CsvColumn } from './csv';
import { isRecord } from './yaml-doc';

/**
 * One scenario of a failure sweep. Only `scenario` and `kind` are required;
 * the three measures are blank when a sweep did not compute them (e.g. no
 * traffic model). Any other field becomes a column too, so the export keeps
 * up as the simulator's result grows.
 */
export interface SweepCsvRow {
  scenario: string;
  kind: string;
  disconnectedPairs?: number | null;
  strandedDemand?: number | null;
  maxUtilisation?: number | null;
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

/** Per-scenario lists of the analyze contract, and the scenario kind each holds. */
const CONTRACT_LISTS: ReadonlyArray<{ key: string; kind: string; id: (o: Record<string, unknown>) => string }> = [
  { key: 'linkFailures', kind: 'link', id: (o) => `link ${String(o['link'])}` },
  { key: 'nodeFailures', kind: 'node', id: (o) => `node ${String(o['node'])}` },
  {
    key: 'linkPairFailures',
    kind: 'link-pair',
    id: (o) => `links ${Array.isArray(o['links']) ? o['links'].join('+') : `${String(o['a'])}+${String(o['b'])}`}`,
  },
];

/**
 * The scenario rows inside a stored simulation result, whatever its shape:
 * a list of rows, an object with `scenarios` or `rows`, or the analyze
 * contract's `linkFailures` / `nodeFailures` / `linkPairFailures` lists.
 * Returns [] when the result holds no per-scenario rows.
 */
export function sweepRowsFrom(result: unknown): SweepCsvRow[] {
  // A recorded sweep (SweepReportShape) names each scenario `label` and its class `cls`;
  // other producers use `scenario` and `kind`. Both are the same two leading columns.
  const nameOf = (o: Record<string, unknown>): string | undefined =>
    typeof o['scenario'] === 'string' ? o['scenario'] : typeof o['label'] === 'string' ? o['label'] : undefined;
  const asRows = (list: unknown): SweepCsvRow[] | undefined =>
    Array.isArray(list) && list.length > 0 && list.every((o) => isRecord(o) && nameOf(o) !== undefined)
      ? list.map((o: Record<string, unknown>) => {
          const { label: _label, cls: _cls, ...rest } = o;
          const kind = typeof o['kind'] === 'string' ? o['kind'] : typeof o['cls'] === 'string' ? o['cls'] : '';
          return { ...rest, scenario: nameOf(o)!, kind };
        })
      : undefined;
  const direct = asRows(result);
  if (direct) return direct;
  if (!isRecord(result)) return [];
  for (const key of ['scenarios', 'rows', 'results']) {
    const rows = asRows(result[key]);
    if (rows) return rows;
  }
  const out: SweepCsvRow[] = [];
  for (const { key, kind, id } of CONTRACT_LISTS) {
    const list = result[key];
    if (!Array.isArray(list)) continue;
    for (const o of list) {
      if (!isRecord(o)) continue;
      out.push({ scenario: id(o), kind, ...o });
    }
  }
  return out;
}
