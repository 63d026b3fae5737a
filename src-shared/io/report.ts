import type { DeviceRole, Topology, TopologyInput } from '../model/topology';

/**
 * What an importer did with its input, in words a user can check before
 * analysis: what it took over as-is, what it had to guess, what it left out.
 */
export interface ImportReport {
  mapped: string[];
  guessed: string[];
  dropped: string[];
}

export interface ImportResult {
  topology: Topology;
  report: ImportReport;
}

export const emptyReport = (): ImportReport => ({ mapped: [], guessed: [], dropped: [] });

/**
 * Bad input, located: the file, and where known the line (1-based) and the
 * field. The message is one line that already says all of that, so callers
 * (CLI, UI) can show `err.message` as it is.
 */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly line?: number,
    readonly field?: string,
  ) {
    super(
      `${file}${line === undefined ? '' : ` line ${line}`}${field === undefined ? '' : `, field "${field}"`}: ${detail}`,
    );
  }
}

/** A node as importers build it: the role may still be unknown. */
export type DraftNode = Omit<TopologyInput['nodes'][number], 'role'> & { role?: DeviceRole };
export interface DraftTopology extends Omit<TopologyInput, 'nodes'> {
  nodes: DraftNode[];
}

/** Link ids for formats without them: stable, readable, unique. */
export function uniqueId(base: string, used: Set<string>): string {
  let id = base.length > 0 ? base.slice(0, 200) : 'x';
  for (let k = 2; used.has(id); k++) id = `${base.slice(0, 190)}~${k}`;
  used.add(id);
  return id;
}
