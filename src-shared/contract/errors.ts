/**
 * The errors that cross the boundary, without zod: the command line's every
 * start imports these (AppError, CliError's neighbours), and loading zod cost
 * ~50 ms of CPU before any command ran (`nettwin --version` included).
 * contract/result.ts re-exports them beside the zod schema of an IpcError.
 */
/** Error codes that cross the boundary. Never a stack trace. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'NOT_A_PROJECT',
  'DAMAGED',
  'FROM_FUTURE',
  'CONFLICT',
  'READ_ONLY',
  'LOCKED',
  'FORBIDDEN',
  /** Over a size limit (src-shared/lib/limits.ts): the message names the size and the limit. */
  'TOO_LARGE',
  'CANCELLED',
  /** The renderer could not reach the back end (no answer, connection dropped). */
  'UNREACHABLE',
  'UNKNOWN_CHANNEL',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface IpcError {
  code: ErrorCode;
  message: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** An error a service throws on purpose, with the code the caller should see. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const BY_NAME: Record<string, ErrorCode> = {
  NotAProjectError: 'NOT_A_PROJECT',
  DamagedProjectError: 'DAMAGED',
  ForeignJournalError: 'DAMAGED',
  InterruptedWriteError: 'DAMAGED',
  // A stored value (a row's JSON) that cannot be read; a newer format's is refused by name in the message.
  StoredValueError: 'DAMAGED',
  TargetExistsError: 'CONFLICT',
  DatabaseFromFutureError: 'FROM_FUTURE',
  RecordNotFoundError: 'NOT_FOUND',
  RevisionConflictError: 'CONFLICT',
  ProjectLockedError: 'LOCKED',
  AbortError: 'CANCELLED',
};

/** Maps any thrown value to `{code, message}`: the first line of the message only, no stack. */
export function toIpcError(err: unknown): IpcError {
  if (err instanceof AppError) return { code: err.code, message: firstLine(err.message) };
  if (err instanceof Error) {
    const code = BY_NAME[err.name];
    if (code) return { code, message: firstLine(err.message) };
    return { code: 'INTERNAL', message: `internal error: ${withoutFolders(firstLine(err.message))}` };
  }
  return { code: 'INTERNAL', message: 'internal error' };
}

/** Folders of absolute paths (`/a/b/`, `C:\\a\\`) in an unplanned error (fs, SQLite); the file name stays. */
const FOLDERS = /(?:\b[A-Za-z]:)?[\\/](?:[^\s'"`\\/]+[\\/])+/g;

/** An unplanned error keeps the disk layout of this machine to itself: it may be read by a browser page. */
function withoutFolders(s: string): string {
  return s.replace(FOLDERS, '');
}

function firstLine(s: string): string {
  const line = s.split('\n')[0] ?? '';
  return line.length > 500 ? `${line.slice(0, 497)}...` : line;
}

/** The one "cancelled" error: a job's signal aborted (toIpcError maps it to CANCELLED). */
export function abortError(): Error {
  const err = new Error('cancelled');
  err.name = 'AbortError';
  return err;
}
