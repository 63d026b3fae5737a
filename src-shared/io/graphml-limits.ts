import { IMPORT_MAX_CHARS, IMPORT_MAX_LINKS, IMPORT_MAX_NODES } from '../lib/limits';

/**
 * What one GraphML import may hold (docs/limits.md gives the figures behind
 * these numbers). The character cap is checked before parsing; the node and
 * link caps while reading, so a file that would not fit stops before its
 * nodes are built, not after memory has run out.
 */
export const GRAPHML_MAX_CHARS = IMPORT_MAX_CHARS;
export const GRAPHML_MAX_NODES = IMPORT_MAX_NODES;
export const GRAPHML_MAX_LINKS = IMPORT_MAX_LINKS;

export interface GraphmlLimits {
  maxNodes: number;
  maxLinks: number;
}

export const GRAPHML_LIMITS: GraphmlLimits = { maxNodes: GRAPHML_MAX_NODES, maxLinks: GRAPHML_MAX_LINKS };

/** A located problem with the file; the message is one line naming file, place and problem. */
export class GraphmlError extends Error {
  override name = 'GraphmlError';
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${file}: ${line === undefined ? '' : `line ${line}, column ${column ?? 1}: `}${detail}`);
  }
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Counts `<tag …>` elements (namespace prefix allowed) from `from` to the
 * end without building anything, so the refusal can say how many the file
 * holds. Elements inside comments are counted too: good enough for a message.
 */
export function countElements(text: string, tag: string, from: number): number {
  const re = new RegExp(`<(?:[\\w.-]+:)?${tag}[\\s/>]`, 'g');
  re.lastIndex = from;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/** The refusal for a file with more `what` than `limit`: file, count found, limit, where to read more. */
export function overLimitError(file: string, what: 'nodes' | 'links', found: number, limit: number): GraphmlError {
  return new GraphmlError(
    file,
    `${count(found)} ${what}, more than the ${count(limit)} ${what} NetTwin imports in one design (see docs/limits.md); split the network or import a region of it`,
  );
}

export function tooLargeError(file: string, chars: number): GraphmlError {
  return new GraphmlError(
    file,
    `file is ${(chars / 1048576).toFixed(1)} MB, larger than the ${GRAPHML_MAX_CHARS / 1048576} MB limit for GraphML (see docs/limits.md)`,
  );
}
