import { restoreTopology } from '../model/topology';
import { ImportError, type DraftTopology, type ImportReport, type ImportResult } from './report';
import { guessRoles } from './roles';

/**
 * Shared tail of every importer: fill in missing roles (saying so in the
 * report), then pass the design through the one `restoreTopology` entry so an
 * import can never produce a design the rest of the app would reject.
 */
export function finishImport(draft: DraftTopology, report: ImportReport, file: string): ImportResult {
  const nodes = guessRoles(draft.nodes, draft.links, report);
  try {
    return { topology: restoreTopology({ ...draft, nodes }), report };
  } catch (err) {
    throw new ImportError(file, err instanceof Error ? err.message : String(err));
  }
}
