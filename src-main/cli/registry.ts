import type { Command } from './command';
import { exportCommand } from './commands/export';
import { reportCommand } from './commands/report';
import { importCommand } from './commands/import';
import { generateCommand } from './commands/generate';
import { validateCommand } from './commands/validate';
import { versionCommand } from './commands/version';
import { analyzeCommand } from './commands/analyze';
import { simulateCommand } from './commands/simulate';
import { recommendCommand } from './commands/recommend';
import { optimizeCommand } from './commands/optimize';
import { learnCommand } from './commands/learn';
import { outcomesCommand } from './commands/outcomes';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  versionCommand,
  generateCommand,
  validateCommand,
  importCommand,
  exportCommand,
  reportCommand,
  analyzeCommand,
  simulateCommand,
  recommendCommand,
  optimizeCommand,
  learnCommand,
  outcomesCommand,
];
