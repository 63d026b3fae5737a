import type { Db } from './db';
import { MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/types';

export class DatabaseFromFutureError extends Error {
  override name = 'DatabaseFromFutureError';
}

export function latestSchemaVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Brings `db` to the latest schema in one transaction. Returns the resulting user_version. */
export function migrate(
  db: Db,
  log: (line: string) => void = () => undefined,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version <= migrations[i - 1]!.version) {
      throw new Error(`migrations not monotonic at ${migrations[i]!.version}`);
    }
  }
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestSchemaVersion(migrations);
  if (current > latest) {
    throw new DatabaseFromFutureError(
      `this project file has schema version ${current}, but this NetTwin knows only up to version ${latest}: open it with a newer NetTwin`,
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
      log(`db: migrated to ${m.version} (${m.name})`);
    }
  })();
  return latest;
}
