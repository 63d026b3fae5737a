import type { Command } from './command';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { versionCommand } from './commands/version';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [versionCommand, importCommand, exportCommand];
