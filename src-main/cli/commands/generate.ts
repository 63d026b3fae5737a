import type { Design } from '../../../src-shared/generate/generate';
import type { CostBreakdown } from '../../../src-shared/cost/cost';
import { DEFAULT_PRICE_BOOK, parsePriceBook, type PriceBook } from '../../../src-shared/cost/pricebook';
import { parseIntent, type Intent } from '../../../src-shared/model/intent';
import { PROJECT_EXTENSION } from '../../../src-shared/model/records';
import { FamilySchema, TOPOLOGY_FAMILIES, type Family } from '../../../src-shared/model/topology';
import { intOption, parseCli } from '../args';
import { readFileCapped } from '../readCapped';
import { CliError, type CliIo, type Command } from '../command';
import { openProject, withServices } from '../session';

const USAGE =
  'nettwin generate --intent FILE [--family NAME | --all] [--seed N] [--price-book FILE] [--json] [--out FILE.nettwin]';

/** Reads and parses a JSON file, or says in one line why it cannot. */
export function readJsonFile(file: string): unknown {
  const text = readFileCapped(file);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new CliError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/** The intent in `file`; on problems prints one line per problem (naming the field path) and signals exit 2. */
export function readIntent(file: string, io: CliIo): Intent | null {
  const parsed = parseIntent(readJsonFile(file));
  if (parsed.ok) return parsed.intent;
  for (const p of parsed.problems) io.err(`${file}: ${p}`);
  return null;
}

/** The price book in `file` (DEFAULT_PRICE_BOOK without one); on problems prints one line each and signals exit 2. */
export function readPriceBook(file: string | undefined, io: CliIo): PriceBook | null {
  if (file === undefined) return DEFAULT_PRICE_BOOK;
  const parsed = parsePriceBook(readJsonFile(file));
  if (parsed.ok) return parsed.book;
  for (const p of parsed.problems) io.err(`${file}: ${p}`);
  return null;
}

const usd = (v: number): string => `$${Math.round(v).toLocaleString('en-US')}`;

type CostFigures = Pick<CostBreakdown, 'capexUsd' | 'mrcUsd' | 'tcoUsd' | 'termYears'>;

/** One line per design: size, capex, monthly recurring, TCO over the term (the headline), score and what fails. */
export function designTable(rows: readonly { label: string; nodes: number; links: number; cost: CostFigures | null; design: Pick<Design, 'validation'> }[]): string {
  const width = Math.max(6, ...rows.map((r) => r.label.length));
  const terms = new Set(rows.flatMap((r) => (r.cost ? [r.cost.termYears] : [])));
  const tcoHead = terms.size === 1 ? `${[...terms][0]}-year TCO` : 'TCO (term)';
  const lines = [
    `${'design'.padEnd(width)}  ${'devices'.padStart(7)}  ${'links'.padStart(7)}  ${'capex'.padStart(14)}  ${'monthly'.padStart(11)}  ${tcoHead.padStart(14)}  score  ok   redundancy  failing checks`,
  ];
  for (const r of rows) {
    const v = r.design.validation;
    const failing = v.checks.filter((c) => !c.passed).map((c) => c.id);
    const c = r.cost;
    const tco = c === null ? '-' : terms.size === 1 ? usd(c.tcoUsd) : `${usd(c.tcoUsd)}/${c.termYears}y`;
    lines.push(
      `${r.label.padEnd(width)}  ${String(r.nodes).padStart(7)}  ${String(r.links).padStart(7)}  ${(c === null ? '-' : usd(c.capexUsd)).padStart(14)}  ${(c === null ? '-' : usd(c.mrcUsd)).padStart(11)}  ${tco.padStart(14)}  ${String(v.score).padStart(5)}  ${v.passed ? 'yes' : 'no '}  ${(v.redundancyAchieved ?? 'disconnected').padEnd(10)}  ${failing.join(', ') || '-'}`,
    );
  }
  return lines.join('\n');
}

/** The cost figures a JSON consumer reads first (the whole breakdown is under `cost`). */
export const costSummary = (c: CostBreakdown): { capexUsd: number; mrcUsd: number; tcoUsd: number; termYears: number } => ({
  capexUsd: c.capexUsd, mrcUsd: c.mrcUsd, tcoUsd: c.tcoUsd, termYears: c.termYears,
});

export const generateCommand: Command = {
  name: 'generate',
  summary: 'Generate, price and validate candidate topologies for an intent',
  usage: USAGE,
  run: async (args, io) => {
    const { values, positionals } = parseCli(args, {
      intent: { type: 'string' },
      family: { type: 'string' },
      all: { type: 'boolean' },
      seed: { type: 'string' },
      'price-book': { type: 'string' },
      json: { type: 'boolean' },
      out: { type: 'string' },
    });
    if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}" (usage: ${USAGE})`);
    if (values.intent === undefined) throw new CliError(`--intent FILE is required (usage: ${USAGE})`);
    if (values.family !== undefined && values.all === true) throw new CliError('give --family NAME or --all, not both');
    let family: Family | undefined;
    if (values.family !== undefined) {
      const f = FamilySchema.safeParse(values.family);
      if (!f.success) throw new CliError(`unknown family "${values.family}" (one of ${TOPOLOGY_FAMILIES.join(', ')})`);
      family = f.data;
    }
    if (values.out !== undefined && !values.out.endsWith(PROJECT_EXTENSION)) {
      throw new CliError(`--out must name a ${PROJECT_EXTENSION} project file, got "${values.out}"`);
    }
    const seed = intOption(values.seed, 'seed', 1);
    const intent = readIntent(values.intent, io);
    const priceBook = readPriceBook(values['price-book'], io);
    if (intent === null || priceBook === null) return 2;
    const out = values.out;
    const { designs, skipped, ids } = await withServices({}, (s) => {
      const made = s.designs.candidates(intent, family, seed, priceBook);
      const ids = out === undefined ? [] : s.designs.recordCandidates(openProject(s, out, { create: true }), intent, made.designs).map((d) => d.id);
      return { ...made, ids };
    });
    if (values.json === true) {
      io.out(JSON.stringify({
        designs: designs.map((d) => ({ family: d.family, seed: d.seed, ...costSummary(d.cost), topology: d.topology, cost: d.cost, validation: d.validation })),
        skipped,
      }));
      return 0;
    }
    io.out(`${intent.name}: ${designs.length} design${designs.length === 1 ? '' : 's'}, seed ${seed}, redundancy ${intent.redundancy}`);
    io.out(designTable(designs.map((d) => ({
      label: d.family, nodes: d.topology.nodes.length, links: d.topology.links.length, cost: d.cost, design: d,
    }))));
    for (const s of skipped) io.out(s.notApplicable ? `${s.family}: ${s.reason}` : `skipped ${s.family}: ${s.reason}`);
    if (values.out !== undefined) io.err(`recorded ${ids.length} design${ids.length === 1 ? '' : 's'} with their validations in ${values.out}`);
    return 0;
  },
};
