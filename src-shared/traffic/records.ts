import { z } from 'zod';
import { StoredValueError } from '../lib/versioned';
import type { TmMethod } from './estimate';
import type { MatchReport } from './mapping';

/**
 * Measured traffic as stored in a project and as it crosses the IPC
 * boundary: per period, each measured link's load per direction in Gbit/s
 * (`fwd` = source→target as the design draws the link, null = not measured).
 */
export interface TrafficPeriodRecord {
  id: string;
  topologyId: string;
  label: string;
  statistic: string;
  /** Unix seconds of the first and last sample. */
  start: number;
  end: number;
  samples: number;
  source: string;
  loads: Record<string, { fwd: number | null; rev: number | null }>;
  createdAt: number;
}

/** What importing counters did: the match report and the periods stored. */
export interface TrafficImportResult {
  report: MatchReport;
  periods: { id: string; label: string; start: number; end: number; samples: number; linksMeasured: number }[];
}

/** A traffic matrix estimated from one stored period. */
export interface TrafficEstimateResult {
  period: string;
  method: TmMethod;
  totalGbps: number;
  /** Largest estimated demands, device to device. */
  demands: { source: string; target: string; gbps: number }[];
  /** Measured vs fitted per measured link direction. */
  fit: { link: string; direction: 'fwd' | 'rev'; measuredGbps: number; fittedGbps: number }[];
  fitError: number;
  notes: string[];
}

const LoadsSchema = z.record(z.string(), z.object({ fwd: z.number().nonnegative().nullable(), rev: z.number().nonnegative().nullable() }));

/**
 * A stored period's loads, checked (traffic_periods.loads_json, format 1 —
 * the table's first): a damaged row names itself instead of reaching a chart.
 */
export function restoreTrafficLoads(raw: unknown, where: string): TrafficPeriodRecord['loads'] {
  const r = LoadsSchema.safeParse(raw);
  if (!r.success) throw new StoredValueError(where, r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).slice(0, 3).join('; '));
  return r.data;
}
