import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Ledger } from './ledger';

export interface FileCheck {
  file: string;
  integrity: string;
  foreignKeyViolations: number;
}

export interface VerifyReport {
  files: FileCheck[];
  checked: { designs: number; revisions: number; positions: number; capacities: number; names: number; sims: number; copies: number };
  /** Every way the files disagree with the ledger or with SQLite's own checks; empty means PASS. */
  problems: string[];
}

interface DesignRow {
  id: string;
  name: string;
  revision: number;
  topology_json: string;
}

interface StoredTopology {
  nodes: { id: string; x?: number; y?: number }[];
  links: { id: string; capacityGbps?: number }[];
}

const PROBLEMS_KEPT = 50;

/** SQLite's own verdict on a file, opened read-only: integrity_check and foreign_key_check. */
export function checkFile(file: string): FileCheck {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const integrity = rows.map((r) => r.integrity_check).join('; ');
    const fk = db.pragma('foreign_key_check') as unknown[];
    return { file, integrity, foreignKeyViolations: fk.length };
  } finally {
    db.close();
  }
}

/**
 * Opens every project file in `projectsDir` (and `extraFiles`, e.g. the
 * knowledge base) read-only after the host has stopped, and checks them
 * against SQLite's checks and against every acknowledged write in `ledger`.
 */
export function verifyProjects(projectsDir: string, ledger: Ledger, extraFiles: readonly string[] = []): VerifyReport {
  const problems: string[] = [];
  const problem = (p: string): void => {
    if (problems.length < PROBLEMS_KEPT) problems.push(p);
    else if (problems.length === PROBLEMS_KEPT) problems.push('… more problems not shown');
  };
  const checked = { designs: 0, revisions: 0, positions: 0, capacities: 0, names: 0, sims: 0, copies: 0 };
  const names = fs.readdirSync(projectsDir);
  for (const n of names) {
    // A clean stop leaves no lock, no hot journal and no half-written copy behind.
    if (/\.lock$|-journal$|-wal$|\.tmp-/.test(n)) problem(`${n}: left behind in the projects folder after the host stopped`);
  }
  const projectFiles = names.filter((n) => n.endsWith('.nettwin')).map((n) => path.join(projectsDir, n));
  const files: FileCheck[] = [];
  for (const file of [...projectFiles, ...extraFiles.filter((f) => fs.existsSync(f))]) {
    try {
      const c = checkFile(file);
      files.push(c);
      if (c.integrity !== 'ok') problem(`${path.basename(file)}: integrity_check says ${c.integrity}`);
      if (c.foreignKeyViolations > 0) problem(`${path.basename(file)}: ${c.foreignKeyViolations} foreign key violations`);
    } catch (err) {
      problem(`${path.basename(file)}: cannot be opened read-only (${(err as Error).message})`);
    }
  }
  for (const project of ledger.projects) {
    if (!fs.existsSync(path.join(projectsDir, project))) problem(`${project}: acknowledged project file is missing`);
  }

  for (const project of new Set([...ledger.designs.values()].map((d) => d.project))) {
    const file = path.join(projectsDir, project);
    if (!fs.existsSync(file)) continue; // already reported
    let db: Database.Database | null = null;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      const rows = new Map((db.prepare('SELECT id, name, revision, topology_json FROM topology_records').all() as DesignRow[]).map((r) => [r.id, r]));
      const simRows = new Map(
        (db.prepare('SELECT s.id, s.topology_id, (SELECT count(*) FROM performance_metrics m WHERE m.simulation_id = s.id) AS metrics FROM simulation_records s').all() as
          { id: string; topology_id: string; metrics: number }[]).map((r) => [r.id, r]),
      );
      for (const d of ledger.designs.values()) {
        if (d.project !== project) continue;
        const where = `${project} design ${d.id}`;
        const row = rows.get(d.id);
        checked.designs++;
        if (d.deleted) {
          if (row) problem(`${where}: acknowledged delete, but the design is still there`);
          continue;
        }
        if (!row) {
          problem(`${where}: acknowledged design is missing`);
          continue;
        }
        checked.revisions++;
        if (row.revision < d.maxRevision) problem(`${where}: revision ${row.revision} is older than acknowledged revision ${d.maxRevision}`);
        if (d.name !== null) {
          checked.names++;
          if (row.name !== d.name) problem(`${where}: name is "${row.name}", acknowledged "${d.name}"`);
        }
        const topo = JSON.parse(row.topology_json) as StoredTopology;
        const nodes = new Map(topo.nodes.map((n) => [n.id, n]));
        for (const [nodeId, want] of d.positions) {
          checked.positions++;
          const n = nodes.get(nodeId);
          if (!n) problem(`${where}: node ${nodeId} is missing`);
          else if (n.x !== want.x || n.y !== want.y) {
            problem(`${where}: node ${nodeId} at (${n.x}, ${n.y}), acknowledged (${want.x}, ${want.y}) in revision ${want.revision}`);
          }
        }
        const links = new Map(topo.links.map((l) => [l.id, l]));
        for (const [linkId, want] of d.capacities) {
          checked.capacities++;
          const got = links.get(linkId)?.capacityGbps;
          if (got !== want.gbps) problem(`${where}: link ${linkId} capacity ${got} Gbit/s, acknowledged ${want.gbps} in revision ${want.revision}`);
        }
      }
      for (const s of ledger.sims) {
        if (s.project !== project) continue;
        const design = ledger.get(project, s.designId);
        if (design?.deleted) continue; // its simulations went with it (ON DELETE CASCADE)
        checked.sims++;
        const row = simRows.get(s.id);
        if (!row) problem(`${project}: acknowledged simulation ${s.id} is missing`);
        else if (row.topology_id !== s.designId) problem(`${project}: simulation ${s.id} belongs to ${row.topology_id}, acknowledged for ${s.designId}`);
        else if (row.metrics === 0) problem(`${project}: simulation ${s.id} has no performance metrics`);
      }
    } catch (err) {
      problem(`${project}: cannot read its records (${(err as Error).message})`);
    } finally {
      db?.close();
    }
  }

  for (const c of ledger.copies) {
    checked.copies++;
    const file = path.join(projectsDir, c.file);
    if (!fs.existsSync(file)) continue; // reported with the projects
    let db: Database.Database | null = null;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      const designs = new Set((db.prepare('SELECT id FROM topology_records').all() as { id: string }[]).map((r) => r.id));
      const sims = new Set((db.prepare('SELECT id FROM simulation_records').all() as { id: string }[]).map((r) => r.id));
      for (const id of c.designs) if (!designs.has(id)) problem(`${c.file} (${c.kind} of ${c.from}): design ${id} acknowledged before the copy is missing`);
      if (c.kind === 'export-no-history') {
        if (sims.size > 0) problem(`${c.file} (export without history): holds ${sims.size} simulations`);
      } else {
        for (const id of c.sims) if (!sims.has(id)) problem(`${c.file} (${c.kind} of ${c.from}): simulation ${id} acknowledged before the copy is missing`);
      }
    } catch (err) {
      problem(`${c.file}: cannot read its records (${(err as Error).message})`);
    } finally {
      db?.close();
    }
  }
  return { files, checked, problems };
}
