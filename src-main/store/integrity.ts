import type { Db } from './db';

/**
 * The check every open runs before a project is offered: SQLite's full
 * integrity_check, which reads every page and matches every index entry to
 * its row. quick_check skips that matching, and a file whose primary-key
 * index disagrees with its table lists a design that cannot then be fetched
 * or deleted. Returns 'ok' or the first problems found, one line.
 */
export function checkIntegrity(db: Db): string {
  const rows = db.prepare('PRAGMA integrity_check(3)').all() as { integrity_check: string }[];
  const lines = rows.map((r) => r.integrity_check);
  if (lines.length === 1 && lines[0] === 'ok') return 'ok';
  return lines.join('; ').replace(/\s+/g, ' ');
}
