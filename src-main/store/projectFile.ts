import fs from 'node:fs';
import path from 'node:path';
import { APP_VERSION } from '../../src-shared/lib/version';
import { PROJECT_EXTENSION } from '../../src-shared/model/records';
import { looksLikeSqlite, NotAProjectError, openDatabase, type Db } from './db';
import { latestSchemaVersion, migrate } from './migrate';
import { MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/types';
import { acquireLock, processAlive } from './lock';
import { AuditRepository } from './repos/audit';
import { DecisionRepository } from './repos/decisions';
import { OptimizationRepository } from './repos/optimizations';
import { OutcomeRepository } from './repos/outcomes';
import { RecommendationRepository } from './repos/recommendations';
import { SampleRepository } from './repos/samples';
import { IntentRepository } from './repos/intents';
import { MetaRepository } from './repos/meta';
import { SimulationRepository } from './repos/simulations';
import { TopologyRepository } from './repos/topologies';
import { ValidationRepository } from './repos/validations';

/** `PRAGMA application_id` of every NetTwin project file ('NTWN'). */
export const PROJECT_APPLICATION_ID = 0x4e54574e;
export { PROJECT_EXTENSION };

/** Records that are history rather than design: left out of a share "without history". */
export const HISTORY_TABLES = [
  'validation_records', 'performance_metrics', 'simulation_records', 'recommendation_history',
  'optimization_log', 'decisions', 'outcomes', 'audit_log', 'learning_samples',
] as const;

export class DamagedProjectError extends Error {
  override name = 'DamagedProjectError';
}

export interface OpenOptions {
  readOnly?: boolean;
  /** Writers take `<file>.lock` so a second process is told (default true). */
  lock?: boolean;
  /** Create the file when missing, with this project name. */
  create?: { name: string };
  now?: () => number;
  /** The schema steps to apply (tests inject a future step); default: every released migration. */
  migrations?: readonly Migration[];
}

/**
 * Looks at an existing file without changing it: SQLite header, integrity,
 * that it is ours, and its schema version. Throws a clear error otherwise.
 */
export function inspectProjectFile(file: string): { schemaVersion: number } {
  if (fs.existsSync(file) && fs.statSync(file).size > 0 && looksLikeSqlite(file)) recoverInterruptedSave(file);
  const db = openDatabase(file, { readOnly: true });
  try {
    let check: string;
    try {
      check = db.pragma('quick_check', { simple: true }) as string;
    } catch (err) {
      throw new DamagedProjectError(`${path.basename(file)} is damaged and cannot be read (${(err as Error).message})`);
    }
    if (check !== 'ok') throw new DamagedProjectError(`${path.basename(file)} is damaged: ${check}`);
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
    if (appId !== PROJECT_APPLICATION_ID && !(appId === 0 && version === 0 && tables === 0)) {
      throw new NotAProjectError(`${path.basename(file)} is an SQLite database but not a NetTwin project`);
    }
    return { schemaVersion: version };
  } catch (err) {
    if (err instanceof Error && /SQLITE_(CORRUPT|NOTADB)|malformed|not a database/i.test(err.message)
      && !(err instanceof DamagedProjectError)) {
      throw new DamagedProjectError(`${path.basename(file)} is damaged and cannot be read (${err.message})`);
    }
    throw err;
  } finally {
    db.close();
  }
}

/** One open `*.nettwin` file: the single owner of its SQLite connection. */
export class ProjectFile {
  readonly topologies: TopologyRepository;
  readonly intents: IntentRepository;
  readonly validations: ValidationRepository;
  readonly simulations: SimulationRepository;
  readonly meta: MetaRepository;
  readonly audit: AuditRepository;
  readonly recommendations: RecommendationRepository;
  readonly optimizations: OptimizationRepository;
  readonly decisions: DecisionRepository;
  readonly outcomes: OutcomeRepository;
  readonly samples: SampleRepository;

  /**
   * The project owns its connection: callers reach its tables through these
   * repositories only, so every query of a project lives in src-main/store.
   */
  constructor(
    readonly path: string,
    private readonly db: Db,
    readonly readOnly: boolean,
    now: () => number,
    private readonly releaseLock: () => void = () => undefined,
  ) {
    this.topologies = new TopologyRepository(db, now);
    this.intents = new IntentRepository(db, now);
    this.validations = new ValidationRepository(db, now);
    this.simulations = new SimulationRepository(db, now);
    this.meta = new MetaRepository(db);
    this.audit = new AuditRepository(db, now);
    this.recommendations = new RecommendationRepository(db, now);
    this.optimizations = new OptimizationRepository(db, now);
    this.decisions = new DecisionRepository(db, now);
    this.outcomes = new OutcomeRepository(db, now);
    this.samples = new SampleRepository(db);
  }

  /** False once closed (the services reopen a project closed under them). */
  get isOpen(): boolean {
    return this.db.open;
  }

  /** Folds any write-ahead log into the file before it is copied or downloaded (a no-op in rollback mode). */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** Rewrites the file without free pages (the shipped knowledge base is built this way). */
  vacuum(): void {
    this.db.exec('VACUUM');
  }

  get name(): string {
    return this.meta.get('name') ?? path.basename(this.path, PROJECT_EXTENSION);
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /** Runs `fn` in one transaction: all of it is written, or none. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /**
   * Writes a consistent copy to `dest` through SQLite's backup API into a
   * temporary file, fsyncs it and renames it over `dest`, so a crash or a full
   * disk leaves any previous `dest` intact.
   */
  async saveCopy(dest: string): Promise<void> {
    removeStaleTemps(dest);
    const tmp = `${dest}.tmp-${process.pid}-${Date.now()}`;
    try {
      await this.db.backup(tmp);
      fsyncFile(tmp);
      fs.renameSync(tmp, dest);
      fsyncDir(path.dirname(dest));
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      throw err;
    }
  }

  /**
   * A shareable single file: the whole project, or (without history) only
   * its metadata, intents and designs — the records a colleague needs to
   * continue, not this team's validation, simulation, learning and audit trail.
   */
  async exportCopy(dest: string, opts: { includeHistory: boolean; name?: string }): Promise<void> {
    const staging = `${dest}.tmp-${process.pid}-${Date.now()}-export`;
    await this.saveCopy(staging);
    try {
      const copy = openDatabase(staging, {});
      try {
        copy.transaction(() => {
          if (!opts.includeHistory) {
            for (const table of HISTORY_TABLES) copy.prepare(`DELETE FROM ${table}`).run();
          }
          if (opts.name !== undefined) {
            copy.prepare("INSERT INTO project_meta (key, value) VALUES ('name', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(opts.name);
          }
        })();
        if (!opts.includeHistory) copy.exec('VACUUM');
      } finally {
        copy.close();
      }
      fsyncFile(staging);
      fs.renameSync(staging, dest);
    } catch (err) {
      fs.rmSync(staging, { force: true });
      throw err;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
    this.releaseLock();
  }
}

/** Removes `<file>.tmp-<pid>-<time>` left by a save whose process died before its rename. */
export function removeStaleTemps(file: string): number {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.tmp-`;
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && processAlive(pid)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

/** Forces a file's bytes to disk before it is renamed into place. */
function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some platforms cannot open a directory for fsync; the rename is still atomic.
  }
}

/**
 * A save interrupted by a crash or power loss leaves SQLite's rollback
 * journal beside the file; the first read-write connection rolls it back to
 * the last committed state. Do that before looking at the file read-only.
 */
export function recoverInterruptedSave(file: string): boolean {
  if (!fs.existsSync(`${file}-journal`) || fs.statSync(`${file}-journal`).size === 0) return false;
  const db = openDatabase(file, {});
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } finally {
    db.close();
  }
  return true;
}

/** Keeps `<file>.v<N>.bak` before a migration rewrites an older project. */
function backupBeforeMigration(file: string, fromVersion: number): string {
  const backup = `${file}.v${fromVersion}.bak`;
  fs.copyFileSync(file, backup);
  return backup;
}

/** Opens (or creates) a project file, migrating it to the latest schema. */
export function openProjectFile(file: string, opts: OpenOptions = {}): ProjectFile {
  const now = opts.now ?? Date.now;
  const migrations = opts.migrations ?? MIGRATIONS;
  const latest = latestSchemaVersion(migrations);
  const exists = fs.existsSync(file);
  if (!exists && !opts.create) throw new NotAProjectError(`${path.basename(file)} does not exist`);
  let schemaVersion = 0;
  if (exists) {
    schemaVersion = inspectProjectFile(file).schemaVersion;
    if (schemaVersion > latest) {
      throw new NotAProjectError(
        `${path.basename(file)} was written by a newer NetTwin (schema version ${schemaVersion}); this NetTwin ${APP_VERSION} reads up to schema version ${latest}`,
      );
    }
  }
  const readOnly = exists ? (opts.readOnly ?? false) : false;
  if (!readOnly) removeStaleTemps(file);
  const release = !readOnly && opts.lock !== false ? acquireLock(file, `NetTwin ${APP_VERSION}`, now) : () => undefined;
  let db: Db;
  try {
    db = openDatabase(file, { readOnly, create: !exists });
  } catch (err) {
    release();
    throw err;
  }
  try {
    if (!readOnly) {
      if (exists && schemaVersion > 0 && schemaVersion < latest) backupBeforeMigration(file, schemaVersion);
      db.pragma(`application_id = ${PROJECT_APPLICATION_ID}`);
      migrate(db, () => undefined, migrations);
    }
    const project = new ProjectFile(file, db, readOnly, now, release);
    if (!exists && opts.create) {
      project.transaction(() => {
        project.meta.set('name', opts.create!.name);
        project.meta.set('created_at', String(now()));
        project.meta.set('created_by', `NetTwin ${APP_VERSION}`);
      });
    }
    return project;
  } catch (err) {
    db.close();
    release();
    if (!exists) fs.rmSync(file, { force: true });
    throw err;
  }
}
