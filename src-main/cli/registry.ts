import type { Command } from './command';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { generateCommand } from './commands/generate';
import { validateCommand } from './commands/validate';
import { versionCommand } from './commands/version';
import { analyzeCommand } from './commands/analyze';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  versionCommand,
  generateCommand,
  validateCommand,
  importCommand,
  exportCommand,
  analyzeCommand,
];
