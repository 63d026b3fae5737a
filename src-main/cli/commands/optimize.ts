import { STRATEGIES, type Strategy } from '../../../src-shared/learn/optimize/run';
import { RedundancySchema } from '../../../src-shared/model/intent';
import { OptimizeService, type OptimizeRunResult } from '../../services/optimize';
import { intOption, parseCli } from '../args';
import { CliError, type Command } from '../command';
import { openProject } from './import';
import { asCliError } from './recommend';

const USAGE = 'nettwin optimize FILE.nettwin [--strategy cost|resilience|load] [--design ID] [--keep NONE|STANDARD|HIGH|CRITICAL] [--max-steps N] [--json]';

export const optimizeCommand: Command = {
  name: 'optimize',
  summary: "Improve a project's designs step by step under its governance policy, logging every step",
  usage: USAGE,
  run: async (args, io) => {
    const { values, positionals } = parseCli(args, {
      strategy: { type: 'string', default: 'cost' },
      design: { type: 'string' },
      keep: { type: 'string' },
      'max-steps': { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (positionals.length !== 1) throw new CliError(`expected one project file (usage: ${USAGE})`);
    const strategy = values.strategy as Strategy;
    if (!STRATEGIES.includes(strategy)) throw new CliError(`--strategy must be one of ${STRATEGIES.join(', ')}, got "${values.strategy}"`);
    const keep = values.keep === undefined ? undefined : RedundancySchema.safeParse(values.keep);
    if (keep && !keep.success) throw new CliError(`--keep must be NONE, STANDARD, HIGH or CRITICAL, got "${values.keep}"`);
    const maxSteps = intOption(values['max-steps'], 'max-steps', 10);
    if (maxSteps < 1 || maxSteps > 200) throw new CliError('--max-steps must be between 1 and 200');
    const project = openProject(positionals[0]!);
    try {
      const service = new OptimizeService(() => project);
      const designs = project.topologies.list().filter((d) => values.design === undefined || d.id === values.design || d.name === values.design);
      if (designs.length === 0) throw new CliError(values.design ? `no design "${values.design}" in ${positionals[0]}` : `${positionals[0]} has no designs`);
      const results: { design: string; name: string; result: OptimizeRunResult }[] = [];
      for (const d of designs) {
        const result = await service.run({ projectId: project.path, designId: d.id, strategy, maxSteps, ...(keep?.success ? { keep: keep.data } : {}) });
        results.push({ design: d.id, name: d.name, result });
      }
      if (values.json) {
        io.out(JSON.stringify({ strategy, designs: results.map((r) => ({ design: r.design, revision: r.result.revision, stoppedFor: r.result.stoppedFor, steps: r.result.steps.map((s) => ({ id: s.id, step: s.step, rule: s.rule, status: s.status, rationale: s.rationale, expected: s.expected, decisionReason: s.decisionReason })) })) }));
      } else {
        for (const r of results) {
          io.out(`${r.name} (${r.design}): ${r.result.steps.length} step(s), stopped: ${r.result.stoppedFor}, revision ${r.result.revision}`);
          for (const s of r.result.steps) io.out(`  ${s.step}. [${s.status}] ${s.rationale}${s.status === 'proposed' ? ` — waiting for a person: ${s.decisionReason}` : ''}`);
        }
      }
      return 0;
    } catch (err) {
      return asCliError(err);
    } finally {
      project.close();
    }
  },
};
