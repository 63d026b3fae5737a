import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { latestSchemaVersion, migrate, DatabaseFromFutureError } from '../../../src-main/store/migrate';
import { MIGRATIONS } from '../../../src-main/store/migrations/index';
import { openProjectFile, PROJECT_APPLICATION_ID } from '../../../src-main/store/projectFile';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir();
afterEach(() => {
  for (const f of fs.readdirSync(tmp.dir)) fs.rmSync(path.join(tmp.dir, f), { force: true });
});

const sha = (file: string) => fs.readFileSync(file).toString('base64');

describe('migrations', () => {
  it('bring an empty database to the latest version with STRICT tables for the six records', () => {
    const db = new Database(':memory:');
    const lines: string[] = [];
    expect(migrate(db, (l) => lines.push(l))).toBe(latestSchemaVersion());
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect(lines).toHaveLength(MIGRATIONS.length);
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type='table'").all() as { name: string; sql: string }[];
    const names = tables.map((t) => t.name);
    for (const t of ['topology_records', 'validation_records', 'simulation_records', 'performance_metrics',
      'recommendation_history', 'optimization_log', 'project_meta', 'intents', 'decisions', 'outcomes']) {
      expect(names).toContain(t);
    }
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT$/);
    expect(migrate(db)).toBe(latestSchemaVersion()); // idempotent
  });

  it('are strictly increasing (append-only)', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
    const bad = [{ version: 20, name: 'b', up: () => undefined }, { version: 10, name: 'a', up: () => undefined }];
    expect(() => migrate(new Database(':memory:'), () => undefined, bad)).toThrow(/not monotonic/);
  });

  it('roll back entirely when one step fails', () => {
    const db = new Database(':memory:');
    const steps = [
      { version: 10, name: 'ok', up: (d: Database.Database) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      { version: 20, name: 'boom', up: () => { throw new Error('boom'); } },
    ];
    expect(() => migrate(db, () => undefined, steps)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name='a'").get()).toEqual({ n: 0 });
  });

  it('refuse a database from a newer version', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${latestSchemaVersion() + 10}`);
    expect(() => migrate(db)).toThrow(DatabaseFromFutureError);
  });
});

describe('opening project files', () => {
  it('a newer file: clear error naming both versions, file unchanged', () => {
    const file = path.join(tmp.dir, 'future.nettwin');
    const db = new Database(file);
    db.pragma(`application_id = ${PROJECT_APPLICATION_ID}`);
    db.pragma(`user_version = ${latestSchemaVersion() + 90}`);
    db.close();
    const before = sha(file);
    expect(() => openProjectFile(file)).toThrow(
      new RegExp(`schema version ${latestSchemaVersion() + 90}.*up to schema version ${latestSchemaVersion()}`),
    );
    expect(sha(file)).toBe(before);
  });

  it('a file that is not SQLite: clear error, file untouched', () => {
    const file = path.join(tmp.dir, 'notes.nettwin');
    fs.writeFileSync(file, 'these are my meeting notes, not a database\n'.repeat(50));
    const before = sha(file);
    expect(() => openProjectFile(file)).toThrow(/not a NetTwin project \(not an SQLite file\)/);
    expect(sha(file)).toBe(before);
  });

  it('a damaged project: clear error, file untouched', () => {
    const file = path.join(tmp.dir, 'damaged.nettwin');
    const p = openProjectFile(file, { create: { name: 'Damaged' } });
    for (let i = 0; i < 200; i++) p.meta.set(`k${i}`, 'x'.repeat(400));
    p.close();
    const buf = fs.readFileSync(file);
    buf.fill(0xa5, 4096 + 100, buf.length - 100); // scramble every page after the first
    fs.writeFileSync(file, buf);
    const before = sha(file);
    expect(() => openProjectFile(file)).toThrow(/damaged/);
    expect(sha(file)).toBe(before);
  });

  it('an SQLite file of another application is refused', () => {
    const file = path.join(tmp.dir, 'other.nettwin');
    const db = new Database(file);
    db.exec('CREATE TABLE customers (id INTEGER)');
    db.close();
    const before = sha(file);
    expect(() => openProjectFile(file)).toThrow(/SQLite database but not a NetTwin project/);
    expect(sha(file)).toBe(before);
  });
});

describe('opening a project from an older NetTwin', () => {
  it('keeps a backup copy of the old file, then migrates it', () => {
    const file = path.join(tmp.dir, 'old.nettwin');
    const old = openProjectFile(file, { create: { name: 'Old project' } });
    old.meta.set('marker', 'before');
    old.close();
    const before = sha(file);
    const next = { version: latestSchemaVersion() + 10, name: 'future-column', up: (db: Database.Database) => db.exec('ALTER TABLE intents ADD COLUMN tags TEXT') };
    const p = openProjectFile(file, { migrations: [...MIGRATIONS, next] });
    expect(p.schemaVersion).toBe(next.version);
    expect(p.meta.get('marker')).toBe('before');
    p.close();
    const backup = `${file}.v${latestSchemaVersion()}.bak`;
    expect(fs.existsSync(backup)).toBe(true);
    expect(sha(backup)).toBe(before);
  });
});
