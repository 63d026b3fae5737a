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
