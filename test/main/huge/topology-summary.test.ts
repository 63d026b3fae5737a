import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src-main/store/migrations/index';
import { latestSchemaVersion } from '../../../src-main/store/migrate';
import { openProjectFile } from '../../../src-main/store/projectFile';
import { restoreTopology } from '../../../src-shared/model/topology';
import { tempDir } from '../../helpers/tmp';
import { sampleTopology } from '../../shared/io/sample';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const file = (name: string): string => path.join(tmp.dir, name);

/** Rows as NetTwin wrote them before migration 0030: no summary columns. */
function olderFile(name: string): string {
  const f = file(name);
  openProjectFile(f, { create: { name }, migrations: MIGRATIONS.filter((m) => m.version < 30) }).close();
  const db = new Database(f);
  const insert = db.prepare(
    `INSERT INTO topology_records (id, name, source, topology_json, cost_json, revision, software_version, created_at, updated_at)
     VALUES (?, ?, 'imported', ?, ?, 1, '0.9.0', ?, ?)`,
  );
  insert.run('with-cost', 'with cost', JSON.stringify(sampleTopology()), JSON.stringify({ totalUsd: 1234.5 }), 1, 1);
  insert.run('no-cost', 'no cost', JSON.stringify({ ...sampleTopology(), links: [] }), null, 2, 2);
  insert.run('odd-cost', 'cost not a number', JSON.stringify(sampleTopology()), JSON.stringify({ totalUsd: 'lots' }), 3, 3);
  db.close();
  return f;
}

const expected = [
  { id: 'with-cost', nodeCount: 5, linkCount: sampleTopology().links.length, costUsd: 1234.5 },
  { id: 'no-cost', nodeCount: 5, linkCount: 0, costUsd: null },
  { id: 'odd-cost', nodeCount: 5, linkCount: sampleTopology().links.length, costUsd: null },
];
const counts = (l: { id: string; nodeCount: number; linkCount: number; costUsd: number | null }[]) =>
  l.map(({ id, nodeCount, linkCount, costUsd }) => ({ id, nodeCount, linkCount, costUsd }));

describe('design summaries are stored, so listing designs reads no design document', () => {
  it('an older file is migrated on open: its rows get their counts and cost from their JSON', () => {
    const f = olderFile('older.nettwin');
    openProjectFile(f).close();
    const db = new Database(f, { readonly: true });
    // Filled by the migration itself, not by list()'s fallback.
    expect(db.prepare('SELECT id, node_count AS nodeCount, link_count AS linkCount, cost_usd AS costUsd FROM topology_records ORDER BY created_at').all()).toEqual(expected);
    db.close();
    const p = openProjectFile(f);
    try {
      expect(p.schemaVersion).toBe(latestSchemaVersion(MIGRATIONS)); // every migration ran, the summary columns' (30) among them
      expect(counts(p.topologies.list())).toEqual(expected);
      // The same figures get() computes from the document.
      for (const s of p.topologies.list()) {
        const { topology: _t, cost: _c, softwareVersion: _v, ...fromDoc } = p.topologies.get(s.id);
        expect(s).toEqual(fromDoc);
      }
    } finally {
      p.close();
    }
  });

  it('an older file opened read-only (not migrated) still lists, from the documents', () => {
    const p = openProjectFile(olderFile('older-ro.nettwin'), { readOnly: true });
    try {
      expect(p.schemaVersion).toBe(20);
      expect(counts(p.topologies.list())).toEqual(expected);
    } finally {
      p.close();
    }
  });

  it('list() does not parse documents: a damaged document does not stop the list, only its get()', () => {
    const f = file('damaged.nettwin');
    const p = openProjectFile(f, { create: { name: 'damaged' } });
    const a = p.topologies.insert({ name: 'a', topology: sampleTopology(), source: 'imported', cost: { totalUsd: 10 } });
    const b = p.topologies.insert({ name: 'b', topology: sampleTopology(), source: 'imported' });
    p.close();
    const db = new Database(f);
    db.prepare("UPDATE topology_records SET topology_json = '{\"nodes\": [' WHERE id = ?").run(a.id);
    db.close();
    const q = openProjectFile(f);
    try {
      expect(counts(q.topologies.list())).toEqual([
        { id: a.id, nodeCount: 5, linkCount: 7, costUsd: 10 },
        { id: b.id, nodeCount: 5, linkCount: 7, costUsd: null },
      ]);
      expect(() => q.topologies.get(a.id)).toThrow(/JSON/);
    } finally {
      q.close();
    }
  });

  it('insert returns what get() reads back; update keeps the counts current', () => {
    const p = openProjectFile(file('fresh.nettwin'), { create: { name: 'fresh' } });
    try {
      const rec = p.topologies.insert({ name: 'S', topology: sampleTopology(), source: 'generated', family: 'hybrid', seed: 7, cost: { totalUsd: 99, byRole: {} } });
      expect(rec).toEqual(p.topologies.get(rec.id));
      const smaller = restoreTopology({ ...sampleTopology(), nodes: sampleTopology().nodes.slice(0, 2), links: sampleTopology().links.slice(0, 1) });
      p.topologies.update(rec.id, smaller, 1);
      expect(counts(p.topologies.list())).toEqual([{ id: rec.id, nodeCount: 2, linkCount: 1, costUsd: 99 }]);
    } finally {
      p.close();
    }
  });

  it('insert refuses a design that could not be read back, naming it, and stores nothing', () => {
    const p = openProjectFile(file('refuse.nettwin'), { create: { name: 'refuse' } });
    try {
      const t = sampleTopology();
      const dangling = { ...t, links: [...t.links, { ...t.links[0]!, id: 'lx', target: 'nowhere' }] };
      expect(() => p.topologies.insert({ name: 'Broken', topology: dangling, source: 'imported' })).toThrow(/^invalid design "Broken": .*nowhere/);
      const dup = { ...t, nodes: [...t.nodes, t.nodes[0]!] };
      expect(() => p.topologies.insert({ name: 'Dup', topology: dup, source: 'imported' })).toThrow(/duplicate id/);
      expect(p.topologies.count()).toBe(0);
    } finally {
      p.close();
    }
  });
});
