import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openProjectFile } from '../../../src-main/store/projectFile';
import { generateDesign } from '../../../src-shared/generate/generate';
import { benchIntent } from '../../../scripts/bench/intents';
import { Ledger } from '../../../scripts/soak/ledger';
import { verifyProjects } from '../../../scripts/soak/verify';
import { tempDir } from '../../helpers/tmp';

const tmps: { cleanup(): void }[] = [];
afterEach(() => tmps.splice(0).forEach((t) => t.cleanup()));

/**
 * A project written as the host writes it, and the ledger of what it
 * acknowledged: a design, a drag (revision 2), a capacity edit (revision 3),
 * a rename, a simulation, and a deleted scratch design.
 */
function fixture() {
  const tmp = tempDir('nettwin-soak-verify-');
  tmps.push(tmp);
  const id = 'p.nettwin';
  const file = path.join(tmp.dir, id);
  const ledger = new Ledger();
  const project = openProjectFile(file, { create: { name: 'p' } });
  const intent = benchIntent(10, 'HIGH');
  const design = generateDesign(intent, 'dual-ring', 1).topology;
  const rec = project.topologies.insert({ name: 'ring', topology: design, source: 'generated', family: 'dual-ring' });
  ledger.project(id);
  ledger.design(id, rec.id, { revision: rec.revision, name: rec.name });

  const node = design.nodes[0]!;
  const moved = { ...design, nodes: design.nodes.map((n) => (n.id === node.id ? { ...n, x: 12.5, y: -3.25 } : n)) };
  const r2 = project.topologies.update(rec.id, moved, 1);
  ledger.positions(id, rec.id, r2, [{ id: node.id, x: 12.5, y: -3.25 }]);

  const link = design.links[0]!;
  const edited = { ...moved, links: moved.links.map((l) => (l.id === link.id ? { ...l, capacityGbps: 400 } : l)) };
  const r3 = project.topologies.update(rec.id, edited, r2);
  ledger.capacity(id, rec.id, r3, link.id, 400);

  project.topologies.rename(rec.id, 'renamed ring');
  ledger.renamed(id, rec.id, 'renamed ring');

  const sim = project.simulations.insert({
    topologyId: rec.id, topologyRevision: r3, scenarios: 'n1-links', traffic: 'uniform', summary: {},
    result: { design: 'ring', nodes: 0, links: 0, traffic: 'uniform', baseline: { maxLoad: 0, maxUtilisation: 0, totalVolume: 0 }, scenarios: [], elapsedMs: 0, threads: 1 },
    metrics: [{ metric: 'scenarios.total', value: 1, unit: 'count' }],
  });
  ledger.sim(id, sim.id, rec.id);

  const scratch = project.topologies.insert({ name: 'scratch', topology: design, source: 'generated' });
  ledger.design(id, scratch.id, { scratch: true });
  project.topologies.remove(scratch.id);
  ledger.deleted(id, scratch.id);
  project.close();
  return { dir: tmp.dir, file, ledger, designId: rec.id, nodeId: node.id, linkId: link.id, simId: sim.id, scratchId: scratch.id, design };
}

/** Writes to the file behind the ledger's back, as a lost or corrupted write would. */
function tamper(file: string, sql: string, ...params: unknown[]): void {
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  db.prepare(sql).run(...params);
  db.close();
}

describe('soak verification: acknowledged writes against the files', () => {
  it('passes when every acknowledged write is in the file', () => {
    const f = fixture();
    const r = verifyProjects(f.dir, f.ledger);
    expect(r.problems).toEqual([]);
    expect(r.files).toEqual([{ file: f.file, integrity: 'ok', foreignKeyViolations: 0 }]);
    expect(r.checked).toMatchObject({ designs: 2, revisions: 1, positions: 1, capacities: 1, names: 1, sims: 1 });
  });

  it('fails when an acknowledged position is missing (the file rolled back to revision 1)', () => {
    const f = fixture();
    tamper(f.file, 'UPDATE topology_records SET topology_json = ? WHERE id = ?', JSON.stringify(f.design), f.designId);
    const r = verifyProjects(f.dir, f.ledger);
    expect(r.problems.join('\n')).toContain(`node ${f.nodeId} at (undefined, undefined), acknowledged (12.5, -3.25) in revision 2`);
    expect(r.problems.join('\n')).toContain(`link ${f.linkId} capacity`);
  });

  it('fails when a later revision than the file holds was acknowledged', () => {
    const f = fixture();
    tamper(f.file, 'UPDATE topology_records SET revision = 2 WHERE id = ?', f.designId);
    expect(verifyProjects(f.dir, f.ledger).problems).toEqual([
      `p.nettwin design ${f.designId}: revision 2 is older than acknowledged revision 3`,
    ]);
  });

  it('fails when an acknowledged simulation, design or rename is missing, or a deleted design is back', () => {
    const f = fixture();
    tamper(f.file, 'DELETE FROM performance_metrics WHERE simulation_id = ?', f.simId);
    tamper(f.file, 'DELETE FROM simulation_records WHERE id = ?', f.simId);
    tamper(f.file, 'UPDATE topology_records SET name = ? WHERE id = ?', 'ring', f.designId);
    expect(verifyProjects(f.dir, f.ledger).problems).toEqual([
      `p.nettwin design ${f.designId}: name is "ring", acknowledged "renamed ring"`,
      `p.nettwin: acknowledged simulation ${f.simId} is missing`,
    ]);
    tamper(f.file, 'DELETE FROM topology_records WHERE id = ?', f.designId);
    tamper(f.file, "INSERT INTO topology_records (id, name, source, topology_json, software_version, created_at, updated_at) VALUES (?, 'scratch', 'generated', '{}', 'x', 0, 0)", f.scratchId);
    const problems = verifyProjects(f.dir, f.ledger).problems;
    expect(problems).toContain(`p.nettwin design ${f.designId}: acknowledged design is missing`);
    expect(problems).toContain(`p.nettwin design ${f.scratchId}: acknowledged delete, but the design is still there`);
  });

  it('fails on a foreign key violation, a damaged file, a missing project and leftovers of an unclean stop', () => {
    const f = fixture();
    tamper(f.file, 'UPDATE simulation_records SET topology_id = ? WHERE id = ?', 'no-such-design', f.simId);
    expect(verifyProjects(f.dir, f.ledger).problems).toContain('p.nettwin: 1 foreign key violations');

    fs.writeFileSync(`${f.file}.lock`, '{}');
    f.ledger.project('gone.nettwin');
    const problems = verifyProjects(f.dir, f.ledger).problems;
    expect(problems).toContain('p.nettwin.lock: left behind in the projects folder after the host stopped');
    expect(problems).toContain('gone.nettwin: acknowledged project file is missing');

    // Zero the second half of the file: b-tree pages SQLite's own check must reject.
    const bytes = fs.readFileSync(f.file);
    bytes.fill(0, 4096 * 2);
    fs.writeFileSync(f.file, bytes);
    const damaged = verifyProjects(f.dir, f.ledger).problems.join('\n');
    expect(damaged).toMatch(/p\.nettwin: (integrity_check says (?!ok)|cannot be opened read-only)/);
  });
});
