import { describe, expect, it } from 'vitest';
import { migrateVersioned, type VersionedFormat } from '../../../src-shared/lib/versioned';
import { INTENT_FORMAT_VERSION, parseIntent, restoreIntent } from '../../../src-shared/model/intent';
import { restoreTopology, TOPOLOGY_FORMAT_VERSION } from '../../../src-shared/model/topology';

describe('versioned stored JSON', () => {
  const format: VersionedFormat = {
    what: 'thing',
    current: 3,
    migrations: {
      1: (d) => ({ ...d, renamed: d['old'], old: undefined }),
      2: (d) => ({ ...d, count: Number(d['count'] ?? 0) + 1 }),
    },
  };

  it('migrates an older document one version at a time, and treats a missing version as 1', () => {
    expect(migrateVersioned({ formatVersion: 1, old: 'x', count: 1 }, format)).toEqual({ formatVersion: 3, renamed: 'x', old: undefined, count: 2 });
    expect(migrateVersioned({ old: 'y' }, format)).toEqual({ formatVersion: 3, renamed: 'y', old: undefined, count: 1 });
    expect(migrateVersioned({ formatVersion: 3, renamed: 'z' }, format)).toEqual({ formatVersion: 3, renamed: 'z' });
  });

  it('refuses a newer version and a version that is not a whole number, by name', () => {
    expect(() => migrateVersioned({ formatVersion: 4 }, format)).toThrow('thing format version 4 was written by a newer NetTwin; this one reads up to version 3');
    expect(() => migrateVersioned({ formatVersion: '2' }, format)).toThrow(/formatVersion must be a whole number/);
    expect(() => migrateVersioned({ formatVersion: 1 }, { ...format, migrations: {} })).toThrow(/no migration to version 2/);
  });

  it('designs and intents are read through it', () => {
    const design = { name: 'd', sites: [], nodes: [], links: [] };
    expect(restoreTopology(design).formatVersion).toBe(TOPOLOGY_FORMAT_VERSION);
    expect(() => restoreTopology({ ...design, formatVersion: TOPOLOGY_FORMAT_VERSION + 1 })).toThrow(/written by a newer NetTwin/);
    const intent = { siteGroups: [{ role: 'hq', count: 1 }] };
    expect(restoreIntent(intent).success).toBe(true);
    const newer = parseIntent({ ...intent, formatVersion: INTENT_FORMAT_VERSION + 1 });
    expect(newer.ok).toBe(false);
    expect(newer.ok ? [] : newer.problems).toEqual([`intent format version ${INTENT_FORMAT_VERSION + 1} was written by a newer NetTwin; this one reads up to version ${INTENT_FORMAT_VERSION}`]);
  });
});
