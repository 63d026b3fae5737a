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
