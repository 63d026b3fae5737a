import type { Db } from '../db';

/** Key/value project metadata (name, created_at, software that created it). */
export class MetaRepository {
  constructor(private readonly db: Db) {}

  get(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM project_meta WHERE key = ?').get(key) as
      | { value: string }
      | undefined;
    return row?.value;
  }

  remove(key: string): void {
    this.db.prepare('DELETE FROM project_meta WHERE key = ?').run(key);
  }

  set(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }
}
