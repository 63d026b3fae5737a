import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { ImportError } from './report';

export interface YamlSource {
  value: unknown;
  /** 1-based line of the value at `path`, when the document has it. */
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
  /** Keys of the mapping at `path` in document order (a JS object would put "12" before "a"). */
  keysAt(path: ReadonlyArray<string | number>): string[];
}

/**
 * Parses one YAML document keeping line positions, so importers can name the
 * line of a bad field. Alias expansion is capped (billion-laughs input).
 */
export function parseYaml(text: string, file: string): YamlSource {
  const deep = yamlNesting(text);
  if (deep.depth > MAX_YAML_DEPTH) {
    throw new ImportError(file, `nested more than ${MAX_YAML_DEPTH} levels deep (no lab or inventory file is); not read`, deep.line);
  }
  const lineCounter = new LineCounter();
  // uniqueKeys is checked below in one pass: the library's check compares each key with every
  // earlier one (a 150,000-node lab took over 100 s).
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line;
    throw new ImportError(file, `not valid YAML: ${first.message.split('\n')[0] ?? ''}`, line);
  }
  const dup = firstDuplicateKey(doc.contents);
  if (dup) throw new ImportError(file, `not valid YAML: map keys must be unique ("${dup.key}" repeated)`, dup.range ? lineCounter.linePos(dup.range[0]).line : undefined);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    throw new ImportError(file, `YAML could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  return {
    value,
    lineOf(path) {
      const node: unknown = doc.getIn(path, true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      return range ? lineCounter.linePos(range[0]).line : undefined;
    },
    keysAt(path) {
      const node: unknown = doc.getIn(path, true);
      if (!isMap(node)) return [];
      return node.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key));
    },
  };
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);


/** Deeper than this, a YAML file is refused before parsing (the parser recurses per level). */
export const MAX_YAML_DEPTH = 100;

/**
 * The deepest nesting in a YAML text, by one linear pass over its lines:
 * block indentation levels, "- " sequence entries and flow brackets. An
 * over-estimate for odd layouts is harmless at the limit above; it exists so
 * a 3,000-level file gets a clear error instead of a stack overflow.
 */
export function yamlNesting(text: string): { depth: number; line: number } {
  const indents: number[] = [];
  let flow = 0;
  let max = 0;
  let maxLine = 1;
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo++;
    let i = start;
    while (i < end && text[i] === ' ') i++;
    if (i < end && text[i] !== '#' && text[i] !== '\r') {
      let depth: number;
      if (flow === 0) {
        const indent = i - start;
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        let dashes = 0;
        while (text[i] === '-' && (text[i + 1] === ' ' || i + 1 === end)) {
          dashes++;
          i += 2;
          while (i < end && text[i] === ' ') i++;
        }
        depth = indents.length + dashes;
      } else {
        depth = indents.length;
      }
      let quote = '';
      let peak = flow;
      for (let j = i; j < end; j++) {
        const c = text[j];
        if (quote !== '') {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '#' && (j === i || text[j - 1] === ' ')) break;
        else if (c === '[' || c === '{') peak = Math.max(peak, ++flow);
        else if ((c === ']' || c === '}') && flow > 0) flow--;
      }
      if (depth + peak > max) {
        max = depth + peak;
        maxLine = lineNo;
      }
    }
    start = end + 1;
  }
  return { depth: max, line: maxLine };
}

/** The first repeated key of any mapping in the document, found with one Set per mapping (iterative: no recursion). */
function firstDuplicateKey(root: unknown): { key: string; range: [number, number, number] | undefined } | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : JSON.stringify(pair.key);
        if (seen.has(key)) return { key, range: (pair.key as { range?: [number, number, number] } | null)?.range ?? undefined };
        seen.add(key);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return undefined;
}
