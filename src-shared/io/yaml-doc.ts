import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
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
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line;
    throw new ImportError(file, `not valid YAML: ${first.message.split('\n')[0] ?? ''}`, line);
  }
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

