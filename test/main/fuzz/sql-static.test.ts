import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateFiles, scanSql } from './sql-scan';

/**
 * SQL goes to SQLite only as constant text with `?` parameters. The few
 * places that build SQL from values are listed here, each with why the
 * value cannot come from a user; a new one fails this test until reviewed.
 */

const ROOT = path.resolve(__dirname, '../../..');
/** Everywhere TypeScript may reach better-sqlite3 (the layering check keeps it to src-main/store). */
const SCANNED = ['src-main', 'src-shared', 'scripts'];

const ALLOWED: readonly { file: string; text: string; reason: string }[] = [
  {
    file: 'src-main/store/migrate.ts',
    text: '`user_version = ${m.version}`',
    reason: 'PRAGMA takes no parameters; m.version is a number literal from the migrations list in the source',
  },
  {
    file: 'src-main/store/projectFile.ts',
    text: '`DELETE FROM ${table}`',
    reason: 'table names cannot be parameters; table iterates the constant HISTORY_TABLES',
  },
  {
    file: 'src-main/store/projectFile.ts',
    text: '`application_id = ${PROJECT_APPLICATION_ID}`',
    reason: 'PRAGMA takes no parameters; PROJECT_APPLICATION_ID is a numeric constant',
  },
  {
    file: 'src-main/store/salvage.ts',
    text: '`application_id = ${PROJECT_APPLICATION_ID}`',
    reason: 'PRAGMA takes no parameters; PROJECT_APPLICATION_ID is a numeric constant',
  },
  {
    file: 'src-main/store/salvage.ts',
    text: '`DELETE FROM "${o.table}" WHERE rowid = ?`',
    reason: 'o.table comes from foreign_key_check of the new file, whose tables our migrations made; the rowid is bound',
  },
  {
    file: 'src-main/store/salvage.ts',
    text: '`PRAGMA table_info("${table}")`',
    reason: 'table iterates the tables our migrations made in the new file (never a name read from the damaged file)',
  },
  {
    file: 'src-main/store/salvage.ts',
    text: '`SELECT rowid AS "__rowid", ${list} FROM "${table}" WHERE rowid > ? ORDER BY rowid`',
    reason: "table is one of our migrations' tables; list holds only column names that also exist in our own schema (a damaged file's other names are dropped)",
  },
  {
    file: 'src-main/store/salvage.ts',
    text: "`INSERT OR IGNORE INTO \"${table}\" (${list}) VALUES (${cols.map(() => '?').join(', ')})`",
    reason: 'as above: our table and column names only; every value is bound with ?',
  },
  {
    file: 'src-main/store/repos/topologies.ts',
    text: "`SELECT ${SUMMARY_COLUMNS}${summarised ? ', node_count, link_count, cost_usd' : ''} FROM topology_records ORDER BY created_at, rowid`",
    reason: 'column lists only: SUMMARY_COLUMNS is a constant and the optional part a literal chosen by the schema version',
  },
  {
    file: 'src-main/store/repos/topologies.ts',
    text: '`SELECT revision, intent_id, topology_json, ${this.hasSummaryColumns() ? `COALESCE(node_count, ${count})` : count} AS n FROM topology_records WHERE id = ?`',
    reason: 'count is a constant SQL expression chosen by the schema version; the id is bound with ?',
  },
];

describe('SQL is built from constants only', () => {
  const sites = scanSql(ROOT, candidateFiles(ROOT, SCANNED));

  it('finds the SQL of every repository (the scan sees better-sqlite3 calls at all)', () => {
    const repos = fs.readdirSync(path.join(ROOT, 'src-main/store/repos')).map((f) => `src-main/store/repos/${f}`);
    const withSql = new Set(sites.map((s) => s.file));
    expect(repos.filter((f) => !withSql.has(f))).toEqual([]);
    expect(sites.length).toBeGreaterThan(50);
  });

  it('every SQL text is a constant or a reviewed exception', () => {
    const allowed = (s: { file: string; text: string }) => ALLOWED.some((a) => a.file === s.file && a.text === s.text);
    const built = sites.filter((s) => !s.constant && !allowed(s)).map((s) => `${s.file}:${s.line} ${s.method}(${s.text})`);
    expect(built, 'SQL built from values: bind them with ? instead, or add a reviewed exception').toEqual([]);
  });

  it('every reviewed exception still exists (the list does not rot)', () => {
    const stale = ALLOWED.filter((a) => !sites.some((s) => s.file === a.file && s.text === a.text && !s.constant));
    expect(stale).toEqual([]);
  });

  it('catches interpolation, concatenation and non-constant variables, and ignores RegExp.exec', () => {
    const file = path.join(ROOT, 'test/main/fuzz/__virtual_bad__.ts');
    const found = scanSql(ROOT, [], {
      [file]: `import Database from 'better-sqlite3';
        const db = new Database(':memory:');
        const SAFE = 'SELECT 1';
        export function bad(name: string, table: string) {
          db.prepare(\`SELECT * FROM intents WHERE name = '\${name}'\`).all();
          db.exec('DELETE FROM ' + table);
          let q = 'SELECT 2'; q += name;
          db.prepare(q).get();
          db.prepare(SAFE).get();
          db.prepare('SELECT * FROM intents WHERE name = ?').all(name);
          /x/.exec(name + '!');
        }`,
    });
    expect(found.map((s) => [s.method, s.constant])).toEqual([
      ['prepare', false],
      ['exec', false],
      ['prepare', false],
      ['prepare', true],
      ['prepare', true],
    ]);
  });
});
