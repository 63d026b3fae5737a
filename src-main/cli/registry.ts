import type { Command } from './command';
import { versionCommand } from './commands/version';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [versionCommand];
