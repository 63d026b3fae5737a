import fs from 'node:fs';
import path from 'node:path';
import { APP_VERSION } from '../../src-shared/lib/version';
import { PROJECT_EXTENSION } from '../../src-shared/model/records';
import { publishNew, publishReplacing, releaseTemp, sweepDeadTemps, tempPathFor, TargetExistsError } from './atomicFile';
import { DamagedProjectError, NotAProjectError, openDatabase, type Db } from './db';
import { checkIntegrity } from './integrity';
import { hasHotJournal, InterruptedWriteError, journalPathFor, recoverHotJournal } from './journal';
import { latestSchemaVersion, migrate } from './migrate';
import { MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/types';
import { acquireLock } from './lock';
import { AuditRepository } from './repos/audit';
import { DecisionRepository } from './repos/decisions';
import { OptimisationRepository } from './repos/optimisations';
import { OutcomeRepository } from './repos/outcomes';
import { RecommendationRepository } from './repos/recommendations';
import { SampleRepository } from './repos/samples';
import { TrafficRepository } from './repos/traffic';
import { CapacityRepository } from './repos/capacity';
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
  'optimization_log', 'decisions', 'outcomes', 'audit_log', 'learning_samples', 'capacity_steps', 'capacity_plans',
] as const;

export { DamagedProjectError };

export interface OpenOptions {
  readOnly?: boolean;
  /** Writers take `<file>.lock` so a second process is told (default true). */
  lock?: boolean;
  /**
   * Create the file when missing, with this project name. The new project is
   * built in a temp and appears whole or not at all; with `mustBeNew` an
   * existing file (or one another process creates meanwhile) is an error.
   */
  create?: { name: string; mustBeNew?: boolean };
  now?: () => number;
  /** The schema steps to apply (tests inject a future step); default: every released migration. */
  migrations?: readonly Migration[];
}

/**
 * Looks at an existing file without changing it — no journal is rolled back,
 * nothing is written: SQLite header, integrity (integrity_check: every page,
 * every index entry against its row), that it is ours, and its schema
 * version. Throws a clear error naming the file otherwise.
 */
export function inspectProjectFile(file: string): { schemaVersion: number } {
  const name = path.basename(file);
  if (hasHotJournal(file)) {
    throw new InterruptedWriteError(
      `${name} has an unfinished write (${path.basename(journalPathFor(file))} beside it); open it for writing to roll that write back, or move the journal away if it is not from this project`,
    );
  }
  const db = openDatabase(file, { readOnly: true });
  try {
    let check: string;
    try {
      check = checkIntegrity(db, file);
    } catch (err) {
      throw new DamagedProjectError(`${name} is damaged and cannot be read (${(err as Error).message}); ${RECOVER_HINT}`);
    }
    if (check !== 'ok') throw new DamagedProjectError(`${name} is damaged: ${check}; ${RECOVER_HINT}`);
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
    if (appId !== PROJECT_APPLICATION_ID && !(appId === 0 && version === 0 && tables === 0)) {
      throw new NotAProjectError(`${name} is an SQLite database but not a NetTwin project`);
    }
    return { schemaVersion: version };
  } catch (err) {
    if (err instanceof Error && /SQLITE_(CORRUPT|NOTADB)|malformed|not a database/i.test(err.message)
      && !(err instanceof DamagedProjectError)) {
      throw new DamagedProjectError(`${name} is damaged and cannot be read (${err.message}); ${RECOVER_HINT}`);
    }
    throw err;
  } finally {
    db.close();
  }
}

const RECOVER_HINT = 'the file was not changed; "nettwin recover FILE" copies what can still be read into a new project';

/** One open `*.nettwin` file: the single owner of its SQLite connection. */
export class ProjectFile {
  readonly topologies: TopologyRepository;
  readonly intents: IntentRepository;
  readonly validations: ValidationRepository;
  readonly simulations: SimulationRepository;
  readonly meta: MetaRepository;
  readonly audit: AuditRepository;
  readonly recommendations: RecommendationRepository;
  readonly optimisations: OptimisationRepository;
  readonly decisions: DecisionRepository;
  readonly outcomes: OutcomeRepository;
  readonly samples: SampleRepository;
  readonly traffic: TrafficRepository;
  readonly capacity: CapacityRepository;

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
    this.optimisations = new OptimisationRepository(db, now);
    this.decisions = new DecisionRepository(db, now);
    this.outcomes = new OutcomeRepository(db, now);
    this.samples = new SampleRepository(db);
    this.traffic = new TrafficRepository(db, now);
    this.capacity = new CapacityRepository(db, now);
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
   * temp of its own (random name), fsyncs it and publishes it: by default
   * only if `dest` does not exist (a hard link that refuses to replace, so a
   * project another process created meanwhile is never overwritten); with
   * `replace` (a destination the user confirmed) by rename. `name` is set in
   * the copy before it appears. A crash leaves `dest` as it was.
   */
  async saveCopy(dest: string, opts: { replace?: boolean; name?: string } = {}): Promise<void> {
    await this.writeCopy(dest, opts.replace ?? false, (copy) => {
      if (opts.name !== undefined) setName(copy, opts.name);
    });
  }

  /**
   * A shareable single file: the whole project, or (without history) only
   * its metadata, intents and designs — the records a colleague needs to
   * continue, not this team's validation, simulation, learning and audit trail.
   * Never replaces an existing file.
   */
  async exportCopy(dest: string, opts: { includeHistory: boolean; name?: string }): Promise<void> {
    await this.writeCopy(dest, false, (copy) => {
      copy.transaction(() => {
        if (!opts.includeHistory) {
          for (const table of HISTORY_TABLES) copy.prepare(`DELETE FROM ${table}`).run();
        }
        if (opts.name !== undefined) setName(copy, opts.name);
      })();
      if (!opts.includeHistory) copy.exec('VACUUM');
    });
  }

  private async writeCopy(dest: string, replace: boolean, edit: (copy: Db) => void): Promise<void> {
    sweepDeadTemps(path.dirname(dest));
    const tmp = tempPathFor(dest);
    try {
      await this.db.backup(tmp);
      const copy = openDatabase(tmp, {});
      try {
        edit(copy);
      } finally {
        copy.close();
      }
    } catch (err) {
      releaseTemp(tmp);
      throw err;
    }
    if (replace) publishReplacing(tmp, dest);
    else publishNew(tmp, dest);
  }

  close(): void {
    if (this.db.open) this.db.close();
    this.releaseLock();
  }
}

function existsWithData(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
}

function setName(db: Db, name: string): void {
  db.prepare("INSERT INTO project_meta (key, value) VALUES ('name', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(name);
}

/**
 * Builds a new project in a temp (schema, application id, name) and
 * publishes it as `file` only if no file of that name exists: a crash leaves
 * at most a temp (swept later), never an empty or half-made project.
 * Throws TargetExistsError when `file` exists.
 */
export function createProjectFile(
  file: string,
  name: string,
  opts: { now?: () => number; migrations?: readonly Migration[] } = {},
): void {
  const now = opts.now ?? Date.now;
  sweepDeadTemps(path.dirname(file));
  const tmp = tempPathFor(file);
  try {
    const db = openDatabase(tmp, { create: true });
    try {
      db.pragma(`application_id = ${PROJECT_APPLICATION_ID}`);
      migrate(db, () => undefined, opts.migrations ?? MIGRATIONS);
      const meta = new MetaRepository(db);
      db.transaction(() => {
        meta.set('name', name);
        meta.set('created_at', String(now()));
        meta.set('created_by', `NetTwin ${APP_VERSION}`);
      })();
    } finally {
      db.close();
    }
  } catch (err) {
    releaseTemp(tmp);
    throw err;
  }
  removeIfEmpty(file);
  publishNew(tmp, file);
}

/**
 * An empty file is what a create of NetTwin before 0.1 left when it was
 * killed; it holds nothing, so a new create may take its name. It is moved
 * aside first and deleted only if the moved file is still empty (a project
 * another process published meanwhile goes back where it was).
 */
function removeIfEmpty(file: string): void {
  try {
    if (fs.statSync(file).size !== 0) return;
  } catch {
    return;
  }
  const aside = tempPathFor(file, '-empty');
  try {
    fs.renameSync(file, aside);
  } catch {
    releaseTemp(aside);
    return;
  }
  if (fs.statSync(aside).size !== 0) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // A third file took the name meanwhile: keep the moved project under a name no sweep removes.
      fs.renameSync(aside, `${file}.displaced-${Date.now()}`);
      return;
    }
  }
  releaseTemp(aside);
}

/** Keeps `<file>.v<N>.bak` before a migration rewrites an older project. */
function backupBeforeMigration(file: string, fromVersion: number): string {
  const backup = `${file}.v${fromVersion}.bak`;
  fs.copyFileSync(file, backup);
  return backup;
}

/**
 * Opens (or creates) a project file, migrating it to the latest schema.
 * A read-only open reads and never writes. A read-write open takes the lock
 * first, then creates the file if asked (atomically), rolls back a hot
 * journal that provably belongs to the file (copies kept aside), checks the
 * file and migrates it.
 */
export function openProjectFile(file: string, opts: OpenOptions = {}): ProjectFile {
  const now = opts.now ?? Date.now;
  const migrations = opts.migrations ?? MIGRATIONS;
  const latest = latestSchemaVersion(migrations);
  const name = path.basename(file);
  if (!fs.existsSync(file) && !opts.create) throw new NotAProjectError(`${name} does not exist`);
  const readOnly = existsWithData(file) && !opts.create?.mustBeNew ? (opts.readOnly ?? false) : false;
  const release = !readOnly && opts.lock !== false ? acquireLock(file, `NetTwin ${APP_VERSION}`, now) : () => undefined;
  let db: Db | undefined;
  try {
    if (opts.create && (opts.create.mustBeNew || !existsWithData(file))) {
      try {
        createProjectFile(file, opts.create.name, { now, migrations });
      } catch (err) {
        if (!(err instanceof TargetExistsError) || opts.create.mustBeNew) throw err;
        // Another process created it meanwhile: open theirs, as if it had been there.
      }
    }
    if (!readOnly) {
      sweepDeadTemps(path.dirname(file), (n) => n.startsWith(`${name}.`));
      recoverHotJournal(file, PROJECT_APPLICATION_ID, now);
    }
    const schemaVersion = inspectProjectFile(file).schemaVersion;
    if (schemaVersion > latest) {
      throw new NotAProjectError(
        `${name} was written by a newer NetTwin (schema version ${schemaVersion}); this NetTwin ${APP_VERSION} reads up to schema version ${latest}`,
      );
    }
    db = openDatabase(file, { readOnly });
    // Opening writes only when there is something to change (a killed open then leaves nothing to roll back).
    if (!readOnly && schemaVersion < latest) {
      if (schemaVersion > 0) backupBeforeMigration(file, schemaVersion);
      db.pragma(`application_id = ${PROJECT_APPLICATION_ID}`);
      migrate(db, () => undefined, migrations);
    }
    return new ProjectFile(file, db, readOnly, now, release);
  } catch (err) {
    db?.close();
    release();
    throw err;
  }
}
