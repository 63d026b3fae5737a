import fs from 'node:fs';
import { GRAPHML_MAX_CHARS } from '../../src-shared/io/graphml-limits';
import { CliError } from './command';

/** The most the CLI reads from one input file (the 64 MB an import call takes; docs/limits.md). */
export const CLI_FILE_MAX_BYTES = GRAPHML_MAX_CHARS;

/**
 * Reads a text file, counting bytes as they arrive and stopping one byte past
 * `max`: a size from stat is not enough, since a device (/dev/zero), a pipe
 * or /proc file reports 0 and never ends. Errors are one line naming the file.
 */
export function readFileCapped(file: string, max: number = CLI_FILE_MAX_BYTES): string {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    throw unreadable(file, err);
  }
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) throw new CliError(`cannot read ${file}: it is a folder`);
    if (st.isFile() && st.size > max) throw tooBig(file, st.size, max);
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = 1 << 20;
    for (;;) {
      const buf = Buffer.allocUnsafe(chunk);
      let n: number;
      try {
        n = fs.readSync(fd, buf, 0, chunk, null);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw unreadable(file, err);
      }
      if (n === 0) break;
      total += n;
      if (total > max) throw tooBig(file, null, max);
      chunks.push(n === chunk ? buf : buf.subarray(0, n));
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

function tooBig(file: string, size: number | null, max: number): CliError {
  const what = size === null ? 'gave more than that without ending (a device or pipe), stopped' : `file is ${(size / 1048576).toFixed(1)} MB`;
  return new CliError(`${file}: ${size === null ? `larger than the ${max / 1048576} MB NetTwin reads from one file: ${what}` : `${what}, larger than the ${max / 1048576} MB NetTwin reads from one file`} (see docs/limits.md)`);
}

function unreadable(file: string, err: unknown): CliError {
  if (err instanceof CliError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  return new CliError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (err as Error).message}`);
}
