import { STRATEGIES, type Strategy } from '../../../src-shared/optimise/run';
import { RedundancySchema, type Redundancy } from '../../../src-shared/model/intent';
import type { Services } from '../../services/container';
import type { OptimiseRunResult } from '../../services/optimise';
import { intOption, parseCli } from '../args';
import { CliError, type CliIo, type Command } from '../command';
import { openProject, withServices } from '../session';

const USAGE =
  'nettwin optimise FILE.nettwin [--strategy cost|resilience|load] [--design ID] [--keep NONE|STANDARD|HIGH|CRITICAL] [--max-steps N] [--json]\n' +
  '       nettwin optimise FILE.nettwin (--approve STEP | --reject STEP | --undo STEP) --by NAME --reason TEXT\n' +
  '       nettwin optimise FILE.nettwin --replay STEP | --log\n' +
  '       (`nettwin optimize` is the same command)';

interface Parsed {
  strategy: Strategy;
  maxSteps: number;
  decision: 'approve' | 'reject' | 'undo' | null;
  keep: Redundancy | undefined;
  design?: string | undefined;
  approve?: string | undefined;
  reject?: string | undefined;
  undo?: string | undefined;
  replay?: string | undefined;
  log?: boolean | undefined;
  by?: string | undefined;
  reason?: string | undefined;
  json?: boolean | undefined;
}

async function run(s: Services, projectId: string, file: string, io: CliIo, values: Parsed): Promise<number> {
  const { strategy, maxSteps, decision, keep } = values;
  if (decision !== null) {
    const stepId = (values.approve ?? values.reject ?? values.undo)!;
    const e = decision === 'undo'
      ? s.optimise.undo({ projectId, stepId, actor: values.by!, reason: values.reason! })
      : s.optimise.decide({ projectId, stepId, decision, actor: values.by!, reason: values.reason! });
    io.out(values.json ? JSON.stringify(e) : `step ${e.step} (${e.id}) is now ${e.status} by ${e.decidedBy ?? '?'}: ${e.decisionReason ?? ''}`);
    return 0;
  }
  if (values.replay !== undefined) {
    const r = s.optimise.replay({ projectId, stepId: values.replay });
    io.out(values.json ? JSON.stringify(r) : r.identical ? 'replayed: identical result' : 'replayed: DIFFERENT result');
    return r.identical ? 0 : 1;
  }
  if (values.log) {
    const entries = s.optimise.list({ projectId });
    if (values.json) io.out(JSON.stringify(entries));
    else for (const e of entries) io.out(`${e.id}  ${e.topologyId.slice(0, 8)} #${e.step} [${e.status}] ${e.rule}${e.decidedBy ? ` — ${e.decidedBy}: ${e.decisionReason ?? ''}` : ''}`);
    return 0;
  }
  const designs = s.designs.list(projectId).filter((d) => values.design === undefined || d.id === values.design || d.name === values.design);
  if (designs.length === 0) throw new CliError(values.design ? `no design "${values.design}" in ${file}` : `${file} has no designs`);
  const results: { design: string; name: string; result: OptimiseRunResult }[] = [];
  for (const d of designs) {
    const result = await s.optimise.run({ projectId, designId: d.id, strategy, maxSteps, ...(keep !== undefined ? { keep } : {}) });
    results.push({ design: d.id, name: d.name, result });
  }
  if (values.json) {
    io.out(JSON.stringify({ strategy, designs: results.map((r) => ({ design: r.design, revision: r.result.revision, stoppedFor: r.result.stoppedFor, steps: r.result.steps.map((x) => ({ id: x.id, step: x.step, rule: x.rule, status: x.status, rationale: x.rationale, expected: x.expected, decisionReason: x.decisionReason })) })) }));
  } else {
    for (const r of results) {
      io.out(`${r.name} (${r.design}): ${r.result.steps.length} step(s), stopped: ${r.result.stoppedFor}, revision ${r.result.revision}`);
      for (const x of r.result.steps) io.out(`  ${x.step}. [${x.status}] ${x.rationale}${x.status === 'proposed' ? ` — waiting for a person (${x.decisionReason}); step id ${x.id}` : ''}`);
    }
  }
  return 0;
}

export const optimiseCommand: Command = {
  name: 'optimise',
  summary: "Improve a project's designs step by step under its governance policy, logging every step",
  usage: USAGE,
  run: async (args, io) => {
    const { values, positionals } = parseCli(args, {
      strategy: { type: 'string', default: 'cost' },
      design: { type: 'string' },
      keep: { type: 'string' },
      'max-steps': { type: 'string' },
      approve: { type: 'string' },
      reject: { type: 'string' },
      undo: { type: 'string' },
      replay: { type: 'string' },
      log: { type: 'boolean', default: false },
      by: { type: 'string' },
      reason: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (positionals.length !== 1) throw new CliError(`expected one project file (usage: ${USAGE})`);
    const strategy = values.strategy as Strategy;
    if (!STRATEGIES.includes(strategy)) throw new CliError(`--strategy must be one of ${STRATEGIES.join(', ')}, got "${values.strategy}"`);
    const keep = values.keep === undefined ? undefined : RedundancySchema.safeParse(values.keep);
    if (keep && !keep.success) throw new CliError(`--keep must be NONE, STANDARD, HIGH or CRITICAL, got "${values.keep}"`);
    const maxSteps = intOption(values['max-steps'], 'max-steps', 10);
    if (maxSteps < 1 || maxSteps > 200) throw new CliError('--max-steps must be between 1 and 200');
    const decision = values.approve !== undefined ? 'approve' : values.reject !== undefined ? 'reject' : values.undo !== undefined ? 'undo' : null;
    if (decision !== null) {
      if (values.by === undefined || values.reason === undefined) throw new CliError(`--${decision} needs --by NAME and --reason TEXT`);
    }
    const file = positionals[0]!;
    return withServices({}, (s) => run(s, openProject(s, file), file, io, { ...values, strategy, maxSteps, decision, keep: keep?.success ? keep.data : undefined }));
  },
};
