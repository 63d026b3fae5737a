import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toIpcError } from '../../../src-shared/contract/result';
import { EventBus } from '../../../src-main/services/events';
import { FolderLocator } from '../../../src-main/services/locator';
import { ProjectService } from '../../../src-main/services/projects';
import { RecentProjects } from '../../../src-main/services/recent';
import { openProjectFile } from '../../../src-main/store/projectFile';
import { tempDir } from '../../helpers/tmp';
import { runCli } from './helpers/cli';

// Read-only means read-only: a journal beside a project is rolled back only
// by a read-write open, after both files are copied aside, and only when it
// belongs to the file. Before issue 14, `nettwin validate`, the host's list
// and read-only opens replayed any journal with a read-write connection: a
// foreign journal grew a good project from 618,496 to 1,110,016 bytes and
// left it damaged.

const tmp = tempDir();
afterAll(tmp.cleanup);

const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function project(name: string, designs: number, width = 200): { file: string; ids: string[] } {
  const file = path.join(tmp.dir, `${name}.nettwin`);
  const p = openProjectFile(file, { create: { name } });
  const ids: string[] = [];
  for (let i = 0; i < designs; i++) {
    const nodes = Array.from({ length: width }, (_, k) => ({ id: `n${k}`, name: `${name}-${i}-${k}`, role: 'router' as const, ports: 48 }));
    ids.push(p.topologies.insert({ name: `${name} ${i}`, topology: { formatVersion: 1, name: `${name} ${i}`, sites: [], nodes, links: [] }, source: 'imported' }).id);
  }
  p.close();
  return { file, ids };
}

/**
 * The state a crash leaves: a copy of `file` and of its journal taken while
 * a transaction that rewrote every design had spilled pages into the file.
 */
function crashedCopy(file: string, as: string): { file: string; journal: string } {
  const db = new Database(file);
  db.pragma('cache_size = 5'); // small cache: the transaction writes into the file before commit
  db.exec('BEGIN IMMEDIATE');
  db.prepare("UPDATE topology_records SET name = name || ' (unsaved)', topology_json = replace(topology_json, 'router', 'switch')").run();
  const out = path.join(tmp.dir, as);
  fs.copyFileSync(file, out);
  fs.copyFileSync(`${file}-journal`, `${out}-journal`);
  db.exec('ROLLBACK');
  db.close();
  return { file: out, journal: `${out}-journal` };
}

function service(): ProjectService {
  return new ProjectService(new FolderLocator(tmp.dir), new EventBus(), new RecentProjects(null));
}

describe('a journal beside a project', () => {
  it('a foreign hot journal beside a good project: validate, list and read-only open change neither file', async () => {
    const a = project('A', 6);
    const b = project('B', 30);
    const crashedB = crashedCopy(b.file, 'B-crashed.nettwin');
    const journal = `${a.file}-journal`;
    fs.copyFileSync(crashedB.journal, journal);
    const before = { a: sha(a.file), j: sha(journal), size: fs.statSync(a.file).size };

    const cli = await runCli(['validate', a.file]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('A.nettwin');
    expect(cli.stderr).toContain('A.nettwin-journal');

    const s = service();
    expect(s.list().map((p) => p.id)).not.toContain('A.nettwin'); // not offered while the journal is unresolved
    expect(toIpcError(tryOpen(() => s.openById('A.nettwin', true))).message).toMatch(/unfinished write.*A\.nettwin-journal/);
    s.closeAll();

    expect(sha(a.file)).toBe(before.a);
    expect(fs.statSync(a.file).size).toBe(before.size);
    expect(sha(journal)).toBe(before.j);
  });

  it('a read-write open refuses a journal that does not belong, naming both files, and leaves them as they were', () => {
    const a = project('C', 6);
    const b = project('D', 30);
    const crashedD = crashedCopy(b.file, 'D-crashed.nettwin');
    const journal = `${a.file}-journal`;
    fs.copyFileSync(crashedD.journal, journal);
    const before = { a: sha(a.file), j: sha(journal) };
    const e = toIpcError(tryOpen(() => openProjectFile(a.file)));
    expect(e.code).toBe('DAMAGED');
    expect(e.message).toMatch(/C\.nettwin-journal does not belong to C\.nettwin/);
    expect(sha(a.file)).toBe(before.a);
    expect(sha(journal)).toBe(before.j);
    expect(fs.readdirSync(tmp.dir).filter((n) => n.startsWith('C.nettwin.') && !n.endsWith('-journal'))).toEqual([]); // no copies, no temps, no lock
    // Moving the journal away, as the message says, opens the project as it was.
    fs.rmSync(journal);
    const p = openProjectFile(a.file);
    expect(p.topologies.count()).toBe(6);
    p.close();
  });

  it('a genuine hot journal (a killed write) is rolled back by a read-write open, after both files are copied aside', () => {
    const e = project('E', 30);
    const crashed = crashedCopy(e.file, 'E-crashed.nettwin');
    const before = { f: sha(crashed.file), j: sha(crashed.journal) };
    // Read-only first: refused, nothing changes.
    expect(toIpcError(tryOpen(() => openProjectFile(crashed.file, { readOnly: true }))).code).toBe('DAMAGED');
    expect(sha(crashed.file)).toBe(before.f);
    expect(sha(crashed.journal)).toBe(before.j);

    const p = openProjectFile(crashed.file);
    try {
      expect(p.topologies.count()).toBe(30);
      for (const s of p.topologies.list()) expect(s.name).not.toMatch(/unsaved/); // the last committed state
    } finally {
      p.close();
    }
    expect(fs.existsSync(crashed.journal)).toBe(false);
    const aside = fs.readdirSync(tmp.dir).filter((n) => n.startsWith('E-crashed.nettwin.recover-'));
    expect(aside).toHaveLength(2); // the file and its journal, as they were
    const copy = aside.find((n) => !n.endsWith('-journal'))!;
    expect(sha(path.join(tmp.dir, copy))).toBe(before.f);
    expect(sha(path.join(tmp.dir, `${copy}-journal`))).toBe(before.j);
    expect(fs.readdirSync(tmp.dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('a journal whose page size differs is refused before anything is copied', () => {
    const a = project('F', 3);
    const other = path.join(tmp.dir, 'other-page-size.db');
    const db = new Database(other);
    db.pragma('page_size = 8192');
    db.exec('CREATE TABLE t (x TEXT)');
    db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000));
    db.pragma('cache_size = 2');
    db.exec('BEGIN IMMEDIATE');
    db.prepare("UPDATE t SET x = 'y' || x").run();
    fs.copyFileSync(`${other}-journal`, `${a.file}-journal`);
    db.exec('ROLLBACK');
    db.close();
    const before = sha(a.file);
    expect(toIpcError(tryOpen(() => openProjectFile(a.file))).message).toMatch(/page size is 8192, the project's is 4096/);
    expect(sha(a.file)).toBe(before);
    expect(fs.existsSync(`${a.file}-journal`)).toBe(true);
  });
});

function tryOpen(fn: () => unknown): unknown {
  try {
    const r = fn() as { close?: () => void };
    r.close?.();
    return null;
  } catch (err) {
    return err;
  }
}
