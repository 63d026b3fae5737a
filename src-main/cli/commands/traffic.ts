import path from 'node:path';
import type { TopologySummary } from '../../../src-shared/model/records';
import type { TmMethod } from '../../../src-shared/traffic/estimate';
import type { PeriodKind, PeriodStatistic } from '../../../src-shared/traffic/mapping';
import { intOption, parseCli } from '../args';
import { CliError, type Command } from '../command';
import { findDesign } from '../designs';
import { openProject, withServices } from '../session';
import { readText } from './import';

const USAGE =
  'nettwin traffic import FILE.nettwin --file COUNTERS.csv|.json [--design ID|NAME] [--period day|week|month|quarter|all] [--statistic p95|max|mean] [--bytes] [--json]\n' +
  '       nettwin traffic estimate FILE.nettwin [--design ID|NAME] [--period LABEL] [--method gravity|tomogravity|nnls] [--top N] [--json]\n' +
  '       nettwin traffic growth FILE.nettwin [--design ID|NAME] [--statistic p95|max|mean] [--ahead N] [--json]';

const PERIODS: readonly PeriodKind[] = ['day', 'week', 'month', 'quarter', 'all'];
const STATISTICS: readonly PeriodStatistic[] = ['p95', 'max', 'mean'];
const METHODS: readonly TmMethod[] = ['gravity', 'tomogravity', 'nnls'];

function oneOf<T extends string>(flag: string, v: string | undefined, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new CliError(`--${flag} must be one of ${allowed.join(', ')} (got "${v}")`);
  return v as T;
}

export function pickDesign(file: string, all: readonly TopologySummary[], wanted: string | undefined): TopologySummary {
  if (all.length === 0) throw new CliError(`${file} holds no designs`);
  if (wanted === undefined) {
    if (all.length > 1) throw new CliError(`${file} holds ${all.length} designs: name one with --design`);
    return all[0]!;
  }
  return findDesign(file, all, wanted);
}

const gbps = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toPrecision(2));

export const trafficCommand: Command = {
  name: 'traffic',
  summary: 'Import measured interface counters onto a design (kept per period) and estimate its traffic matrix',
  usage: USAGE,
  run: async (args, io) => {
    const { values, positionals } = parseCli(args, {
      file: { type: 'string' },
      design: { type: 'string' },
      period: { type: 'string' },
      statistic: { type: 'string' },
      method: { type: 'string' },
      top: { type: 'string' },
      ahead: { type: 'string' },
      bytes: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    });
    const [verb, project] = positionals;
    if ((verb !== 'import' && verb !== 'estimate' && verb !== 'growth') || project === undefined || positionals.length !== 2) {
      throw new CliError(`expected "import FILE.nettwin", "estimate FILE.nettwin" or "growth FILE.nettwin" (usage: ${USAGE})`);
    }
    if (verb === 'growth') {
      const ahead = intOption(values.ahead, 'ahead', 4);
      if (ahead < 1 || ahead > 40) throw new CliError('--ahead must be between 1 and 40 periods');
      const statistic = oneOf('statistic', values.statistic, STATISTICS) ?? 'p95';
      const r = await withServices({}, (s) => {
        const projectId = openProject(s, project);
        const d = pickDesign(project, s.designs.list(projectId), values.design);
        return s.traffic.growth(projectId, d.id, ahead, statistic);
      });
      if (values.json) io.out(JSON.stringify(r));
      else {
        for (const p of r.periods) io.out(`${p.label}: ${gbps(p.totalGbps)} Gbit/s over the ${r.links} links measured in every period (${r.statistic})`);
        if (r.fit === null) io.out('growth: needs at least two measured periods');
        else {
          const pct = (v: number): string => `${(v * 100).toFixed(1)} %`;
          io.out(`growth: ${pct(r.fit.rate)} per period${r.fit.interval ? ` (95 % interval ${pct(r.fit.interval[0])} to ${pct(r.fit.interval[1])})` : ' (two periods: no interval)'}`);
          for (const f of r.forecast) io.out(`  +${f.ahead}: ${gbps(f.expected)} Gbit/s (${gbps(f.low)}–${gbps(f.high)})`);
        }
      }
      return 0;
    }
    if (verb === 'import') {
      if (values.file === undefined) throw new CliError(`--file is required (usage: ${USAGE})`);
      const text = readText(values.file);
      const period = oneOf('period', values.period, PERIODS);
      const statistic = oneOf('statistic', values.statistic, STATISTICS);
      const r = await withServices({}, (s) => {
        const projectId = openProject(s, project);
        const d = pickDesign(project, s.designs.list(projectId), values.design);
        return s.traffic.importCounters({ projectId, designId: d.id, text, source: path.basename(values.file!), period, statistic, bytes: values.bytes });
      });
      if (values.json) io.out(JSON.stringify(r));
      else {
        const m = r.report;
        io.out(`${m.matched} of ${m.samples} samples matched (by link id ${m.byRule.link}, by interface ${m.byRule.interface}, by device pair ${m.byRule.peer})`);
        for (const u of m.unmatched) io.out(`  not matched ×${u.count}: ${u.why} (e.g. ${u.examples.join(', ')})`);
        if (m.unmeasuredLinks.length > 0) io.out(`  ${m.unmeasuredLinks.length} links without measurement: ${m.unmeasuredLinks.slice(0, 10).join(', ')}${m.unmeasuredLinks.length > 10 ? ', …' : ''}`);
        for (const n of m.notes) io.out(`  note: ${n}`);
        for (const p of r.periods) io.out(`period ${p.label}: ${p.samples} samples, ${p.linksMeasured} links measured`);
      }
      return 0;
    }
    const method = oneOf('method', values.method, METHODS);
    const top = intOption(values.top, 'top', 20);
    if (top < 1) throw new CliError('--top must be at least 1');
    const r = await withServices({}, (s) => {
      const projectId = openProject(s, project);
      const d = pickDesign(project, s.designs.list(projectId), values.design);
      return s.traffic.estimate({ projectId, designId: d.id, period: values.period, method, top });
    });
    if (values.json) io.out(JSON.stringify(r));
    else {
      io.out(`${r.method} estimate for period ${r.period}: ${gbps(r.totalGbps)} Gbit/s in total; fit to the measured loads ${(r.fitError * 100).toFixed(2)} % (relative L2)`);
      for (const n of r.notes) io.out(`  note: ${n}`);
      io.out('largest demands:');
      for (const d of r.demands) io.out(`  ${d.source} → ${d.target}: ${gbps(d.gbps)} Gbit/s`);
    }
    return 0;
  },
};
