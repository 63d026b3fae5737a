import type { ZodType } from 'zod';

/**
 * Reading stored JSON of a versioned shape: every such document carries
 * `formatVersion`. Older versions are migrated one step at a time up to the
 * current one; a newer version is refused by name (this NetTwin cannot know
 * what it means); a document without one is the first version.
 */
export interface VersionedFormat {
  /** What the document is, for messages ("design", "intent"). */
  readonly what: string;
  readonly current: number;
  /** `migrations[v]` turns a version-v document into version v + 1. */
  readonly migrations: Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>>;
}

/** The document in the current version (not yet validated: parse it with its schema next). */
export function migrateVersioned(raw: unknown, format: VersionedFormat): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw; // the schema says what is wrong
  let doc = raw as Record<string, unknown>;
  const stated = doc['formatVersion'];
  let version = stated === undefined ? 1 : stated;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new Error(`invalid ${format.what}: formatVersion must be a whole number from 1, got ${JSON.stringify(stated)}`);
  }
  if (version > format.current) {
    throw new Error(`${format.what} format version ${version} was written by a newer NetTwin; this one reads up to version ${format.current}`);
  }
  while (version < format.current) {
    const step = format.migrations[version];
    if (step === undefined) throw new Error(`${format.what} format version ${version} cannot be read: no migration to version ${version + 1}`);
    doc = { ...step(doc), formatVersion: version + 1 };
    version += 1;
  }
  return doc;
}

/**
 * A stored document read back: migrated to the current version, then
 * validated by `schema`. `where` names what was read (a table and column and
 * the row, e.g. "optimization_log.before_json of step 3f…") so an error says
 * which stored value is wrong, not only how.
 */
export function restoreVersioned<T>(raw: unknown, format: VersionedFormat, schema: ZodType<T>, where: string): T {
  let migrated: unknown;
  try {
    migrated = migrateVersioned(raw, format);
  } catch (err) {
    throw new StoredValueError(where, err instanceof Error ? err.message : String(err));
  }
  const r = schema.safeParse(migrated);
  if (r.success) return r.data;
  const lines = r.error.issues.slice(0, 10).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  throw new StoredValueError(where, `invalid ${format.what}: ${lines.join('; ')}`);
}

/** JSON text as stored, parsed; a value that is not JSON names where it was read. */
export function parseStoredJson(text: string, where: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch (err) {
    throw new StoredValueError(where, `not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** A stored value that cannot be read: says which one (table, column, row) and what is wrong with it. */
export class StoredValueError extends Error {
  override name = 'StoredValueError';
  constructor(
    readonly where: string,
    problem: string,
  ) {
    super(`${where}: ${problem}`);
  }
}
