import { APP_VERSION } from '../../../src-shared/lib/version';
import type { Db } from '../db';
import { newId } from '../ids';
import { parseStoredJson } from '../../../src-shared/lib/versioned';

export interface RecommendationRecord {
  id: string;
  intentId: string | null;
  mode: string;
  request: unknown;
  result: unknown;
  chosenFamily: string | null;
  softwareVersion: string;
  createdAt: number;
}

interface Row {
  id: string;
  intent_id: string | null;
  mode: string;
  request_json: string;
  result_json: string;
  chosen_family: string | null;
  software_version: string;
  created_at: number;
}

const toRecord = (r: Row): RecommendationRecord => ({
  id: r.id,
  intentId: r.intent_id,
  mode: r.mode,
  request: parseStoredJson(r.request_json, `recommendation_history.request_json of ${r.id}`),
  result: parseStoredJson(r.result_json, `recommendation_history.result_json of ${r.id}`),
  chosenFamily: r.chosen_family,
  softwareVersion: r.software_version,
  createdAt: r.created_at,
});

/** RecommendationHistory: every answer the recommender gave, with the request that replays it. */
export class RecommendationRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  insert(rec: { intentId: string | null; mode: string; request: unknown; result: unknown; chosenFamily: string | null; id?: string; createdAt?: number }): RecommendationRecord {
    const id = rec.id ?? newId();
    this.db
      .prepare(
        `INSERT INTO recommendation_history (id, intent_id, mode, request_json, result_json, chosen_family, software_version, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, rec.intentId, rec.mode, JSON.stringify(rec.request), JSON.stringify(rec.result), rec.chosenFamily, APP_VERSION, rec.createdAt ?? this.now());
    return this.get(id)!;
  }

  get(id: string): RecommendationRecord | undefined {
    const row = this.db.prepare('SELECT * FROM recommendation_history WHERE id = ?').get(id) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  list(limit = 200): RecommendationRecord[] {
    return (this.db.prepare('SELECT * FROM recommendation_history ORDER BY created_at DESC, rowid DESC LIMIT ?').all(limit) as Row[]).map(toRecord);
  }
}
