import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { HISTORY_TABLES } from '../../../src-main/store/projectFile';
import { TOPOLOGY_FAMILIES } from '../../../src-shared/model/topology';

/**
 * Reads a project file the way an auditor would: a separate read-only
 * connection, row counts per table, a digest of every row, and SQLite's own
 * integrity and foreign-key checks.
 */

export const TABLES = [
  'project_meta', 'intents', 'topology_records', 'validation_records', 'simulation_records', 'performance_metrics',
  'recommendation_history', 'optimization_log', 'decisions', 'outcomes', 'audit_log', 'learning_samples',
] as const;
export type Table = (typeof TABLES)[number];
export type Counts = Record<Table, number>;

// History tables the ledger counts (capacity plans live in tables of their own that only capacity:* writes, like traffic_periods).
export const HISTORY: readonly Table[] = (HISTORY_TABLES as readonly string[]).filter((t): t is Table => (TABLES as readonly string[]).includes(t));
export const FAMILY_COUNT = TOPOLOGY_FAMILIES.length;

/** The tables a design's rows live in, with the column that names the design (ON DELETE CASCADE). */
export const DESIGN_CHILDREN: readonly Table[] = [
  'validation_records', 'simulation_records', 'performance_metrics', 'optimization_log', 'outcomes',
];

export interface Look {
  counts: Counts;
  /** sha1 over every row of every table, in rowid order. */
  digest: string;
  metaKeys: Set<string>;
}

function withDb<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/**
 * What a file's bytes are at: inode, size, modification time, and SQLite's
 * file change counter (header offset 24), which every committed write
 * transaction bumps in the rollback-journal mode project files use
 * (src-main/store/db.ts). The same stamp means no write since: the last look
 * is still the truth, and the fuzz need not re-read and re-digest every row
 * of a growing project after each of its thousand-odd calls.
 */
function stampOf(file: string): string {
  const st = fs.statSync(file, { bigint: true });
  const header = Buffer.alloc(4);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 4, 24);
  } finally {
    fs.closeSync(fd);
  }
  return `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}:${header.readUInt32BE(0)}`;
}

const looks = new Map<string, { stamp: string; look: Look }>();

/** Counts, digest and meta keys of a file: re-read only when its stamp moved since the last look. */
export function look(file: string): Look {
  const stamp = stampOf(file);
  let known = looks.get(file);
  if (known?.stamp !== stamp) looks.set(file, (known = { stamp, look: readLook(file) }));
  const { counts, digest, metaKeys } = known.look;
  return { counts: { ...counts }, digest, metaKeys: new Set(metaKeys) };
}

// Table names below come from the constant TABLES list, never from input.
function readLook(file: string): Look {
  return withDb(file, (db) => {
    const hash = createHash('sha1');
    const counts = {} as Counts;
    for (const t of TABLES) {
      const rows = db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).raw().all();
      counts[t] = rows.length;
      hash.update(t).update(JSON.stringify(rows));
    }
    const metaKeys = new Set((db.prepare('SELECT key FROM project_meta').pluck().all() as string[]));
    return { counts, digest: hash.digest('hex'), metaKeys };
  });
}

/** Rows in the design's child tables (what deleting it cascades to). */
export function childCounts(file: string, designId: string): Partial<Record<Table, number>> {
  return withDb(file, (db) => {
    const out: Partial<Record<Table, number>> = {};
    for (const t of DESIGN_CHILDREN) {
      const n = db.prepare(`SELECT count(*) FROM ${t} WHERE topology_id = ?`).pluck().get(designId) as number;
      if (n > 0) out[t] = n;
    }
    return out;
  });
}

/** `PRAGMA integrity_check` and `PRAGMA foreign_key_check` of one file: problems, or an empty list. */
export function integrityProblems(file: string): string[] {
  return withDb(file, (db) => {
    const problems: string[] = [];
    const check = db.pragma('integrity_check', { simple: true }) as string;
    if (check !== 'ok') problems.push(`integrity_check: ${check}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 5))}`);
    return problems;
  });
}
