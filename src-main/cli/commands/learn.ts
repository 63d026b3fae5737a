import type { LearningReport } from '../../../src-shared/learn/report';
import { parseCli } from '../args';
import { CliError, type Command } from '../command';
import { openProject, withServices } from '../session';
import { learnEffects, LEARN_EFFECTS_USAGE } from './learn-effects';

const USAGE = `nettwin learn report [--knowledge FILE] [--project FILE.nettwin] [--json] | ${LEARN_EFFECTS_USAGE}`;
const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
const num = (x: number | null, digits = 1) => (x === null ? 'n/a' : x.toFixed(digits));

function text(r: LearningReport): string {
  const lines = [
    `history: ${r.samples} samples (${Object.entries(r.byOrigin).map(([k, v]) => `${k} ${v}`).join(', ')})`,
    `success: ${r.successDefinition}`,
    '',
    'success rate per family (Wilson 95 %):',
    ...r.perFamily.map((f) => `  ${f.family.padEnd(13)} ${String(f.successes).padStart(5)}/${String(f.total).padEnd(5)} ${pct(f.rate).padStart(5)}  [${pct(f.interval.low)}–${pct(f.interval.high)}]`),
    '',
    'trend (history in chronological parts; one batch is never split):',
    ...r.trend.map((t, i) => `  ${i + 1}. ${new Date(t.from).toISOString().slice(0, 10)}…${new Date(t.to).toISOString().slice(0, 10)}: ${t.samples} samples, success ${pct(t.rate)} [${pct(t.interval.low)}–${pct(t.interval.high)}]`),
    '',
    `real networks (Topology Zoo): ${r.realNetworks.count}; redundancy reached: ${Object.entries(r.realNetworks.byRedundancy).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`,
    `predictor: trained on ${r.predictor.trainedOn}; held-out (5-fold) MAPE cost ${num(r.predictor.costMapePct)} %, p95 latency ${num(r.predictor.p95MapePct)} %, downtime ${num(r.predictor.downtimeMapePct)} % (MAE ${num(r.predictor.downtimeMaeMin, 0)} min/yr)`,
  ];
  if (r.outcomes.length) {
    lines.push('measured outcomes vs predictions:');
    for (const o of r.outcomes) lines.push(`  ${o.metric}: ${o.count} rows, MAPE ${num(o.mapePct)} % (mean predicted ${o.meanPredicted?.toPrecision(4) ?? 'n/a'}, actual ${o.meanActual?.toPrecision(4) ?? 'n/a'})`);
  }
  lines.push('', `per intent class: ${r.perClass.length} family × class cells (use --json for all of them)`);
  return lines.join('\n');
}

export const learnCommand: Command = {
  name: 'learn',
  summary: 'Learning report: success rates per family and intent class, trends, predictor error; learnt effects and their switches',
  usage: USAGE,
  run: async (args, io) => {
    if (args[0] === 'effects') return learnEffects(args.slice(1), io);
    const { values, positionals } = parseCli(args, {
      knowledge: { type: 'string' },
      project: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (positionals[0] !== 'report' || positionals.length > 1) throw new CliError(`expected "report" or "effects" (usage: ${USAGE})`);
    // With --project, measured outcomes stored in that project are compared with their predictions.
    const projectFile = values.project;
    const report = await withServices({ knowledge: values.knowledge, needsKnowledge: true }, (s) =>
      s.learning.report(projectFile === undefined ? {} : { projectId: openProject(s, projectFile, { readOnly: true }) }));
    io.out(values.json ? JSON.stringify(report) : text(report));
    return 0;
  },
};
