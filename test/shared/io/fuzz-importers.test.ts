import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportClab } from '../../../src-shared/io/clab-export';
import { importClab } from '../../../src-shared/io/clab-import';
import { exportDesignJson, importDesignJson } from '../../../src-shared/io/design-json';
import { detectFormat } from '../../../src-shared/io/detect';
import { importTopology } from '../../../src-shared/io/formats';
import { exportGraphml } from '../../../src-shared/io/graphml-export';
import { exportNetboxCsv, importNetboxCsv } from '../../../src-shared/io/netbox-csv';
import { exportNetboxJson, importNetboxJson } from '../../../src-shared/io/netbox-json';
import { ImportError, type ImportResult } from '../../../src-shared/io/report';
import { restoreTopology } from '../../../src-shared/model/topology';
import { sampleTopology } from './sample';

/** Longest one import of a small fuzzed file may take: far above normal (< 5 ms), far below a hang. */
const MAX_MS = 2000;

/**
 * The contract under fuzzing: an importer either throws an ImportError (a
 * located, one-line message) or returns a topology that the model accepts,
 * and it answers quickly. Any other exception is a crash.
 */
function checkOutcome(run: () => ImportResult): void {
  const start = performance.now();
  let result: ImportResult | undefined;
  try {
    result = run();
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    expect(err.message.length).toBeGreaterThan(0);
    expect(err.message).not.toContain('\n    at ');
  }
  expect(performance.now() - start).toBeLessThan(MAX_MS);
  if (result) {
    expect(() => restoreTopology(result.topology)).not.toThrow();
    for (const list of [result.report.mapped, result.report.guessed, result.report.dropped]) {
      expect(list.every((s) => typeof s === 'string')).toBe(true);
    }
  }
}

/** Small edits of a valid file: cut, duplicate, insert, overwrite, truncate. */
function mutated(valid: string): fc.Arbitrary<string> {
  const pos = fc.nat({ max: valid.length });
  const junk = fc.string({ unit: fc.constantFrom(...'":,{}[]\n\r -#&*!|>\'\\0xé\uFEFF'.split('')), maxLength: 6 });
  const edit = fc.oneof(
    fc.tuple(pos, pos).map(([a, b]) => (s: string) => s.slice(0, Math.min(a, b)) + s.slice(Math.max(a, b))),
    fc.tuple(pos, pos).map(([a, b]) => (s: string) => s.slice(0, Math.max(a, b)) + s.slice(Math.min(a, b))),
    fc.tuple(pos, junk).map(([a, j]) => (s: string) => s.slice(0, a) + j + s.slice(a)),
    fc.tuple(pos, junk).map(([a, j]) => (s: string) => s.slice(0, a) + j + s.slice(a + j.length)),
    pos.map((a) => (s: string) => s.slice(0, a)),
  );
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => edits.reduce((s, e) => e(s), valid));
}

const settings = (seed: number) => ({ numRuns: 300, seed, interruptAfterTimeLimit: 20_000 });
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));
const t = sampleTopology();

describe('fuzzing importClab', () => {
  const valid = exportClab(t);
  it('random text', () => fc.assert(fc.property(anyText, (s) => checkOutcome(() => importClab(s))), settings(1)));
  it('mutated exports', () => fc.assert(fc.property(mutated(valid), (s) => checkOutcome(() => importClab(s))), settings(2)));
  it('random YAML shaped like a lab', () => {
    const node = fc.option(fc.record({ kind: fc.anything(), labels: fc.dictionary(fc.string(), fc.anything()), group: fc.anything() }, { requiredKeys: [] }));
    const lab = fc.record({
      name: fc.anything(),
      topology: fc.record(
        {
          nodes: fc.dictionary(fc.string({ maxLength: 5 }), node, { maxKeys: 5 }),
          links: fc.array(fc.record({ endpoints: fc.array(fc.oneof(fc.string(), fc.anything()), { maxLength: 3 }), vars: fc.anything(), type: fc.anything() }, { requiredKeys: [] }), { maxLength: 5 }),
          kinds: fc.anything(),
          defaults: fc.anything(),
        },
        { requiredKeys: [] },
      ),
    }, { requiredKeys: [] });
    fc.assert(fc.property(lab, (doc) => checkOutcome(() => importClab(stringify(doc)))), settings(3));
  });
  it('an alias bomb is refused, not expanded', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`), 'topology: {nodes: {}}'].join('\n');
    expect(() => importClab(bomb)).toThrow(/YAML could not be read: Excessive alias count/);
  });
});

describe('fuzzing importNetboxCsv', () => {
  const valid = exportNetboxCsv(t);
  it('random text in each file', () =>
    fc.assert(fc.property(anyText, anyText, anyText, (devices, cables, sites) => checkOutcome(() => importNetboxCsv({ devices, cables, sites }))), settings(4)));
  it('mutated exports', () =>
    fc.assert(
      fc.property(mutated(valid['devices.csv']), mutated(valid['cables.csv']), mutated(valid['sites.csv']), (devices, cables, sites) =>
        checkOutcome(() => importNetboxCsv({ devices, cables, sites })),
      ),
      settings(5),
    ));
});

describe('fuzzing importNetboxJson', () => {
  // The export's three lists bundled in one object: the one-text form the importer also reads.
  const files = exportNetboxJson(t);
  const valid = JSON.stringify({ sites: JSON.parse(files['sites.json']), devices: JSON.parse(files['devices.json']), cables: JSON.parse(files['cables.json']) }, null, 2);
  it('random text', () => fc.assert(fc.property(anyText, (s) => checkOutcome(() => importNetboxJson(s))), settings(6)));
  it('mutated exports', () => fc.assert(fc.property(mutated(valid), (s) => checkOutcome(() => importNetboxJson(s))), settings(7)));
  it('random JSON values in each part', () =>
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), (devices, cables, sites) =>
        checkOutcome(() => importNetboxJson({ devices: JSON.stringify({ results: devices }), cables: JSON.stringify(cables), sites: JSON.stringify(sites) })),
      ),
      settings(8),
    ));
});

describe('fuzzing importDesignJson', () => {
  const valid = exportDesignJson(t);
  it('random text', () => fc.assert(fc.property(anyText, (s) => checkOutcome(() => importDesignJson(s))), settings(9)));
  it('mutated exports', () => fc.assert(fc.property(mutated(valid), (s) => checkOutcome(() => importDesignJson(s))), settings(10)));
  it('random JSON with nodes and links lists', () =>
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 5 }), fc.array(fc.jsonValue(), { maxLength: 5 }), fc.jsonValue(), (nodes, links, sites) =>
        checkOutcome(() => importDesignJson(JSON.stringify({ nodes, links, sites }))),
      ),
      settings(11),
    ));
});

describe('fuzzing importTopology(graphml): the GraphML reader plus NetTwin attributes', () => {
  const valid = exportGraphml(t);
  const run = (text: string) => () => importTopology('graphml', { text, fileName: 't.graphml' });
  it('mutated exports', () => fc.assert(fc.property(mutated(valid), (s) => checkOutcome(run(s))), settings(13)));
  it('wrong values in NetTwin attributes', () => {
    const values = fc.constantFrom('', 'x', '-1', '1e999', '[', '["a",1]', '{}', 'null', 'NaN', 'true', '&amp;', '0');
    const keyed = fc.tuple(fc.constantFrom('n_role', 'n_ports', 'n_x', 'n_lat', 'e_srlgs', 'e_latency', 'g_sites', 'g_seed', 'n_site'), values);
    fc.assert(
      fc.property(fc.array(keyed, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = valid;
        for (const [key, v] of edits) text = text.replace(new RegExp(`(<data key="${key}">)[^<]*`), `$1${v}`);
        checkOutcome(run(text));
      }),
      settings(14),
    );
  });
});

describe('fuzzing detectFormat', () => {
  it('never throws', () =>
    fc.assert(fc.property(fc.string({ maxLength: 20 }), anyText, (name, text) => {
      expect(() => detectFormat(name, text)).not.toThrow();
    }), settings(12)));
});
