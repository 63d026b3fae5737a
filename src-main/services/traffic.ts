import { AppError } from '../../src-shared/contract/result';
import { compileTopology } from '../../src-shared/sim/csr';
import { CounterError, parseCounterCsv, parsePrometheusRange, type CounterSample } from '../../src-shared/traffic/counters';
import { estimateTrafficMatrix, type TmMethod } from '../../src-shared/traffic/estimate';
import { fitGrowth, forecast, type Forecast, type GrowthFit } from '../../src-shared/traffic/growth';
import { mapCounters, periodLoads, type PeriodKind, type PeriodStatistic } from '../../src-shared/traffic/mapping';
import type { TrafficEstimateResult, TrafficImportResult, TrafficPeriodRecord } from '../../src-shared/traffic/records';
import { routingMatrix } from '../../src-shared/traffic/routing-matrix';
import type { ProjectFile } from '../store/projectFile';

export interface TrafficImportInput {
  projectId: string;
  designId: string;
  text: string;
  /** File name, for messages and the record. */
  source: string;
  format?: 'csv' | 'prometheus' | undefined;
  period?: PeriodKind | undefined;
  statistic?: PeriodStatistic | undefined;
  /** Prometheus values in bytes/s (rate of an Octets counter). */
  bytes?: boolean | undefined;
}

export interface TrafficGrowthResult {
  statistic: string;
  /** Links measured in every period: the growth is fitted on their summed load. */
  links: number;
  periods: { label: string; totalGbps: number }[];
  fit: GrowthFit | null;
  /** The next periods after the last measured one. */
  forecast: (Forecast & { ahead: number })[];
}

export interface TrafficEstimateInput {
  projectId: string;
  designId: string;
  /** Period label or id; the latest period when absent. */
  period?: string | undefined;
  method?: TmMethod | undefined;
  /** How many demands to return (largest first). */
  top?: number | undefined;
}

/**
 * Measured traffic for a design: counters in (CSV or Prometheus), mapped onto
 * its links and kept per period in the project; traffic matrices estimated
 * from a stored period. The one implementation for IPC and the CLI.
 */
export class TrafficService {
  constructor(private readonly project: (projectId: string) => ProjectFile) {}

  importCounters(input: TrafficImportInput): TrafficImportResult {
    const format = input.format ?? (input.text.trimStart().startsWith('{') ? 'prometheus' : 'csv');
    let samples: CounterSample[];
    try {
      samples = format === 'csv' ? parseCounterCsv(input.text, input.source) : parsePrometheusRange(input.text, input.source, input.bytes ? 'Bps' : 'bps');
    } catch (err) {
      if (err instanceof CounterError || (err instanceof Error && err.name === 'ImportError')) throw new AppError('INVALID_INPUT', err.message);
      throw err;
    }
    const p = this.project(input.projectId);
    const rec = p.topologies.get(input.designId);
    const { mapped, report } = mapCounters(rec.topology, samples);
    if (report.matched === 0) {
      const why = report.unmatched.slice(0, 3).map((u) => `${u.why} (${u.count})`).join('; ');
      throw new AppError('INVALID_INPUT', `${input.source}: no sample matched a link of "${rec.name}"${why ? `: ${why}` : ''}`);
    }
    const g = compileTopology(rec.topology);
    const statistic = input.statistic ?? 'p95';
    const periods = periodLoads(mapped, 2 * g.linkIds.length, input.period ?? 'month', statistic);
    const stored: TrafficImportResult['periods'] = [];
    p.transaction(() => {
      for (const per of periods) {
        const loads: TrafficPeriodRecord['loads'] = {};
        g.linkIds.forEach((id, e) => {
          const fwd = per.loadsGbps[2 * e]!;
          const rev = per.loadsGbps[2 * e + 1]!;
          if (Number.isNaN(fwd) && Number.isNaN(rev)) return;
          loads[id] = { fwd: Number.isNaN(fwd) ? null : fwd, rev: Number.isNaN(rev) ? null : rev };
        });
        const r = p.traffic.upsert({ topologyId: rec.id, label: per.label, statistic, start: per.start, end: per.end, samples: per.samples, source: input.source, loads });
        stored.push({ id: r.id, label: r.label, start: r.start, end: r.end, samples: r.samples, linksMeasured: Object.keys(loads).length });
      }
      p.audit.append('user', 'traffic.import', rec.id, { source: input.source, matched: report.matched, samples: report.samples, periods: stored.map((s) => s.label) });
    });
    return { report, periods: stored };
  }

  periods(projectId: string, designId: string): TrafficPeriodRecord[] {
    const p = this.project(projectId);
    return p.traffic.list(p.topologies.get(designId).id);
  }

  /**
   * Growth fitted on a design's measured periods (one statistic): the summed
   * load of the link directions measured in every period, so a link added
   * to the counters later does not read as growth.
   */
  growth(projectId: string, designId: string, ahead = 4, statistic = 'p95'): TrafficGrowthResult {
    const periods = this.periods(projectId, designId).filter((p) => p.statistic === statistic);
    const keys = periods.length === 0 ? [] : Object.keys(periods[0]!.loads).filter((id) => periods.every((p) => p.loads[id] !== undefined));
    const dirs = (p: TrafficPeriodRecord, id: string): number => (p.loads[id]!.fwd ?? 0) + (p.loads[id]!.rev ?? 0);
    const totals = periods.map((p) => ({ label: p.label, totalGbps: keys.reduce((s, id) => s + dirs(p, id), 0) }));
    const fit = fitGrowth(totals.map((t) => t.totalGbps));
    return {
      statistic,
      links: keys.length,
      periods: totals,
      fit,
      forecast: fit === null ? [] : Array.from({ length: ahead }, (_, i) => ({ ahead: i + 1, ...forecast(fit, i + 1) })),
    };
  }

  estimate(input: TrafficEstimateInput): TrafficEstimateResult {
    const p = this.project(input.projectId);
    const rec = p.topologies.get(input.designId);
    const all = p.traffic.list(rec.id);
    if (all.length === 0) throw new AppError('NOT_FOUND', `no measured traffic for "${rec.name}": import counters first`);
    const period = input.period === undefined ? all[all.length - 1]! : all.find((x) => x.id === input.period || x.label === input.period);
    if (period === undefined) throw new AppError('NOT_FOUND', `no period "${input.period}" for "${rec.name}" (have: ${all.map((x) => x.label).join(', ')})`);
    const g = compileTopology(rec.topology);
    const a = routingMatrix(g);
    const loads = new Float64Array(a.slots).fill(Number.NaN);
    g.linkIds.forEach((id, e) => {
      const l = period.loads[id];
      if (l === undefined) return;
      if (l.fwd !== null) loads[2 * e] = l.fwd;
      if (l.rev !== null) loads[2 * e + 1] = l.rev;
    });
    const method = input.method ?? 'tomogravity';
    const est = estimateTrafficMatrix(a, { loads }, method);
    const order = Array.from(est.x.keys()).filter((k) => est.x[k]! > 0).sort((x, y) => est.x[y]! - est.x[x]!);
    const nameOf = new Map(rec.topology.nodes.map((n) => [n.id, n.name]));
    const label = (i: number): string => nameOf.get(g.nodeIds[i]!) ?? g.nodeIds[i]!;
    return {
      period: period.label,
      method,
      totalGbps: est.x.reduce((s, v) => s + v, 0),
      demands: order.slice(0, input.top ?? 20).map((k) => ({ source: label(a.src[k]!), target: label(a.dst[k]!), gbps: est.x[k]! })),
      fit: est.fit.map((f) => ({ link: g.linkIds[f.slot >> 1]!, direction: f.slot & 1 ? ('rev' as const) : ('fwd' as const), measuredGbps: f.measured, fittedGbps: f.fitted })),
      fitError: est.fitError,
      notes: est.notes,
    };
  }
}
