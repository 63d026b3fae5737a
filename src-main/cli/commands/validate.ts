import type { CostBreakdown } from '../../../src-shared/cost/cost';
import type { Intent } from '../../../src-shared/model/intent';
import { PROJECT_EXTENSION } from '../../../src-shared/model/records';
import { restoreTopology, type Topology } from '../../../src-shared/model/topology';
import type { ValidationResult } from '../../../src-shared/validate/types';
import type { Services } from '../../services/container';
import { parseCli } from '../args';
import { CliError, type Command } from '../command';
import { openProject, withServices } from '../session';
import { costSummary, designTable, readIntent, readJsonFile, readPriceBook } from './generate';

const USAGE = 'nettwin validate FILE [--intent FILE] [--price-book FILE] [--json]';

interface Target {
  name: string;
  topology: Topology;
  intent: Intent | undefined;
}

interface Outcome extends Target {
  cost: CostBreakdown;
  validation: ValidationResult;
}

/**
 * The designs in a JSON file: the output of `nettwin generate --json`
 * (`{"designs":[{"topology":…}]}`), one design (`{"topology":…}`) or a bare
 * topology document.
 */
function designsInJson(file: string, raw: unknown): Topology[] {
  const restore = (x: unknown, where: string): Topology => {
    try {
      return restoreTopology(x);
    } catch (err) {
      throw new CliError(`${file}${where}: ${(err as Error).message}`);
    }
  };
  if (raw !== null && typeof raw === 'object') {
    const doc = raw as { designs?: unknown; topology?: unknown };
    if (Array.isArray(doc.designs)) {
      if (doc.designs.length === 0) throw new CliError(`${file}: "designs" is empty`);
      return doc.designs.map((d: unknown, i) =>
        restore(d !== null && typeof d === 'object' ? (d as { topology?: unknown }).topology : undefined, ` designs.${i}.topology`));
    }
    if (doc.topology !== undefined) return [restore(doc.topology, ' topology')];
  }
  return [restore(raw, '')];
}

/** The designs of a project, each with the intent it was generated for (unless one is given). */
function designsInProject(s: Services, file: string, given: Intent | undefined): Target[] {
  const targets = s.designs.withIntents(openProject(s, file, { readOnly: true })).map((d) => ({ ...d, intent: given ?? d.intent }));
  if (targets.length === 0) throw new CliError(`${file} holds no designs`);
  return targets;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check designs against an intent: explained checks and a 0–100 score (exit 1 if any design fails)',
  usage: USAGE,
  run: async (args, io) => {
    const { values, positionals } = parseCli(args, {
      intent: { type: 'string' },
      'price-book': { type: 'string' },
      json: { type: 'boolean' },
    });
    const [file, extra] = positionals;
    if (file === undefined) throw new CliError(`a design or project FILE is required (usage: ${USAGE})`);
    if (extra !== undefined) throw new CliError(`unexpected argument "${extra}" (usage: ${USAGE})`);
    let intent: Intent | undefined;
    if (values.intent !== undefined) {
      const parsed = readIntent(values.intent, io);
      if (parsed === null) return 2;
      intent = parsed;
    }
    const book = readPriceBook(values['price-book'], io);
    if (book === null) return 2;
    const outcomes: Outcome[] = await withServices({}, (s) => {
      const targets: Target[] = file.endsWith(PROJECT_EXTENSION)
        ? designsInProject(s, file, intent)
        : designsInJson(file, readJsonFile(file)).map((topology, i) => ({ name: topology.name || `design ${i + 1}`, topology, intent }));
      return targets.map((t) => ({ ...t, ...s.designs.check(t.topology, t.intent, book) }));
    });
    const allPassed = outcomes.every((o) => o.validation.passed);
    if (values.json === true) {
      io.out(JSON.stringify({
        designs: outcomes.map((o) => ({
          name: o.name,
          family: o.topology.family ?? null,
          seed: o.topology.seed ?? null,
          intent: o.intent?.name ?? null,
          ...costSummary(o.cost),
          cost: o.cost,
          validation: o.validation,
        })),
      }));
      return allPassed ? 0 : 1;
    }
    io.out(designTable(outcomes.map((o) => ({
      label: o.name, nodes: o.topology.nodes.length, links: o.topology.links.length, cost: o.cost, design: o,
    }))));
    for (const o of outcomes) {
      const failing = o.validation.checks.filter((c) => !c.passed);
      if (failing.length === 0) continue;
      io.out(`\n${o.name}${o.intent ? '' : ' (no intent: defaults)'}:`);
      for (const c of failing) io.out(`  ${c.severity.padEnd(7)} ${c.id}: ${c.message}`);
    }
    return allPassed ? 0 : 1;
  },
};
