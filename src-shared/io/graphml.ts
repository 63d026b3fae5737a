import { buildTopology, type DraftEdge, type DraftNode, type GraphmlImport, type KeyDef } from './graphml-build';
import {
  countElements,
  GRAPHML_LIMITS,
  GRAPHML_MAX_CHARS,
  GraphmlError,
  overLimitError,
  tooLargeError,
  type GraphmlLimits,
} from './graphml-limits';
import { positionOf, XmlSyntaxError, XmlTokenizer } from './graphml-xml';

export type { GraphmlImport } from './graphml-build';
export { GRAPHML_MAX_CHARS, GRAPHML_MAX_NODES, GraphmlError } from './graphml-limits';

/**
 * GraphML importer (Internet Topology Zoo and yEd flavours).
 *
 * Semantics follow ../shared/spec/analyze-contract.md: node identity is the
 * GraphML `id`; every `<edge>` is one link, numbered e0, e1, … in document
 * order after dropping self-loops (the file's own edge ids are ignored for
 * numbering); parallel links are kept; disconnected parts are legal; labels
 * may repeat or be missing. The graph is read as undirected whatever
 * `edgedefault` says. Files over the limits of graphml-limits.ts stop while
 * being read. Complexity O(file size).
 */

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** A GraphML file being read: `step(until)` reads up to a character offset, `finish()` builds the topology. */
interface GraphmlReading {
  readonly total: number;
  readonly offset: number;
  step(until: number): boolean;
  finish(): GraphmlImport;
}

function startGraphml(text: string, file: string, limits: GraphmlLimits): GraphmlReading {
  if (text.length > GRAPHML_MAX_CHARS) throw tooLargeError(file, text.length);
  const start = text.search(/\S/);
  if (start < 0) throw new GraphmlError(file, 'not GraphML: the file is empty');
  if (text[start] !== '<' && !(text.charCodeAt(start) === 0xfeff && text[start + 1] === '<')) {
    const at = positionOf(text, start);
    throw new GraphmlError(file, `not GraphML: not XML (starts with ${JSON.stringify(text.slice(start, start + 12))})`, at.line, at.column);
  }
  const keys = new Map<string, KeyDef>();
  const nodes: DraftNode[] = [];
  const edges: DraftEdge[] = [];
  const graphData = new Map<string, string>();
  const path: string[] = [];
  const owners: (DraftNode | DraftEdge | 'graph' | null)[] = [];
  let dataKey: string | undefined;
  let dataText = '';
  let inLabel = false;
  let hyperedges = 0;
  let directed = false;
  const fail: (offset: number, detail: string) => never = (offset, detail) => {
    const at = positionOf(text, offset);
    throw new GraphmlError(file, detail, at.line, at.column);
  };
  // The nearest enclosing node and owner at each depth, kept beside `owners` so
  // finding them is O(1): walking up the stack made deep nesting quadratic
  // (100,000 nested <graph> took 11 s, 300,000 took 77 s).
  const nearestNode: (DraftNode | undefined)[] = [];
  const nearestOwner: (DraftNode | DraftEdge | 'graph' | undefined)[] = [];
  const currentNode = (): DraftNode | undefined => nearestNode[nearestNode.length - 1];
  const tokenizer = new XmlTokenizer(text, {
    open(name, attrs, offset) {
      const tag = local(name);
      if (path.length === 0 && tag !== 'graphml') fail(offset, `not GraphML: root element is <${name}>, expected <graphml>`);
      path.push(tag);
      let owner: DraftNode | DraftEdge | 'graph' | null = null;
      if (tag === 'key') {
        const id = attrs.get('id');
        if (id === undefined) fail(offset, '<key> without an id');
        keys.set(id, {
          name: attrs.get('attr.name') ?? id,
          for: attrs.get('for') ?? 'all',
          yfiles: attrs.get('yfiles.type'),
        });
      } else if (tag === 'graph') {
        if (attrs.get('edgedefault') === 'directed') directed = true;
        const parentNode = currentNode();
        if (parentNode !== undefined) parentNode.group = true;
        owner = 'graph';
      } else if (tag === 'node') {
        const id = attrs.get('id');
        if (id === undefined || id === '') fail(offset, '<node> without an id');
        if (id.length > 200) fail(offset, `node id "${id.slice(0, 40)}…" is longer than 200 characters`);
        if (nodes.length >= limits.maxNodes) throw overLimitError(file, 'nodes', nodes.length + countElements(text, 'node', offset), limits.maxNodes);
        const node: DraftNode = { id, data: new Map(), label: undefined, x: undefined, y: undefined, group: false, offset };
        nodes.push(node);
        owner = node;
      } else if (tag === 'edge') {
        const source = attrs.get('source');
        const target = attrs.get('target');
        if (source === undefined || target === undefined) fail(offset, '<edge> without source or target');
        if (edges.length >= limits.maxLinks) throw overLimitError(file, 'links', edges.length + countElements(text, 'edge', offset), limits.maxLinks);
        const edge: DraftEdge = { source, target, data: new Map(), offset };
        edges.push(edge);
        owner = edge;
      } else if (tag === 'hyperedge') {
        hyperedges++;
      } else if (tag === 'data') {
        dataKey = attrs.get('key');
        dataText = '';
      } else if (tag === 'NodeLabel') {
        inLabel = currentNode()?.label === undefined;
      } else if (tag === 'Geometry') {
        const node = currentNode();
        if (node !== undefined && node.x === undefined) {
          node.x = Number(attrs.get('x'));
          node.y = Number(attrs.get('y'));
        }
      }
      owners.push(owner);
      nearestNode.push(owner !== null && owner !== 'graph' && 'group' in owner ? owner : currentNode());
      nearestOwner.push(owner ?? nearestOwner[nearestOwner.length - 1]);
    },
    close(name) {
      const tag = local(name);
      path.pop();
      owners.pop();
      nearestNode.pop();
      nearestOwner.pop();
      if (tag === 'NodeLabel' && inLabel) {
        inLabel = false;
        const node = currentNode();
        if (node !== undefined && node.label === undefined) node.label = dataText.trim() || undefined;
      } else if (tag === 'data' && dataKey !== undefined) {
        const def = keys.get(dataKey);
        const keyName = (def?.name ?? dataKey).toLowerCase();
        const owner = nearestOwner[nearestOwner.length - 1];
        if (owner === 'graph') graphData.set(keyName, dataText);
        else if (owner !== undefined && owner !== null && def?.yfiles === undefined) owner.data.set(keyName, dataText);
        dataKey = undefined;
      }
    },
    text(t) {
      if (dataKey !== undefined || inLabel) dataText += t;
    },
  });
  return {
    total: text.length,
    get offset() {
      return tokenizer.offset;
    },
    step(until) {
      try {
        return tokenizer.run(until);
      } catch (err) {
        if (err instanceof XmlSyntaxError) throw new GraphmlError(file, `broken XML: ${err.detail}`, err.line, err.column);
        throw err;
      }
    },
    finish: () => buildTopology(file, { keys, nodes, edges, graphData, hyperedges, directed }, fail),
  };
}

/** Parses GraphML text. Throws GraphmlError (with line/column when known) on bad input or a file over the limits. */
export function importGraphml(text: string, file = 'input.graphml', limits: GraphmlLimits = GRAPHML_LIMITS): GraphmlImport {
  const reading = startGraphml(text, file, limits);
  reading.step(Infinity);
  return reading.finish();
}

export interface GraphmlStepOptions {
  limits?: GraphmlLimits;
  /** Characters read between two pauses. */
  sliceChars?: number;
  /** Awaited between slices: the caller's way to let its event loop run (setImmediate in Node). */
  pause: () => Promise<void>;
  /** Characters read so far of `total`, after each slice. */
  onProgress?: (done: number, total: number) => void;
  /** Checked after each slice; when true, reading stops with `cancelled()`'s error. */
  isCancelled?: () => boolean;
}

/**
 * The same import read in slices, pausing between them, so a host that reads
 * a 50,000-node file keeps answering other calls and can report progress by
 * characters read. Same result and errors as `importGraphml`.
 */
export async function importGraphmlInSlices(text: string, file: string, opts: GraphmlStepOptions): Promise<GraphmlImport> {
  const reading = startGraphml(text, file, opts.limits ?? GRAPHML_LIMITS);
  const slice = opts.sliceChars ?? 512 * 1024;
  for (;;) {
    const done = reading.step(reading.offset + slice);
    opts.onProgress?.(reading.offset, reading.total);
    await opts.pause();
    if (opts.isCancelled?.() === true) throw new GraphmlCancelled();
    if (done) break;
  }
  return reading.finish();
}

/** Thrown when `isCancelled` says so; callers map it to their own cancellation. */
export class GraphmlCancelled extends Error {
  override name = 'AbortError';
  constructor() {
    super('cancelled');
  }
}
