import { useEffect, useState } from 'react';
import { type Intent, restoreIntent } from '../../../src-shared/model/intent';
import type { TopologySummary } from '../../../src-shared/model/records';
import type { Topology } from '../../../src-shared/model/topology';
import { storedCost } from '../../../src-shared/report/validation';
import { call } from '../../api/client';
import { useProjectPriceBook } from '../cost';
import { tooBigToDraw } from '../import';
import { elementNamer } from '../../../src-shared/model/names';
import type { SimulationRecord } from '../../../src-shared/model/records';
import { restoreSweepSummary } from '../../../src-shared/sim/stored-result';
import { designMetrics, summaryMetrics, sweepFacts, type DesignMetrics, type SweepFacts } from './metrics';

export interface LoadedDesign {
  /** The full record for a design analysed in the page; the stored summary for one too large to (`tooLarge`). */
  record: TopologySummary;
  intent: Intent | null;
  /** The design itself (null for one too large to fetch into the page): names its elements, diffs it. */
  topology: Topology | null;
  metrics: DesignMetrics;
  tooLarge: boolean;
}

/**
 * Fetches designs (and their intents) and computes their comparison metrics
 * in the renderer. A design over the canvas limit is neither fetched nor
 * analysed: its figures come from its summary (summaryMetrics), so comparing
 * or presenting a 50,000-device import neither moves 16 MB into the page nor
 * runs its minutes of validation here.
 */
export function useDesignMetrics(
  projectId: string,
  ids: readonly string[],
  summaries: readonly TopologySummary[],
): { designs: LoadedDesign[] | null; error: string | null } {
  const [designs, setDesigns] = useState<LoadedDesign[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = ids.join('|');
  // Sizes and revisions only: a rename or another design's change does not recompute.
  const large = ids.map((id) => summaries.find((s) => s.id === id)).filter((s) => s !== undefined && tooBigToDraw(s.nodeCount)) as TopologySummary[];
  const largeKey = large.map((s) => `${s.id}@${s.revision}`).join('|');
  const { book } = useProjectPriceBook(projectId);
  useEffect(() => {
    let alive = true;
    setDesigns(null);
    const intents = new Map<string, Promise<Intent | null>>();
    const intentOf = (id: string): Promise<Intent | null> => {
      let p = intents.get(id);
      if (!p) {
        p = call('intent:get', { projectId, intentId: id }).then((r) => {
          const parsed = restoreIntent(r.intent);
          return parsed.success ? parsed.data : null;
        });
        intents.set(id, p);
      }
      return p;
    };
    const bigById = new Map(large.map((s) => [s.id, s]));
    // The latest stored sweep of a design (none stored, or a refused list, is no sweep: the row says so).
    const latestSweep = (id: string): Promise<SimulationRecord | null> =>
      call('sim:list', { projectId, designId: id }).then(
        (list) => [...list].sort((a, b) => b.createdAt - a.createdAt)[0] ?? null,
        () => null,
      );
    const facts = (run: SimulationRecord | null, revision: number, topology: Topology | null): SweepFacts | null => {
      if (run === null) return null;
      let summary: ReturnType<typeof restoreSweepSummary>;
      try {
        summary = restoreSweepSummary(run.summary, `simulation ${run.id}`);
      } catch {
        return null; // written by a newer NetTwin or damaged: shown as no sweep rather than a wrong figure
      }
      const namer = topology === null ? null : elementNamer(topology);
      return sweepFacts(summary, run, revision, (x) => (namer === null ? x.label : namer.scenario(x)));
    };
    Promise.all(
      key.split('|').filter((x) => x !== '').map(async (id): Promise<LoadedDesign> => {
        const big = bigById.get(id);
        if (big !== undefined) {
          const [intent, run] = await Promise.all([big.intentId !== null ? intentOf(big.intentId) : null, latestSweep(id)]);
          const metrics = { ...summaryMetrics(big), budgetUsd: intent?.budgetUsd ?? NaN, sweep: facts(run, big.revision, null) };
          return { record: big, intent, topology: null, metrics, tooLarge: true };
        }
        const [record, run] = await Promise.all([call('design:get', { projectId, designId: id }), latestSweep(id)]);
        const intent = record.intentId !== null ? await intentOf(record.intentId) : null;
        const sweep = facts(run, record.revision, record.topology);
        return { record, intent, topology: record.topology, metrics: designMetrics({ ...record.topology, name: record.name }, intent, storedCost(record.cost), book, sweep), tooLarge: false };
      }),
    ).then(
      (ds) => alive && setDesigns(ds),
      (err: unknown) => alive && setError((err as Error).message),
    );
    return () => {
      alive = false;
    };
    // `large` is read through largeKey: a new array each render must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [projectId, key, largeKey, book]);
  return { designs, error };
}
