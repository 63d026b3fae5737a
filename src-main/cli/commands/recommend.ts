import type { RecommendResult } from '../../services/recommend';
import { intOption, parseCli } from '../args';
import { CliError, type Command } from '../command';
import { withServices } from '../session';
import { readText } from './import';
import { relaxationText } from '../format/relaxation';

const USAGE = 'nettwin recommend --intent FILE [--mode instant|verified] [--options N] [--knowledge FILE] [--json]';

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
    relaxations: r.relaxations ?? null,
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
  if (r.relaxations) lines.push(relaxationText(r.relaxations));
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
    const req = { intent: raw, ...(options !== undefined ? { options } : {}) };
    const result = await withServices({ knowledge: values.knowledge, needsKnowledge: true }, (s) =>
      mode === 'instant' ? s.recommend.instant(req) : s.recommend.verified(req));
    io.out(values.json ? JSON.stringify(recommendationJson(result)) : text(result));
    return 0;
  },
};
