/**
 * The soak's record of every write the host acknowledged (an `ok: true`
 * answer, or a `job:finished` with `ok: true`). Values are ordered by the
 * revision the host assigned, so concurrent writers to one design still have
 * one "last acknowledged" value per node or link; a design's name has a
 * single writer (the client that generated it), so its last rename wins.
 */

export interface Position {
  id: string;
  x: number;
  y: number;
}

export interface DesignEntry {
  project: string;
  id: string;
  /** Scratch designs are generated to be deleted; no other write targets them. */
  scratch: boolean;
  deleted: boolean;
  maxRevision: number;
  name: string | null;
  positions: Map<string, { x: number; y: number; revision: number }>;
  capacities: Map<string, { gbps: number; revision: number }>;
}

export interface SimEntry {
  project: string;
  id: string;
  designId: string;
}

/** A project written as a copy (Save As or Export) with what it had to contain when it was asked for. */
export interface CopyEntry {
  file: string;
  from: string;
  kind: 'saveAs' | 'export' | 'export-no-history';
  designs: string[];
  sims: string[];
}

const key = (project: string, id: string): string => `${project}\u0000${id}`;

export class Ledger {
  readonly projects = new Set<string>();
  readonly designs = new Map<string, DesignEntry>();
  readonly sims: SimEntry[] = [];
  readonly copies: CopyEntry[] = [];

  project(id: string): void {
    this.projects.add(id);
  }

  design(project: string, id: string, opts: { scratch?: boolean; revision?: number; name?: string } = {}): DesignEntry {
    let d = this.designs.get(key(project, id));
    if (!d) {
      d = {
        project, id, scratch: opts.scratch ?? false, deleted: false, maxRevision: opts.revision ?? 1,
        name: opts.name ?? null, positions: new Map(), capacities: new Map(),
      };
      this.designs.set(key(project, id), d);
    }
    return d;
  }

  get(project: string, id: string): DesignEntry | undefined {
    return this.designs.get(key(project, id));
  }

  private revised(project: string, designId: string, revision: number): DesignEntry {
    const d = this.design(project, designId);
    d.maxRevision = Math.max(d.maxRevision, revision);
    return d;
  }

  positions(project: string, designId: string, revision: number, positions: readonly Position[]): void {
    const d = this.revised(project, designId, revision);
    for (const p of positions) {
      const prev = d.positions.get(p.id);
      if (!prev || prev.revision < revision) d.positions.set(p.id, { x: p.x, y: p.y, revision });
    }
  }

  capacity(project: string, designId: string, revision: number, linkId: string, gbps: number): void {
    const d = this.revised(project, designId, revision);
    const prev = d.capacities.get(linkId);
    if (!prev || prev.revision < revision) d.capacities.set(linkId, { gbps, revision });
  }

  renamed(project: string, designId: string, name: string): void {
    this.design(project, designId).name = name;
  }

  deleted(project: string, designId: string): void {
    this.design(project, designId).deleted = true;
  }

  sim(project: string, id: string, designId: string): void {
    this.sims.push({ project, id, designId });
  }

  /** Designs and simulations a copy of `project` must hold if it is taken now (scratch designs may vanish meanwhile). */
  snapshot(project: string): { designs: string[]; sims: string[] } {
    const designs = [...this.designs.values()].filter((d) => d.project === project && !d.scratch && !d.deleted).map((d) => d.id);
    const live = new Set(designs);
    const sims = this.sims.filter((s) => s.project === project && live.has(s.designId)).map((s) => s.id);
    return { designs, sims };
  }

  copy(entry: CopyEntry): void {
    this.copies.push(entry);
    this.projects.add(entry.file);
  }

  get editCount(): number {
    let n = 0;
    for (const d of this.designs.values()) n += d.positions.size + d.capacities.size + (d.name !== null ? 1 : 0);
    return n;
  }
}
