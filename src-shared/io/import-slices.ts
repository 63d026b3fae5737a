import { importTopology, type ImportInput, type TopologyImportFormat } from './formats';
import { GraphmlCancelled, GraphmlError, importGraphmlInSlices, type GraphmlStepOptions } from './graphml';
import { withNettwinAttributes } from './graphml-nettwin';
import { ImportError, type ImportResult } from './report';

export type ImportPhase = 'read' | 'build';

export interface SlicedImportOptions extends Omit<GraphmlStepOptions, 'onProgress'> {
  /** `read`: characters read of the main file; `build`: turning what was read into a design (done = total). */
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
}

/**
 * `importTopology` for a host that must stay responsive: GraphML (the format
 * real networks of tens of thousands of nodes come in) is read in slices
 * with a pause between them and progress by characters; the other formats
 * are read in one go. Same results and ImportErrors as `importTopology`.
 */
export async function importTopologyInSlices(
  format: TopologyImportFormat,
  input: ImportInput,
  opts: SlicedImportOptions,
): Promise<ImportResult> {
  if (format !== 'graphml') {
    const result = importTopology(format, input);
    opts.onProgress?.('build', 1, 1);
    return result;
  }
  let read;
  try {
    read = await importGraphmlInSlices(input.text, input.fileName, {
      ...opts,
      onProgress: (done, total) => opts.onProgress?.('read', done, total),
    });
  } catch (err) {
    if (!(err instanceof GraphmlError)) throw err;
    throw new ImportError(err.file, `${err.column === undefined ? '' : `column ${err.column}: `}${err.detail}`, err.line);
  }
  opts.onProgress?.('build', 0, 1);
  await opts.pause();
  if (opts.isCancelled?.() === true) throw new GraphmlCancelled();
  const result = withNettwinAttributes(input.text, input.fileName, read);
  opts.onProgress?.('build', 1, 1);
  return result;
}
