import { mulberry32 as rng } from '../../../src-shared/lib/rng';

/**
 * A deterministic Topology Zoo–style GraphML of `nodes` nodes, for the huge
 * import tests and `npm run bench:import`.
 *
 * Shaped like the Zoo files (Colt, Cogentco): the Zoo's key block, numeric
 * node ids, labels, Country, Latitude/Longitude, an `Internal` flag; cities
 * in 40 regional clusters; each node linked to a nearby earlier node of its
 * cluster (a spanning tree, so the graph is connected), plus extra links for
 * about 1.3 links per node in all, 2% parallel links and a few self-loops;
 * 60% of links carry LinkSpeed/LinkSpeedUnits/LinkSpeedRaw, the rest only
 * LinkLabel. Yields the text in chunks so a 100,000-node file can be written
 * without holding it as one string.
 */
export function* zooGraphmlChunks(nodes: number, seed = 1): Generator<string> {
  const rand = rng(seed);
  const clusters = Math.min(40, Math.max(1, Math.ceil(nodes / 200)));
  const centres = Array.from({ length: clusters }, () => ({ lat: -50 + rand() * 110, lon: -170 + rand() * 340 }));
  yield `<?xml version="1.0" encoding="utf-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key attr.name="LinkSpeedRaw" attr.type="double" for="edge" id="d41" />
  <key attr.name="LinkSpeedUnits" attr.type="string" for="edge" id="d40" />
  <key attr.name="LinkSpeed" attr.type="string" for="edge" id="d39" />
  <key attr.name="key" attr.type="int" for="edge" id="d37" />
  <key attr.name="LinkLabel" attr.type="string" for="edge" id="d36" />
  <key attr.name="label" attr.type="string" for="node" id="d34" />
  <key attr.name="Longitude" attr.type="double" for="node" id="d33" />
  <key attr.name="id" attr.type="int" for="node" id="d32" />
  <key attr.name="type" attr.type="string" for="node" id="d31" />
  <key attr.name="Country" attr.type="string" for="node" id="d30" />
  <key attr.name="Latitude" attr.type="double" for="node" id="d29" />
  <key attr.name="Internal" attr.type="int" for="node" id="d28" />
  <key attr.name="Network" attr.type="string" for="graph" id="d3" />
  <key attr.name="label" attr.type="string" for="graph" id="d12" />
  <graph edgedefault="undirected">
    <data key="d3">Synthetic Carrier ${nodes}</data>
    <data key="d12">Synthetic${nodes}</data>
`;
  // Nodes of one cluster are consecutive, so "nearby earlier node" is a short look-back.
  const clusterOf = (i: number): number => Math.floor((i * clusters) / nodes);
  let buf = '';
  for (let i = 0; i < nodes; i++) {
    const c = centres[clusterOf(i)]!;
    const lat = Math.max(-89.9, Math.min(89.9, c.lat + (rand() - 0.5) * 8)).toFixed(5);
    const lon = Math.max(-179.9, Math.min(179.9, c.lon + (rand() - 0.5) * 12)).toFixed(5);
    buf += `    <node id="${i}">
      <data key="d28">1</data>
      <data key="d29">${lat}</data>
      <data key="d30">Region &amp; ${clusterOf(i)}</data>
      <data key="d31">City</data>
      <data key="d32">${i}</data>
      <data key="d33">${lon}</data>
      <data key="d34">City ${i}</data>
    </node>
`;
    if (buf.length > 1 << 16) {
      yield buf;
      buf = '';
    }
  }
  const edge = (a: number, b: number, key: number): string => {
    const fast = rand() < 0.6;
    const speed = fast ? (rand() < 0.5 ? 10 : 100) : 0;
    return `    <edge source="${a}" target="${b}">
${fast ? `      <data key="d39">${speed}</data>
      <data key="d40">G</data>
      <data key="d41">${speed * 1e9}</data>
` : ''}      <data key="d36">${fast ? `${speed}G Ethernet` : 'Fibre'}</data>
      <data key="d37">${key}</data>
    </edge>
`;
  };
  for (let i = 1; i < nodes; i++) {
    const first = Math.floor((clusterOf(i) * nodes) / clusters);
    const back = Math.max(first, i - 1 - Math.floor(rand() * 20));
    const parent = back < i ? back : i - 1;
    buf += edge(i, parent, 0);
    if (rand() < 0.02) buf += edge(parent, i, 1); // parallel link, reversed as in real files
    if (rand() < 0.28) buf += edge(i, Math.floor(rand() * i), 0);
    if (rand() < 0.001) buf += edge(i, i, 0); // self-loop, dropped on import
    if (buf.length > 1 << 16) {
      yield buf;
      buf = '';
    }
  }
  yield `${buf}  </graph>
</graphml>
`;
}

/** The whole file as one string (tests; sizes up to 50,000 nodes). */
export function zooGraphml(nodes: number, seed = 1): string {
  let s = '';
  for (const chunk of zooGraphmlChunks(nodes, seed)) s += chunk;
  return s;
}
