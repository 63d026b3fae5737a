import type { TopologySummary } from '../../../src-shared/model/records';
import { ExportMenu } from '../edit';
import { LargeDesignActions } from './LargeDesignActions';
import { largeDesignNotice } from './limits';

/**
 * Shown on the design screen instead of the canvas for a design too large to
 * draw (limits.ts): what it holds, why it is not drawn, and what still works
 * (exports, validation, and the N-1 sweep when within the sweep limit).
 */
export function LargeDesignNotice({ projectId, design }: { projectId: string; design: TopologySummary }) {
  return (
    <section className="empty empty--column" aria-label="Design too large to draw">
      <h2>{design.name}</h2>
      <p role="note">{largeDesignNotice(design.nodeCount, design.linkCount)}</p>
      <ExportMenu projectId={projectId} designId={design.id} />
      <LargeDesignActions projectId={projectId} design={design} />
    </section>
  );
}
