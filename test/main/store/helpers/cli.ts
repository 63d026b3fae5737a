import type { CliIo } from '../../../../src-main/cli/command';
import { main } from '../../../../src-main/cli/main';

/** Runs `nettwin …` in this process, capturing its output and exit code. */
export async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await main(argv, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
