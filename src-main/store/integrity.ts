import fs from 'node:fs';
import type { Db } from './db';

/**
 * The check every open runs before a project is offered: SQLite's full
 * integrity_check, which reads every page and matches every index entry to
 * its row (quick_check skips that matching, and a file whose primary-key
 * index disagrees with its table lists a design that cannot then be fetched
 * or deleted), plus the file's length against the page count its header
 * records (SQLite reads a cut-off last page as zeros and integrity_check
 * does not notice). About 0.1 s per 100 MB from a warm disk cache.
 * Returns 'ok' or the first problems found, on one line.
 */
export function checkIntegrity(db: Db, file?: string): string {
  // One read transaction: its shared lock keeps writers in other processes from changing the file meanwhile.
  db.exec('BEGIN');
  try {
    return check(db, file);
  } finally {
    db.exec('COMMIT');
  }
}

function check(db: Db, file?: string): string {
  const rows = db.prepare('PRAGMA integrity_check(3)').all() as { integrity_check: string }[];
  const lines = rows.map((r) => r.integrity_check).filter((l) => l !== 'ok');
  if (file !== undefined) {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    const size = fs.statSync(file).size;
    if (size !== pages * pageSize) {
      lines.push(`the file is ${size} bytes, its header says ${pages} pages of ${pageSize} bytes (${pages * pageSize} bytes): cut off or padded`);
    }
  }
  return lines.length === 0 ? 'ok' : lines.join('; ').replace(/\s+/g, ' ');
}
