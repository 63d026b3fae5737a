import { AppError } from '../../src-shared/contract/errors';
import { CliError, type CliIo, type Command } from './command';
import { loadAllCommands, loadCommand } from './registry';

const stdio: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export function helpText(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'NetTwin — design-time digital twin of a network',
    '',
    'Usage: nettwin <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `nettwin <command> --help` for the options of one command.',
  ].join('\n');
}

/** Entry of the command line. Never lets a stack trace reach the user. */
export async function main(argv: string[], io: CliIo = stdio): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText(await loadAllCommands()));
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') return main(['version', ...rest], io);
  const command = await loadCommand(name);
  if (!command) {
    io.err(`nettwin: unknown command "${name}" (see nettwin --help)`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`nettwin ${name}: ${err.message}`);
      return err.exitCode;
    }
    // A service's refusal (bad input, not found, read-only, conflict) or a file that is not a usable project: the input's fault.
    if (err instanceof AppError || (err instanceof Error && /^(NotAProject|Damaged|ProjectLocked|ForeignJournal|InterruptedWrite|TargetExists|StoredValue)/.test(err.name))) {
      io.err(`nettwin ${name}: ${err.message.split('\n')[0] ?? err.message}`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.err(`nettwin ${name}: internal error: ${message.split('\n')[0] ?? ''}`);
    return 1;
  }
}
