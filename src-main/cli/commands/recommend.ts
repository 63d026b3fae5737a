import fs from 'node:fs';
import { AppError } from '../../../src-shared/contract/result';
import type { RecommendResult } from '../../services/recommend';
import { RecommendService } from '../../services/recommend';
import { findBootstrapKnowledge, LearningService } from '../../services/learning';
import { intOption, parseCli } from '../args';
import { CliError, type Command } from '../command';
import type { ProjectFile } from '../../store/projectFile';
import { readText } from './import';

const USAGE = 'nettwin recommend --intent FILE [--mode instant|verified] [--options N] [--knowledge FILE] [--json]';

/**
 * The learning service for a CLI run: the knowledge base named by
 * --knowledge (created and seeded from the bootstrap when missing, and
 * written to by verified runs), else the shipped bootstrap read-only.
 */
export function cliLearning(knowledge: string | undefined, project: ProjectFile | null = null): LearningService {
  const bootstrap = findBootstrapKnowledge();
  if (knowledge === undefined && bootstrap === null) {
    throw new CliError('no knowledge base: pass --knowledge FILE (the shipped resources/knowledge/bootstrap.nettwin is missing; build it with npm run knowledge:build)');
  }
  const file = knowledge ?? bootstrap!;
  if (knowledge !== undefined && fs.existsSync(knowledge) && fs.statSync(knowledge).isDirectory()) throw new CliError(`${knowledge} is a folder`);
  return new LearningService({ knowledgeFile: file, bootstrapFile: bootstrap, readOnly: knowledge === undefined }, () => {
    if (project === null) throw new CliError('no project is open on the command line');
    return project;
  });
}

/** Rethrows service errors as one-line CLI errors. */
export function asCliError(err: unknown): never {
  if (err instanceof AppError || (err instanceof Error && /^(NotAProject|Damaged|ProjectLocked)/.test(err.name))) {
    throw new CliError(err.message.split('\n')[0] ?? err.message);
  }
  throw err;
}

/** The `--json` shape of the issue: best first, exactly these keys. */
export function recommendationJson(r: RecommendResult): unknown {
  return {
    mode: r.mode,
    options: r.options.map((o) => ({
      family: o.family,
      confidence: o.confidence,
      predicted: { costUsd: o.predicted.costUsd, p95LatencyMs: o.predicted.p95LatencyMs, availability: o.predicted.availability },
      pros: o.pros,
      cons: o.cons,
      rationale: o.rationale,
    })),
  };
}

function text(r: RecommendResult): string {
  const lines = [`${r.mode} recommendation for ${r.goal} (model trained on ${r.model.trainedOn} designs; held-out MAPE cost ${r.model.costMapePct ?? 'n/a'} %, p95 ${r.model.p95MapePct ?? 'n/a'} %)`];
  if (r.novelty) lines.push(`note: ${r.novelty}`);
  if (r.realWorld) lines.push(`real world: ${r.realWorld}`);
  r.options.forEach((o, i) => {
    const p = o.predicted;
    lines.push(
      `${String(i + 1).padStart(2)}. ${o.family.padEnd(13)} confidence ${o.confidence.toFixed(2)}  ${p.costUsd !== null ? `$${Math.round(p.costUsd).toLocaleString('en-US')}` : 'n/a'}  p95 ${p.p95LatencyMs !== null ? `${p.p95LatencyMs} ms` : 'n/a'}  availability ${p.availability !== null ? `${(100 * p.availability).toFixed(4)} %` : 'n/a'}`,
      ...(o.pros.length ? [`    + ${o.pros.join('; ')}`] : []),
      ...(o.cons.length ? [`    - ${o.cons.join('; ')}`] : []),
      `    why: ${o.rationale}`,
    );
  });
  if (r.paretoFront) lines.push(`Pareto front (cost, p95, downtime): ${r.paretoFront.map((f) => `${f.family}#${f.seed}`).join(', ')}`);
  return lines.join('\n');
}

export const recommendCommand: Command = {
  name: 'recommend',
  summary: 'Rank topology families for an intent from history (instant) or by generating and simulating the top ones (verified; --options N = N variants each)',
  usage: USAGE,
  run: async (args, io) => {
    const { values, positionals } = parseCli(args, {
      intent: { type: 'string' },
      mode: { type: 'string', default: 'instant' },
      options: { type: 'string' },
      knowledge: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}" (usage: ${USAGE})`);
    if (values.intent === undefined) throw new CliError(`--intent FILE is required (usage: ${USAGE})`);
    const mode = values.mode;
    if (mode !== 'instant' && mode !== 'verified') throw new CliError(`--mode must be instant or verified, got "${mode}"`);
    const options = values.options === undefined ? undefined : intOption(values.options, 'options', 1);
    if (options !== undefined && (options < 1 || options > 20)) throw new CliError('--options must be between 1 and 20');
    let raw: unknown;
    try {
      raw = JSON.parse(readText(values.intent));
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw new CliError(`${values.intent} is not JSON: ${(err as Error).message}`);
    }
    const learning = cliLearning(values.knowledge);
    try {
      const service = new RecommendService(learning, () => {
        throw new CliError('no project is open on the command line');
      });
      const req = { intent: raw, ...(options !== undefined ? { options } : {}) };
      const result = mode === 'instant' ? service.instant(req) : await service.verified(req);
      io.out(values.json ? JSON.stringify(recommendationJson(result)) : text(result));
      return 0;
    } catch (err) {
      return asCliError(err);
    } finally {
      learning.dispose();
    }
  },
};
