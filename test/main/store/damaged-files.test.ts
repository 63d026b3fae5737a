import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Topology } from '../../../src-shared/model/topology';
import { toIpcError } from '../../../src-shared/contract/result';
import { runCli } from './helpers/cli';
import { openProjectFile } from '../../../src-main/store/projectFile';
import { salvageProject } from '../../../src-main/store/salvage';
import { tempDir } from '../../helpers/tmp';

// The four damaged files of issue 14: quick_check passed them, the project
// was offered and listed a design that design:get and design:delete then
// called NOT_FOUND. Each is now refused on open (CLI, host, upload all open
// through openProjectFile), with the file left as it was, and "recover what
// can be read" copies the designs into a new project that opens cleanly.

const tmp = tempDir();
afterAll(tmp.cleanup);

function topology(i: number): Topology {
  const nodes = Array.from({ length: 30 }, (_, k) => ({ id: `n${k}`, name: `site-${i}-${k}`, role: 'router' as const, ports: 48 }));
  const links = Array.from({ length: 29 }, (_, k) => ({ id: `l${k}`, source: `n${k}`, target: `n${k + 1}`, capacityGbps: 10, igpWeight: 1, latencyMs: 1, srlgs: [] }));
  return { formatVersion: 1, name: `design ${i}`, sites: [], nodes, links };
}

let good: string;
const ids: string[] = [];

beforeAll(() => {
  good = path.join(tmp.dir, 'good.nettwin');
  const p = openProjectFile(good, { create: { name: 'Good' } });
  for (let i = 0; i < 40; i++) ids.push(p.topologies.insert({ name: `design ${i}`, topology: topology(i), source: 'imported' }).id);
  p.close();
});

/** Byte offset of `id` inside the primary-key index of topology_records (its keys, not its rows). */
function indexEntryOffset(file: string, id: string): number {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const idx = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'topology_records' AND name LIKE 'sqlite_autoindex%'").get() as { name: string };
  // Pages of the index b-tree (dbstat is compiled into better-sqlite3's SQLite).
  const pages = (db.prepare('SELECT pageno FROM dbstat WHERE name = ?').all(idx.name) as { pageno: number }[]).map((r) => r.pageno);
  db.close();
  const buf = fs.readFileSync(file);
  for (const pg of pages) {
    const at = buf.subarray((pg - 1) * pageSize, pg * pageSize).indexOf(id);
    if (at >= 0) return (pg - 1) * pageSize + at;
  }
  throw new Error(`${id} not found in the index pages`);
}

function damaged(name: string, damage: (buf: Buffer) => Buffer): string {
  const file = path.join(tmp.dir, `${name}.nettwin`);
  fs.writeFileSync(file, damage(Buffer.from(fs.readFileSync(good))));
  return file;
}

const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('a damaged project is refused before it is offered (integrity_check, not quick_check)', () => {
  const cases: [string, (buf: Buffer) => Buffer][] = [
    ['one changed character in a primary-key index entry', (buf) => {
      const at = indexEntryOffset(good, ids[7]!);
      buf[at + ids[7]!.length - 1] = buf[at + ids[7]!.length - 1] === 0x41 ? 0x42 : 0x41;
      return buf;
    }],
    ['a 1-byte truncation', (buf) => buf.subarray(0, buf.length - 1)],
    ['2 bit flips in index keys', (buf) => {
      const at = indexEntryOffset(good, ids[20]!);
      buf[at + 3]! ^= 0x04;
      buf[at + 9]! ^= 0x10;
      return buf;
    }],
    ['2 bit flips in a b-tree page header', (buf) => {
      const pageSize = buf.readUInt16BE(16);
      const at = indexEntryOffset(good, ids[30]!);
      const page = Math.floor(at / pageSize) * pageSize;
      buf[page + 3]! ^= 0x01; // cell count
      buf[page + 5]! ^= 0x20; // cell content start
      return buf;
    }],
  ];

  it.each(cases)('%s: SQLite quick_check still says ok, NetTwin refuses it and leaves it unchanged', async (label, damage) => {
    const file = damaged(label.replace(/\W+/g, '-'), damage);
    const before = sha(file);
    const raw = new Database(file, { readonly: true });
    let quick: string;
    try {
      quick = raw.pragma('quick_check', { simple: true }) as string;
    } catch (err) {
      quick = (err as Error).message;
    }
    raw.close();
    if (!label.includes('page header')) expect(quick).toBe('ok'); // what let these through before
    for (const readOnly of [true, false]) {
      let thrown: unknown;
      try {
        openProjectFile(file, { readOnly }).close();
      } catch (err) {
        thrown = err;
      }
      const e = toIpcError(thrown);
      expect(e.code).toBe('DAMAGED');
      expect(e.message).toContain(path.basename(file));
      expect(e.message).toMatch(/nettwin recover/);
    }
    const cli = await runCli(['validate', file]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/damaged/);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('"recover what can be read" copies every readable design into a new project that opens and serves them', () => {
    const file = damaged('index-damage-for-recovery', cases[0]![1]);
    const before = sha(file);
    const dest = path.join(tmp.dir, 'recovered.nettwin');
    const report = salvageProject(file, dest);
    expect(sha(file)).toBe(before);
    expect(report.tables.find((t) => t.table === 'topology_records')?.copied).toBe(40);
    const p = openProjectFile(dest);
    try {
      expect(p.topologies.count()).toBe(40);
      // The design the damaged index hid is reachable by id again, and can be deleted.
      expect(p.topologies.get(ids[7]!).topology.name).toBe('design 7');
      p.topologies.remove(ids[7]!);
      expect(p.topologies.count()).toBe(39);
      expect(p.meta.get('recovered_from')).toBe(path.basename(file));
      expect(p.name).toBe('Good');
    } finally {
      p.close();
    }
    expect(() => salvageProject(file, dest)).toThrow(/already exists/); // never over an existing file
  });

  it('nettwin recover on a truncated file writes a new project and says what it copied', async () => {
    const file = damaged('cut', cases[1]![1]);
    const out = path.join(tmp.dir, 'cut-recovered.nettwin');
    const r = await runCli(['recover', file, '--out', out]);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toMatch(/topology_records: \d+ rows/);
    const p = openProjectFile(out, { readOnly: true });
    expect(p.topologies.count()).toBeGreaterThanOrEqual(39);
    p.close();
  });
});
