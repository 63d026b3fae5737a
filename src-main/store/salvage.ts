import Database from 'better-sqlite3';
import path from 'node:path';
import { APP_VERSION } from '../../src-shared/lib/version';
import { publishNew, releaseTemp, tempPathFor } from './atomicFile';
import { nativeOptions, openDatabase } from './db';
import { checkIntegrity } from './integrity';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations/index';
import { PROJECT_APPLICATION_ID } from './projectFile';

/** What a recovery copied, table by table. */
export interface SalvageReport {
  dest: string;
  tables: { table: string; copied: number; unreadable: number; orphaned: number; error?: string }[];
}

/** Gives up skipping forward past unreadable pages of one table after this many jumps. */
const MAX_JUMPS = 64;

/**
 * "Recover what can be read": copies every row that can still be read from
 * a damaged project into a new project file `dest` (latest schema), never
 * changing the damaged file. Rows are read by a scan of each table in rowid
 * order (not through its indexes, which may be the damaged part); when a
 * scan hits an unreadable page it skips forward in growing jumps of rowid.
 * Rows whose parent did not survive (a validation of a lost design) are
 * dropped and counted. The new file passes integrity_check and appears
 * whole or not at all; an existing `dest` is never replaced.
 */
export function salvageProject(src: string, dest: string, now: () => number = Date.now): SalvageReport {
  const from = new Database(src, { ...nativeOptions(), readonly: true, fileMustExist: true });
  const tmp = tempPathFor(dest);
  const report: SalvageReport = { dest, tables: [] };
  try {
    const to = openDatabase(tmp, { create: true });
    try {
      to.pragma(`application_id = ${PROJECT_APPLICATION_ID}`);
      migrate(to, () => undefined, MIGRATIONS);
      to.pragma('foreign_keys = OFF');
      const tables = (to.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
        .map((r) => r.name);
      for (const table of tables) report.tables.push(copyTable(from, to, table));
      // Children of rows that were lost would break the new file's foreign keys.
      const orphans = to.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number }[];
      for (const o of orphans) {
        to.prepare(`DELETE FROM "${o.table}" WHERE rowid = ?`).run(o.rowid);
        const t = report.tables.find((x) => x.table === o.table);
        if (t) {
          t.orphaned++;
          t.copied--;
        }
      }
      const upsert = to.prepare("INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
      upsert.run('recovered_from', path.basename(src));
      upsert.run('recovered_at', String(now()));
      upsert.run('recovered_by', `NetTwin ${APP_VERSION}`);
      if ((to.prepare("SELECT count(*) AS n FROM project_meta WHERE key = 'name'").get() as { n: number }).n === 0) {
        upsert.run('name', `${path.basename(src, '.nettwin')} (recovered)`);
      }
      to.pragma('foreign_keys = ON');
      const check = checkIntegrity(to);
      if (check !== 'ok') throw new Error(`the recovered copy fails its own check: ${check}`);
    } finally {
      to.close();
    }
  } catch (err) {
    releaseTemp(tmp);
    throw err;
  } finally {
    from.close();
  }
  publishNew(tmp, dest);
  return report;
}

function copyTable(from: Database.Database, to: Database.Database, table: string): SalvageReport['tables'][number] {
  const out: SalvageReport['tables'][number] = { table, copied: 0, unreadable: 0, orphaned: 0 };
  let srcCols: string[];
  try {
    srcCols = (from.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
  } catch (err) {
    out.error = `its definition cannot be read (${(err as Error).message})`;
    return out;
  }
  if (srcCols.length === 0) return out; // an older file without this table
  const destCols = new Set((to.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name));
  const cols = srcCols.filter((c) => destCols.has(c));
  const list = cols.map((c) => `"${c}"`).join(', ');
  const read = from.prepare(`SELECT rowid AS "__rowid", ${list} FROM "${table}" WHERE rowid > ? ORDER BY rowid`);
  const insert = to.prepare(`INSERT OR IGNORE INTO "${table}" (${list}) VALUES (${cols.map(() => '?').join(', ')})`);
  let after = Number.MIN_SAFE_INTEGER;
  let jumps = 0;
  let step = 1;
  to.transaction(() => {
    for (;;) {
      try {
        for (const row of read.iterate(after) as Iterable<Record<string, unknown>>) {
          after = row.__rowid as number;
          try {
            const r = insert.run(...cols.map((c) => row[c]));
            if (r.changes > 0) out.copied++;
            else out.unreadable++;
          } catch {
            out.unreadable++; // a value the schema no longer accepts (a damaged cell)
          }
        }
        return;
      } catch (err) {
        out.error = (err as Error).message;
        if (++jumps > MAX_JUMPS) return;
        after = after === Number.MIN_SAFE_INTEGER ? 0 : after + step; // skip forward past the unreadable page
        step *= 2;
      }
    }
  })();
  return out;
}
