import type { IntentRecord } from '../../../src-shared/model/records';
import { APP_VERSION } from '../../../src-shared/lib/version';
import type { Db } from '../db';
import { newId } from '../ids';
import { parseStoredJson } from '../../../src-shared/lib/versioned';

interface Row {
  id: string;
  name: string;
  intent_json: string;
  software_version: string;
  created_at: number;
}

const toRecord = (r: Row): IntentRecord => ({
  id: r.id,
  name: r.name,
  intent: parseStoredJson(r.intent_json, `intents.intent_json of ${r.id}`),
  softwareVersion: r.software_version,
  createdAt: r.created_at,
});

/** Intents as the architect stated them, kept whole so any design can be replayed. */
export class IntentRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  insert(name: string, intent: unknown, id: string = newId()): IntentRecord {
    this.db
      .prepare('INSERT INTO intents (id, name, intent_json, software_version, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, name, JSON.stringify(intent), APP_VERSION, this.now());
    return this.get(id)!;
  }

  get(id: string): IntentRecord | undefined {
    const row = this.db.prepare('SELECT * FROM intents WHERE id = ?').get(id) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  list(): IntentRecord[] {
    return (this.db.prepare('SELECT * FROM intents ORDER BY created_at, rowid').all() as Row[]).map(toRecord);
  }
}
