import { describe, expect, it } from 'vitest';
import { importTopology } from '../../../src-shared/io/formats';
import { importGraphml } from '../../../src-shared/io/graphml';
import { ImportError } from '../../../src-shared/io/report';
import { MAX_YAML_DEPTH, yamlNesting } from '../../../src-shared/io/yaml-doc';

// Issue 14: malformed input ended in internal errors (&#-1; → "Invalid code
// point -1", a 3,000-level YAML → "Maximum call stack size exceeded"), and
// nested <graph> elements were quadratic (300,000 levels: 77 s).

const graphml = (inner: string): string => `<graphml><graph><node id="a"/><node id="b"/><edge source="a" target="b"/>${inner}</graph></graphml>`;

describe('hostile GraphML', () => {
  it.each(['&#-1;', '&#x-1;', '&#0;', '&#xD800;', '&#x110000;', '&#12abc;', '&#;', '&#x;', '&#99999999999;'])(
    'the character reference %s is a clear import error naming line and column',
    (ref) => {
      const text = `<graphml><graph><node id="a"><data key="d">x${ref}</data></node></graph></graphml>`;
      let err: unknown;
      try {
        importTopology('graphml', { text, fileName: 'bad.graphml' });
      } catch (e) {
        err = e;
      }
      expect((err as Error).name).toMatch(/GraphmlError|ImportError/);
      expect((err as Error).message).toMatch(/bad\.graphml line 1: column \d+: broken XML: bad character reference/);
    },
  );

  it('valid references still decode (tab, astral plane, hex)', () => {
    const r = importGraphml('<graphml><key id="l" for="node" attr.name="label"/><graph><node id="a"><data key="l">x&#9;&#x1F600;&#65;</data></node></graph></graphml>');
    expect(r.topology.nodes[0]!.name).toBe('x\t\u{1F600}A'.trim());
  });

  it('300,000 nested <graph> elements (4.5 MB) are read in linear time', () => {
    const depth = 300_000;
    const r = importGraphml(graphml(`${'<graph>'.repeat(depth)}${'</graph>'.repeat(depth)}`));
    expect(r.topology.nodes).toHaveLength(2);
  }, 15_000); // before: 77 s
});

describe('hostile YAML', () => {
  const lab = (body: string): string => `name: deep\ntopology:\n  nodes:\n    r1:\n      kind: linux\n${body}`;

  it('a 3,000-level block mapping is refused with a clear error and its line, not a stack overflow', () => {
    let body = '      labels:\n';
    for (let i = 0; i < 3000; i++) body += `${' '.repeat(8 + i)}k${i}:\n`;
    let err: unknown;
    try {
      importTopology('clab', { text: lab(body), fileName: 'deep.clab.yml' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(new RegExp(`deep\\.clab\\.yml line \\d+: nested more than ${MAX_YAML_DEPTH} levels deep`));
  });

  it('3,000 nested sequences and flow brackets are refused the same way', () => {
    expect(yamlNesting(`a: ${'['.repeat(3000)}${']'.repeat(3000)}\n`).depth).toBeGreaterThan(MAX_YAML_DEPTH);
    expect(yamlNesting(`${'- '.repeat(3000)}x\n`).depth).toBeGreaterThan(MAX_YAML_DEPTH);
    expect(() => importTopology('clab', { text: lab(`      x: ${'['.repeat(3000)}${']'.repeat(3000)}\n`), fileName: 'f.yml' })).toThrow(/nested more than/);
  });

  it('ordinary nesting, brackets in quotes and comments are not counted', () => {
    expect(yamlNesting('a:\n  b:\n    - c: "[[[[[[[["\n      d: [1, [2, 3]] # ]]]]\n').depth).toBeLessThan(8);
  });

  it('duplicate keys are still refused, with the line of the repeat', () => {
    expect(() => importTopology('clab', { text: 'name: x\ntopology:\n  nodes:\n    r1: {kind: linux}\n    r1: {kind: linux}\n', fileName: 'dup.yml' }))
      .toThrow(/dup\.yml line 5: not valid YAML: map keys must be unique \("r1" repeated\)/);
  });

  it('a lab of 40,000 nodes is read (the duplicate-key check is one pass, not one per key)', () => {
    let text = 'name: big\ntopology:\n  nodes:\n';
    for (let i = 0; i < 40_000; i++) text += `    r${i}:\n      kind: linux\n`;
    const r = importTopology('clab', { text, fileName: 'big.clab.yml' });
    expect(r.topology.nodes).toHaveLength(40_000);
  }, 20_000); // before: 29 s here (150,000 nodes: over 100 s; now about 10 s)
});
