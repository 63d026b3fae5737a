import fs from 'node:fs';
import path from 'node:path';
import { MODEL_VERSION } from '../../src-shared/learn/sample';
import { openDatabase } from './db';
import { openProjectFile, type ProjectFile } from './projectFile';
import type { SampleRepository } from './repos/samples';

/**
 * The knowledge base: an SQLite file in the user's data folder (same schema
 * as a project, marked kind=knowledge) that accumulates learning samples
 * across projects. On first use it is seeded from the shipped bootstrap
 * file (resources/knowledge), and seeded again when a new model version makes
 * every row it holds unusable; opening a project merges the project's
 * samples into it by id, so merging twice adds nothing.
 */
export class KnowledgeBase {
  readonly samples: SampleRepository;
  private constructor(readonly file: ProjectFile) {
    this.samples = file.samples;
  }

  static open(file: string, opts: { bootstrap?: string; readOnly?: boolean; now?: () => number } = {}): KnowledgeBase {
    const exists = fs.existsSync(file);
    if (!exists) fs.mkdirSync(path.dirname(file), { recursive: true });
    const pf = openProjectFile(file, {
      ...(exists ? {} : { create: { name: 'NetTwin knowledge base' } }),
      readOnly: exists ? (opts.readOnly ?? false) : false,
      ...(opts.now ? { now: opts.now } : {}),
    });
    const kb = new KnowledgeBase(pf);
    if (!pf.readOnly) {
      if (pf.meta.get('kind') === undefined) pf.meta.set('kind', 'knowledge');
      // Seeded when it holds nothing the current model measured: new, or every row from an older model
      // (a newer bootstrap's rows replace older rows of the same id; the user's own rows stay, left out of fits).
      if (kb.samples.countOfModel(MODEL_VERSION) === 0 && opts.bootstrap && fs.existsSync(opts.bootstrap)) kb.mergeFile(opts.bootstrap);
    }
    return kb;
  }

  /** Merges the samples of another knowledge base or project file (read-only open). */
  mergeFile(other: string): number {
    const db = openDatabase(other, { readOnly: true });
    try {
      const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'learning_samples'").get();
      return has ? this.samples.mergeFrom(db) : 0;
    } finally {
      db.close();
    }
  }

  /** Merges the samples of an open project. */
  mergeProject(project: ProjectFile): number {
    return this.samples.add(project.samples.list());
  }

  close(): void {
    this.file.close();
  }
}
