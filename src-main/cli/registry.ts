import type { Command } from './command';

/**
 * Every subcommand, in the order `--help` lists them, each loaded only when
 * it runs: `nettwin --version` must not pay for the simulator, the store and
 * every importer (the bundle splits each command into its own chunk).
 */
const LOADERS: readonly (readonly [string, () => Promise<Command>])[] = [
  ['version', async () => (await import('./commands/version')).versionCommand],
  ['generate', async () => (await import('./commands/generate')).generateCommand],
  ['validate', async () => (await import('./commands/validate')).validateCommand],
  ['import', async () => (await import('./commands/import')).importCommand],
  ['export', async () => (await import('./commands/export')).exportCommand],
  ['report', async () => (await import('./commands/report')).reportCommand],
  ['analyze', async () => (await import('./commands/analyze')).analyzeCommand],
  ['simulate', async () => (await import('./commands/simulate')).simulateCommand],
  ['recommend', async () => (await import('./commands/recommend')).recommendCommand],
  ['optimise', async () => (await import('./commands/optimise')).optimiseCommand],
  ['learn', async () => (await import('./commands/learn')).learnCommand],
  ['outcomes', async () => (await import('./commands/outcomes')).outcomesCommand],
  ['traffic', async () => (await import('./commands/traffic')).trafficCommand],
  ['capacity', async () => (await import('./commands/capacity')).capacityCommand],
  ['recover', async () => (await import('./commands/recover')).recoverCommand],
];


/**
 * Other spellings users type for a command. The code spells it "optimise";
 * "optimize" stays accepted so scripts and habits written either way work.
 */
const ALIASES: Readonly<Record<string, string>> = { optimize: 'optimise' };

/** The command called `name` (or one of its aliases), or undefined when there is none. */
export async function loadCommand(name: string): Promise<Command | undefined> {
  const canonical = Object.hasOwn(ALIASES, name) ? ALIASES[name]! : name;
  const loader = LOADERS.find(([n]) => n === canonical)?.[1];
  return loader === undefined ? undefined : loader();
}

/** Every command (for `--help`, which lists their summaries). */
export function loadAllCommands(): Promise<Command[]> {
  return Promise.all(LOADERS.map(([, load]) => load()));
}
