import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { generateDesign } from '../../../src-shared/generate/generate';
import { ansibleDocuments, exportAnsible } from '../../../src-shared/io/ansible-export';
import { clabDocument, exportClab } from '../../../src-shared/io/clab-export';
import { importTopology } from '../../../src-shared/io/formats';
import { emitYaml } from '../../../src-shared/io/yaml-emit';
import { IntentSchema } from '../../../src-shared/model/intent';
import { TOPOLOGY_FAMILIES, type Topology } from '../../../src-shared/model/topology';
import { topologyArb } from '../io/arbitraries';
import { zooGraphml } from '../io/huge-graphml';
import { sampleTopology } from '../io/sample';

const yamlLib = (v: unknown): string => stringify(v, { lineWidth: 0, aliasDuplicateObjects: false });

const designs = (): Topology[] => {
  const intent = IntentSchema.parse(JSON.parse(fs.readFileSync('resources/examples/regional-retail.intent.json', 'utf8')));
  const generated = TOPOLOGY_FAMILIES.flatMap((f) => {
    try {
      return [generateDesign(intent, f, 3).topology];
    } catch {
      return []; // a family that cannot serve this intent
    }
  });
  const zoo = importTopology('graphml', { text: zooGraphml(600), fileName: 'zoo600.graphml' }).topology;
  return [sampleTopology(), zoo, ...generated];
};

describe('emitYaml writes what yaml.stringify writes', () => {
  it('byte for byte, for the containerlab and Ansible documents of real designs', () => {
    const all = designs();
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const t of all) {
      const clab = clabDocument(t);
      expect(emitYaml(clab), t.name).toBe(yamlLib(clab));
      expect(exportClab(t)).toBe(yamlLib(clab));
      for (const layout of ['inline', 'host_vars'] as const) {
        const docs = ansibleDocuments(t, { layout });
        const files = exportAnsible(t, { layout });
        expect(Object.keys(files)).toEqual(Object.keys(docs));
        for (const [path, doc] of Object.entries(docs)) expect(files[path], `${t.name} ${path}`).toBe(yamlLib(doc));
      }
    }
  });

  it('byte for byte for the shapes yaml lays out specially', () => {
    const shapes: unknown[] = [
      { a: 1, b: null, c: {}, d: [], e: ['x', { f: 1, g: [1, 2], h: { i: 'j' } }, ['k', 'l'], [], {}] },
      { q: -0, r: 1.5e21, s: NaN, t: -Infinity, u: Infinity, v: true, w: false, x: 0.1 },
      { words: ['Region & 3', 'a:b', 'a: b', 'a:', '123', '', 'null', 'True', '- x', '#x', 'x #y', ' lead', 'trail ', "it's", 'say "hi"', '東京', 'é'] },
      [[['deep']]],
      'scalar alone',
      42,
      null,
    ];
    for (const s of shapes) expect(emitYaml(s)).toBe(yamlLib(s));
  });

  it('except that it quotes what YAML 1.1 (PyYAML, so Ansible) reads as booleans, nulls, numbers or dates', () => {
    // yaml.stringify writes these plain: YAML 1.2 reads them as strings, PyYAML does not.
    const words = ['NO', 'no', 'Yes', 'on', 'OFF', 'y', 'N', '1_000', '1:20', '0b101', '2001-12-14', '=', '<<'];
    const text = emitYaml({ NO: words });
    expect(text).toBe(`"NO":\n${words.map((w) => `  - "${w}"`).join('\n')}\n`);
    expect(parse(text, { version: '1.1' })).toEqual({ NO: words });
    // Strings YAML 1.1 reads as strings stay plain (yaml's own 1.1 mode would quote "e0").
    expect(emitYaml(['e0', 'ber-core-1', 'Norway'])).toBe('- e0\n- ber-core-1\n- Norway\n');
  });
});

describe('emitYaml always reads back as the same value', () => {
  // Keys and strings from every plane of Unicode (YAML-special characters,
  // controls, line breaks, BOM, lone surrogates are excluded by JSON-safe text below).
  const text = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'aZ09 -_.:,#&*!|>\'"%@`?[]{}\t\n\r\\/='.split('')), maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.constantFrom('null', '~', 'true', 'False', '.inf', '-.nan', '0x1F', '1e3', '0o7', '---', '...', '<<', '- ', '? x', '\u0085', '\u2028', '\ufeff', '\u007f'),
    fc.constantFrom('NO', 'yes', 'On', 'off', 'y', 'N', '0123', '1_000', '1:20', '0b101', '2001-12-14', '+1', '.5', '='),
  );
  const leaf = fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('arr'), tie('obj')),
    arr: fc.array(tie('tree'), { maxLength: 4 }),
    obj: fc.dictionary(text, tie('tree'), { maxKeys: 4 }),
  }));

  it('for random trees of hostile strings and keys', () => {
    fc.assert(
      fc.property(tree, (v) => {
        const text = emitYaml(v);
        expect(parse(text)).toEqual(v);
        // As PyYAML (Ansible) reads it: YAML 1.1, where `no`, `on`, `1_000`, `1:20` are not strings.
        // (Not compared with yaml's own 1.1 output: it writes `0o7` plain and reads it back as 7.)
        expect(parse(text, { version: '1.1' })).toEqual(parse(text));
      }),
      { numRuns: 400, seed: 8 },
    );
  });

  it('for keys longer than YAML allows as implicit keys, and multi-line strings', () => {
    const v = { ['k'.repeat(1100)]: { nested: ['x'] }, ['q:'.repeat(600)]: 'v', text: 'line 1\nline 2\n', crlf: 'a\r\nb' };
    expect(parse(emitYaml(v))).toEqual(v);
  });

  it('for random designs, through both exports', () => {
    fc.assert(
      fc.property(topologyArb, (t) => {
        expect(parse(exportClab(t))).toEqual(clabDocument(t));
        expect(parse(exportClab(t), { version: '1.1' })).toEqual(clabDocument(t));
        const docs = ansibleDocuments(t, { layout: 'host_vars' });
        for (const [path, text] of Object.entries(exportAnsible(t, { layout: 'host_vars' }))) {
          expect(parse(text)).toEqual(docs[path]);
          expect(parse(text, { version: '1.1' })).toEqual(docs[path]);
        }
      }),
      { numRuns: 150, seed: 8 },
    );
  });
});
