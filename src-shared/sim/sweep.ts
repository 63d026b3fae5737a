import type { CompiledGraph } from './csr';

/** One scenario: the node and link indices that fail together. */
export interface FailureSpec {
  readonly nodes: readonly number[];
  readonly links: readonly number[];
}

/** Every single link, then every single node (the N-1 sweep of the analyze contract). */
export function n1Scenarios(g: CompiledGraph): FailureSpec[] {
  const out: FailureSpec[] = [];
  for (let e = 0; e < g.linkIds.length; e++) out.push({ nodes: [], links: [e] });
  for (let v = 0; v < g.nodeIds.length; v++) out.push({ nodes: [v], links: [] });
  return out;
}
