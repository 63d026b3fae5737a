import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { publishReplacing, releaseTemp, tempPathFor } from './atomicFile';
import { DamagedProjectError, nativeOptions } from './db';

/**
 * A write interrupted by a crash leaves SQLite's rollback journal
 * (`<file>-journal`) beside the project; rolling it back restores the last
 * committed state. SQLite does that on the first read-write connection, and
 * trusts that the journal belongs to the file. A journal copied in from
 * elsewhere would then be written into the project. So NetTwin rolls back
 * only in a read-write open, on a copy, and publishes the result only when
 * the journal provably belongs: same page size, page 1's change counter
 * matches, and the rolled-back copy passes integrity_check. The originals
 * are first copied aside (`<file>.recover-<time>` and its `-journal`).
 */

export class ForeignJournalError extends DamagedProjectError {
  override name = 'ForeignJournalError';
}

/** An interrupted write a read-only open must not repair. */
export class InterruptedWriteError extends DamagedProjectError {
  override name = 'InterruptedWriteError';
}

const JOURNAL_MAGIC = Buffer.from('d9d505f920a163d7', 'hex');

export const journalPathFor = (file: string): string => `${file}-journal`;

/**
 * Whether `file` has a hot journal: asked of SQLite itself through a
 * read-only connection, which refuses (SQLITE_READONLY_ROLLBACK) and changes
 * nothing. A journal held by a live writer in another process is not hot.
 */
export function hasHotJournal(file: string): boolean {
  const journal = journalPathFor(file);
  if (!fs.existsSync(journal) || fs.statSync(journal).size === 0) return false;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { ...nativeOptions(), readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return false;
  } catch (err) {
    return (err as { code?: string }).code === 'SQLITE_READONLY_ROLLBACK';
  } finally {
    db?.close();
  }
}

interface JournalHeader {
  pageSize: number;
  sectorSize: number;
  records: number;
  /** Page 1 as it was before the interrupted write, when the journal holds it. */
  page1?: Buffer;
}

function readJournal(journal: string): JournalHeader | null {
  const buf = fs.readFileSync(journal);
  if (buf.length < 28 || !buf.subarray(0, 8).equals(JOURNAL_MAGIC)) return null;
  const nRec = buf.readUInt32BE(8);
  const sectorSize = buf.readUInt32BE(20);
  const pageSize = buf.readUInt32BE(24);
  if (pageSize < 512 || pageSize > 65536 || sectorSize < 32 || sectorSize > 65536) return null;
  const recordSize = pageSize + 8;
  const fit = Math.floor((buf.length - sectorSize) / recordSize);
  const records = nRec === 0xffffffff || nRec === 0 ? fit : Math.min(nRec, fit);
  const header: JournalHeader = { pageSize, sectorSize, records };
  for (let i = 0; i < records; i++) {
    const at = sectorSize + i * recordSize;
    if (buf.readUInt32BE(at) === 1) {
      header.page1 = buf.subarray(at + 4, at + 4 + pageSize);
      break;
    }
  }
  return header;
}

function dbHeader(file: string): { pageSize: number; changeCounter: number; appId: number } {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(100);
    fs.readSync(fd, buf, 0, 100, 0);
    const raw = buf.readUInt16BE(16);
    return { pageSize: raw === 1 ? 65536 : raw, changeCounter: buf.readUInt32BE(24), appId: buf.readUInt32BE(68) };
  } finally {
    fs.closeSync(fd);
  }
}

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[:.]/g, '').replace('T', '-').replace('Z', '');
}

/**
 * Rolls back a hot journal beside `file` if it belongs to it (see above);
 * returns the names of the copies kept aside, or null when there was
 * nothing to roll back. Throws ForeignJournalError, naming both files and
 * leaving them as they were, when the journal does not belong.
 */
export function recoverHotJournal(file: string, expectAppId: number, now: () => number = Date.now): { aside: string } | null {
  if (!hasHotJournal(file)) return null;
  const journal = journalPathFor(file);
  const name = path.basename(file);
  const jname = path.basename(journal);
  const refuse = (why: string): ForeignJournalError => new ForeignJournalError(
    `${jname} does not belong to ${name} (${why}); NetTwin changed neither file. Move ${jname} away to open ${name} as it is, or put it back beside the project it came from`,
  );
  const header = readJournal(journal);
  const db = dbHeader(file);
  if (header === null) throw refuse('it is not an SQLite rollback journal');
  if (header.pageSize !== db.pageSize) throw refuse(`its page size is ${header.pageSize}, the project's is ${db.pageSize}`);
  if (header.page1 !== undefined) {
    const before = header.page1.readUInt32BE(24);
    if (db.changeCounter !== before && db.changeCounter !== ((before + 1) >>> 0)) {
      throw refuse(`it was written for another version of the file (change counter ${before}, the project's is ${db.changeCounter})`);
    }
    if (header.page1.readUInt32BE(68) !== db.appId && db.appId === expectAppId) {
      throw refuse('its first page is from another kind of database');
    }
  }

  // Try the rollback on a copy; the originals are not touched until it proves good.
  const scratch = tempPathFor(file);
  try {
    fs.copyFileSync(file, scratch);
    fs.copyFileSync(journal, journalPathFor(scratch));
    const copy = new Database(scratch, { ...nativeOptions(), fileMustExist: true });
    let check: string;
    let appId: number;
    try {
      copy.prepare('SELECT count(*) FROM sqlite_master').get(); // rolls the journal back
      check = (copy.pragma('integrity_check', { simple: true }) as string);
      appId = copy.pragma('application_id', { simple: true }) as number;
    } catch (err) {
      throw refuse(`rolling it back fails: ${(err as Error).message}`);
    } finally {
      copy.close();
    }
    if (check !== 'ok') throw refuse(`the rolled-back file fails integrity_check: ${check}`);
    if (appId !== expectAppId) throw refuse('the rolled-back file is not a NetTwin project');
    if (fs.existsSync(journalPathFor(scratch))) throw refuse('SQLite did not finish the rollback');

    const aside = `${file}.recover-${stamp(now())}`;
    fs.copyFileSync(file, aside, fs.constants.COPYFILE_EXCL);
    fs.copyFileSync(journal, journalPathFor(aside), fs.constants.COPYFILE_EXCL);
    // Replacing first and removing the journal second: a crash between the two
    // leaves the rolled-back file with its journal, and rolling back again is a no-op.
    publishReplacing(scratch, file);
    fs.rmSync(journal, { force: true });
    return { aside };
  } finally {
    releaseTemp(scratch);
  }
}
