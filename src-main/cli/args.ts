import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './command';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with bad flags turned into a one-line CliError. */
export function parseCli<O extends Options>(
  args: string[],
  options: O,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
}

export function intOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new CliError(`--${name} must be a whole number, got "${value}"`);
  return n;
}
