import { describe, expect, it } from 'vitest';
import { GRAPHML_MAX_CHARS, GraphmlError, importGraphml } from '../../../src-shared/io/graphml';

const doc = (body: string, keys = ''): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n${keys}<graph edgedefault="undirected">\n${body}</graph>\n</graphml>\n`;

function errorOf(text: string, file = 'x.graphml'): GraphmlError {
  try {
    importGraphml(text, file);
  } catch (err) {
    if (err instanceof GraphmlError) return err;
    throw err;
  }
  throw new Error('expected a GraphmlError');
}

describe('importGraphml (Topology Zoo flavour)', () => {
  const keys =
    '<key attr.name="label" attr.type="string" for="node" id="d1"/>\n' +
    '<key attr.name="Latitude" attr.type="double" for="node" id="d2"/>\n' +
    '<key attr.name="Longitude" attr.type="double" for="node" id="d3"/>\n' +
    '<key attr.name="LinkSpeedRaw" attr.type="double" for="edge" id="d4"/>\n';
  const text = doc(
    '<node id="0"><data key="d1">Paris</data><data key="d2">48.85</data><data key="d3">2.35</data></node>\n' +
      '<node id="1"><data key="d1">Paris</data></node>\n' +
      '<node id="2"/>\n<node id="9"/>\n' +
      '<edge source="0" target="1" id="e77"><data key="d4">1000000000</data></edge>\n' +
      '<edge source="1" target="1"/>\n' +
      '<edge source="1" target="0"/>\n' +
      '<edge source="2" target="1"/>\n',
    keys,
  );
  const { topology, report } = importGraphml(text, 'zoo.graphml');

  it('keeps node ids as identity, repeated and missing labels', () => {
    expect(topology.nodes.map((n) => [n.id, n.name])).toEqual([
      ['0', 'Paris'],
      ['1', 'Paris'],
      ['2', '2'],
      ['9', '9'],
    ]);
    expect(topology.nodes[0]).toMatchObject({ lat: 48.85, lon: 2.35 });
    expect(topology.nodes[1]!.lat).toBeUndefined();
  });

  it('numbers links e0… in document order, drops self-loops, keeps parallels', () => {
    expect(topology.links.map((l) => [l.id, l.source, l.target])).toEqual([
      ['e0', '0', '1'],
      ['e1', '1', '0'],
      ['e2', '2', '1'],
    ]);
    expect(topology.links[0]!.capacityGbps).toBe(1);
    expect(topology.links[0]!.igpWeight).toBe(1);
    expect(report.dropped).toContain('1 self-loop');
    expect(report.mapped.some((m) => m.includes('1 parallel links'))).toBe(true);
  });

  it('reads entities, CDATA and comments', () => {
    const t = importGraphml(
      doc('<!-- c --><node id="a&amp;b"><data key="d1"><![CDATA[A<B]]></data></node><node id="c"><data key="d1">x &#233; &#x41;</data></node>', keys),
    ).topology;
    expect(t.nodes.map((n) => [n.id, n.name])).toEqual([
      ['a&b', 'A<B'],
      ['c', 'x é A'],
    ]);
  });
});

describe('importGraphml (yEd flavour)', () => {
  it('takes labels and positions from y:ShapeNode', () => {
    const text =
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">' +
      '<key for="node" id="d6" yfiles.type="nodegraphics"/><graph id="G" edgedefault="directed">' +
      '<node id="n0"><data key="d6"><y:ShapeNode><y:Geometry height="30" width="30" x="10" y="20"/><y:NodeLabel>Core A</y:NodeLabel></y:ShapeNode></data></node>' +
      '<node id="n1"><data key="d6"><y:ShapeNode><y:Geometry x="50" y="60"/><y:NodeLabel>Core B</y:NodeLabel></y:ShapeNode></data></node>' +
      '<edge id="x" source="n0" target="n1"/></graph></graphml>';
    const { topology, report } = importGraphml(text, 'yed.graphml');
    expect(topology.nodes.map((n) => [n.name, n.x, n.y])).toEqual([
      ['Core A', 10, 20],
      ['Core B', 50, 60],
    ]);
    expect(report.guessed.some((g) => g.includes('directed'))).toBe(true);
  });
});

describe('importGraphml errors name the file, place and problem', () => {
  it('not XML', () => {
    const e = errorOf('{"nodes": []}', 'a.graphml');
    expect(e.message).toMatch(/^a\.graphml: line 1, column 1: not GraphML/);
  });
  it('XML but not GraphML', () => {
    expect(errorOf('<html><body/></html>').message).toContain('root element is <html>');
  });
  it('broken XML with line and column', () => {
    const e = errorOf('<graphml>\n<graph>\n  <node id="a">\n</graph></graphml>');
    expect([e.line, e.column]).toEqual([4, 1]);
    expect(e.message).toContain('does not match start tag <node>');
    expect(errorOf('<graphml><graph><node id="a"/></graph>').message).toContain('missing end tag');
    expect(errorOf('<graphml><node id="a></graphml>').message).toContain('never closed');
  });
  it('edge naming an unknown node', () => {
    const e = errorOf(doc('<node id="a"/>\n<edge source="a" target="b"/>\n'));
    expect(e.message).toContain('names unknown node "b"');
    expect(e.line).toBe(5);
  });
  it('duplicate node ids', () => {
    expect(errorOf(doc('<node id="a"/><node id="a"/>')).message).toContain('duplicate node id "a"');
  });
  it('refuses files over the size limit before parsing', () => {
    const e = errorOf(' '.repeat(GRAPHML_MAX_CHARS + 1));
    expect(e.message).toMatch(/larger than the 64 MB limit/);
  });
  it('accepts an empty graph and disconnected parts', () => {
    expect(importGraphml(doc('')).topology.nodes).toEqual([]);
    expect(importGraphml(doc('<node id="a"/><node id="b"/>')).topology.links).toEqual([]);
  });
});
