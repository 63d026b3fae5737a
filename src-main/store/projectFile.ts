import fs from 'node:fs';
import path from 'node:path';
import { APP_VERSION } from '../../src-shared/lib/version';
import { NotAProjectError, openDatabase, type Db } from './db';
import { latestSchemaVersion, migrate } from './migrate';
import { AuditRepository } from './repos/audit';
import { IntentRepository } from './repos/intents';
import { MetaRepository } from './repos/meta';
import { SimulationRepository } from './repos/simulations';
import { TopologyRepository } from './repos/topologies';
import { ValidationRepository } from './repos/validations';

/** `PRAGMA application_id` of every NetTwin project file ('NTWN'). */
export const PROJECT_APPLICATION_ID = 0x4e54574e;
export const PROJECT_EXTENSION = '.nettwin';

export class DamagedProjectError extends Error {
  override name = 'DamagedProjectError';
}

export interface OpenOptions {
  readOnly?: boolean;
  /** Create the file when missing, with this project name. */
  create?: { name: string };
  now?: () => number;
}

/**
 * Looks at an existing file without changing it: SQLite header, integrity,
 * that it is ours, and its schema version. Throws a clear error otherwise.
 */
export function inspectProjectFile(file: string): { schemaVersion: number } {
  const db = openDatabase(file, { readOnly: true });
  try {
    let check: string;
    try {
      check = db.pragma('quick_check', { simple: true }) as string;
    } catch (err) {
      throw new DamagedProjectError(`${file} is damaged and cannot be read (${(err as Error).message})`);
    }
    if (check !== 'ok') throw new DamagedProjectError(`${file} is damaged: ${check}`);
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
    if (appId !== PROJECT_APPLICATION_ID && !(appId === 0 && version === 0 && tables === 0)) {
      throw new NotAProjectError(`${file} is an SQLite database but not a NetTwin project`);
    }
    return { schemaVersion: version };
  } catch (err) {
    if (err instanceof Error && /SQLITE_(CORRUPT|NOTADB)|malformed|not a database/i.test(err.message)
      && !(err instanceof DamagedProjectError)) {
      throw new DamagedProjectError(`${file} is damaged and cannot be read (${err.message})`);
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

  constructor(
    readonly path: string,
    readonly db: Db,
    readonly readOnly: boolean,
    now: () => number,
  ) {
    this.topologies = new TopologyRepository(db, now);
    this.intents = new IntentRepository(db, now);
    this.validations = new ValidationRepository(db, now);
    this.simulations = new SimulationRepository(db, now);
    this.meta = new MetaRepository(db);
    this.audit = new AuditRepository(db, now);
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
    const tmp = `${dest}.tmp-${process.pid}-${Date.now()}`;
    try {
      await this.db.backup(tmp);
      const fd = fs.openSync(tmp, 'r+');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, dest);
      fsyncDir(path.dirname(dest));
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      throw err;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
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

/** Opens (or creates) a project file, migrating it to the latest schema. */
export function openProjectFile(file: string, opts: OpenOptions = {}): ProjectFile {
  const now = opts.now ?? Date.now;
  const exists = fs.existsSync(file);
  if (!exists && !opts.create) throw new NotAProjectError(`${file} does not exist`);
  if (exists) {
    const { schemaVersion } = inspectProjectFile(file);
    if (schemaVersion > latestSchemaVersion()) {
      throw new NotAProjectError(
        `${path.basename(file)} was written by a newer NetTwin (schema version ${schemaVersion}); this NetTwin ${APP_VERSION} reads up to schema version ${latestSchemaVersion()}`,
      );
    }
  }
  const readOnly = exists ? (opts.readOnly ?? false) : false;
  const db = openDatabase(file, { readOnly, create: !exists });
  try {
    if (!readOnly) {
      db.pragma(`application_id = ${PROJECT_APPLICATION_ID}`);
      migrate(db);
    }
    const project = new ProjectFile(file, db, readOnly, now);
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
    if (!exists) fs.rmSync(file, { force: true });
    throw err;
  }
}
