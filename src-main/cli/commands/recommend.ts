import { verdictText } from '../../../src-shared/learn/options';
import type { FamilySelection } from '../../../src-shared/learn/verify';
import type { RecommendResult } from '../../services/recommend';
import { intOption, parseCli } from '../args';
import { CliError, type Command } from '../command';
import { withServices } from '../session';
import { readText } from './import';
import { relaxationText } from '../format/relaxation';

const USAGE =
  'nettwin recommend --intent FILE [--mode instant|verified] [--families all|top:N] [--options N] [--knowledge FILE] [--json]';

/**
 * The `--json` shape (issue 17), best first. Verified: `options[]` each with
 * family, seed, success (meets the intent), measured {costUsd, p95LatencyMs,
 * availability, downtimeMinPerYear}, goalMeasure (lower is better) and the
 * failed constraints; `notApplicable[]` / `notBuilt[]` the families left out
 * with the reason. Instant: `options[]` each with family, successProbability,
 * predicted {costUsd, p95LatencyMs, availability}, confidence, pros, cons, rationale.
 * Both: `novelty`, the note on an intent unlike history (null when history
 * knows intents like it) — learn/recommend.ts noveltyNote, the one text the
 * text output, the Options view and the decision pack print.
 */
export function recommendationJson(r: RecommendResult): unknown {
  if (r.mode === 'verified') {
    return {
      mode: r.mode,
      goal: r.goal,
      novelty: r.novelty,
      options: r.options.flatMap((o) =>
        o.verified === undefined
          ? []
          : [{
              family: o.verified.family,
              seed: o.verified.seed,
              success: o.verified.success,
              measured: o.verified.measured,
              goalMeasure: o.verified.goalMeasure,
              failed: o.verified.failed.map((f) => ({ id: f.id, title: f.title, shortfall: f.shortfall })),
              onFront: o.verified.onFront,
            }],
      ),
      notApplicable: (r.skipped ?? []).filter((s) => s.notApplicable).map((s) => ({ family: s.family, reason: s.reason })),
      notBuilt: (r.skipped ?? []).filter((s) => !s.notApplicable).map((s) => ({ family: s.family, reason: s.reason })),
      relaxations: r.relaxations ?? null,
    };
  }
  return {
    mode: r.mode,
    goal: r.goal,
    novelty: r.novelty,
    options: r.options.map((o) => ({
      family: o.family,
      successProbability: o.successProbability,
      predicted: { costUsd: o.predicted.costUsd, p95LatencyMs: o.predicted.p95LatencyMs, availability: o.predicted.availability },
      confidence: o.confidence,
      pros: o.pros,
      cons: o.cons,
      rationale: o.rationale,
    })),
    relaxations: r.relaxations ?? null,
  };
}

/** `all`, or `top:N` (1–20): which families verified mode evaluates. */
export function parseFamilies(raw: string): FamilySelection {
  if (raw === 'all') return 'all';
  const m = /^top:(\d+)$/.exec(raw);
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 20) throw new CliError(`--families must be all or top:N with N from 1 to 20, got "${raw}"`);
  return { top: n };
}

function text(r: RecommendResult): string {
  const lines = [`${r.mode} recommendation for ${r.goal} (model trained on ${r.model.trainedOn} designs; held-out MAPE cost ${r.model.costMapePct ?? 'n/a'} %, p95 ${r.model.p95MapePct ?? 'n/a'} %)`];
  if (r.novelty) lines.push(`note: ${r.novelty}`);
  if (r.realWorld) lines.push(`real world: ${r.realWorld}`);
  r.options.forEach((o, i) => {
    const p = o.predicted;
    const v = o.verified;
    lines.push(
      `${String(i + 1).padStart(2)}. ${o.family.padEnd(13)} ${v !== undefined ? `seed ${v.seed}  ${verdictText(v)}` : `P(success) ${Math.round(100 * o.successProbability)} %  confidence ${o.confidence.toFixed(2)}`}  ${p.costUsd !== null ? `$${Math.round(p.costUsd).toLocaleString('en-US')}` : 'n/a'}  p95 ${p.p95LatencyMs !== null ? `${p.p95LatencyMs} ms` : 'n/a'}  availability ${p.availability !== null ? `${(100 * p.availability).toFixed(4)} %` : 'n/a'}`,
      ...(o.pros.length ? [`    + ${o.pros.join('; ')}`] : []),
      ...(o.cons.length ? [`    - ${o.cons.join('; ')}`] : []),
      `    why: ${o.rationale}`,
    );
  });
  for (const x of r.skipped ?? []) lines.push(`    ${x.family}: ${x.notApplicable ? 'not applicable' : 'could not be built'} — ${x.reason}`);
  if (r.paretoFront) lines.push(`Pareto front (cost, p95, downtime): ${r.paretoFront.map((f) => `${f.family}#${f.seed}`).join(', ')}`);
  if (r.relaxations) lines.push(relaxationText(r.relaxations));
  return lines.join('\n');
}

export const recommendCommand: Command = {
  name: 'recommend',
  summary:
    'Rank topology families for an intent from history (instant) or by generating and simulating every applicable family (verified; --families top:N for fewer, --options N = N variants each)',
  usage: USAGE,
  run: async (args, io) => {
    const { values, positionals } = parseCli(args, {
      intent: { type: 'string' },
      mode: { type: 'string', default: 'instant' },
      options: { type: 'string' },
      families: { type: 'string' },
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
    if (values.families !== undefined && mode !== 'verified') throw new CliError('--families applies to --mode verified (instant ranks every family)');
    const families = values.families === undefined ? 'all' : parseFamilies(values.families);
    const req = { intent: raw, ...(options !== undefined ? { options } : {}), ...(mode === 'verified' ? { families } : {}) };
    const result = await withServices({ knowledge: values.knowledge, needsKnowledge: true }, (s) =>
      mode === 'instant' ? s.recommend.instant(req) : s.recommend.verified(req));
    io.out(values.json ? JSON.stringify(recommendationJson(result)) : text(result));
    return 0;
  },
};
