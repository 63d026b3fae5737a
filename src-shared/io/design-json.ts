import type { Topology } from '../model/topology';
import { finishImport } from './finish';
import { ImportError, emptyReport, type DraftTopology, type ImportResult } from './report';
import { isRecord, parseYaml } from './yaml-doc';

/**
 * NetTwin design JSON → topology, through `restoreTopology` (which migrates
 * old format versions). Nodes written by hand without a role get one guessed
 * from name or degree, and the report says so.
 */
export function importDesignJson(text: string, file = 'design.json'): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new ImportError(file, `not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!isRecord(raw)) throw new ImportError(file, 'expected a design object with "nodes" and "links"');
  const { nodes, links } = raw;
  if (!Array.isArray(nodes)) throw new ImportError(file, 'expected a list', undefined, 'nodes');
  if (!Array.isArray(links)) throw new ImportError(file, 'expected a list', undefined, 'links');
  const lineOf = (path: Array<string | number>) => {
    try {
      return parseYaml(text, file).lineOf(path); // JSON is YAML: its parser knows positions
    } catch {
      return undefined;
    }
  };
  nodes.forEach((n: unknown, k) => {
    // Role guessing reads id, name and role; anything else is left to the schema.
    if (!isRecord(n) || typeof n['id'] !== 'string' || (n['name'] !== undefined && typeof n['name'] !== 'string')) {
      throw new ImportError(file, 'a node needs a text "id" (and "name")', lineOf(['nodes', k]), `nodes[${k}]`);
    }
  });
  const report = emptyReport();
  const draftNodes = (nodes as Array<Record<string, unknown>>).map((n) => ({
    ...n,
    name: typeof n['name'] === 'string' ? n['name'] : (n['id'] as string),
  }));
  links.forEach((l: unknown, k) => {
    if (!isRecord(l) || typeof l['source'] !== 'string' || typeof l['target'] !== 'string') {
      throw new ImportError(file, 'a link needs text "source" and "target"', lineOf(['links', k]), `links[${k}]`);
    }
  });
  report.mapped.push(`${nodes.length} nodes`, `${links.length} links`);
  const unnamed = draftNodes.filter((n, k) => n.name !== (nodes[k] as Record<string, unknown>)['name']).length;
  if (unnamed > 0) report.guessed.push(`${unnamed} nodes without a name are named by their id`);
  if (Array.isArray(raw['sites'])) report.mapped.push(`${raw['sites'].length} sites`);
  const draft = { ...raw, nodes: draftNodes, links } as unknown as DraftTopology;
  try {
    return finishImport(draft, report, file);
  } catch (err) {
    // Schema problems name a path ("nodes.3.role"); point at its line too.
    const path = err instanceof ImportError ? /^invalid design: ([^:;\s]+):/.exec(err.detail)?.[1] : undefined;
    if (path === undefined) throw err;
    const line = lineOf(path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)));
    throw line === undefined ? err : new ImportError(file, (err as ImportError).detail, line);
  }
}

/** Topology → design JSON, the same shape `restoreTopology` reads. */
export function exportDesignJson(topology: Topology): string {
  return `${JSON.stringify(topology, null, 2)}\n`;
}
