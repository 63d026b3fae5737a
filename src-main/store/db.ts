import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

/** The addon path chosen at start-up (see nativeBinding.ts); unset under Node. */
let nativeBinding: string | undefined;

export function useNativeBinding(file: string | undefined): void {
  nativeBinding = file;
}

// An interface, not an alias: the migrations' declarations (composite type-check) name it as `Db`
// rather than better-sqlite3's namespace-private `BetterSqlite3.Database`.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Db extends Database.Database {}

/** The addon option every connection passes (empty under plain Node). */
export function nativeOptions(): Database.Options {
  return nativeBinding === undefined ? {} : { nativeBinding };
}

export class NotAProjectError extends Error {
  override name = 'NotAProjectError';
}

export class DamagedProjectError extends Error {
  override name = 'DamagedProjectError';
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Reads the 16-byte header without opening the file for writing. */
export function looksLikeSqlite(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = fs.readSync(fd, buf, 0, 16, 0);
    return n === 16 && buf.toString('latin1') === SQLITE_MAGIC;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Opens an SQLite file. A file that exists must already be SQLite: we check
 * the header first so a wrong file is never touched (SQLite would otherwise
 * happily treat an empty file as a new database). Errors name the file, not
 * its folder: they reach a browser page, which must not learn the disk layout.
 */
export function openDatabase(file: string, opts: { readOnly?: boolean; create?: boolean } = {}): Db {
  const exists = fs.existsSync(file);
  if (exists && fs.statSync(file).size > 0 && !looksLikeSqlite(file)) {
    throw new NotAProjectError(`${path.basename(file)} is not a NetTwin project (not an SQLite file)`);
  }
  if (!exists && !opts.create) throw new NotAProjectError(`${path.basename(file)} does not exist`);
  if (exists && fs.statSync(file).size === 0) {
    throw new NotAProjectError(`${path.basename(file)} is empty, not a NetTwin project`);
  }
  const options: Database.Options = { readonly: opts.readOnly ?? false, fileMustExist: !opts.create };
  if (nativeBinding !== undefined) options.nativeBinding = nativeBinding;
  const db = new Database(file, options);
  try {
    if (!opts.readOnly) {
      // One file that can be mailed: no -wal/-shm companions left behind.
      db.pragma('journal_mode = DELETE');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 3000');
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
