import { useEffect, useState } from 'react';
import { IntentSchema, type Intent } from '../../../src-shared/model/intent';
import type { TopologyRecord } from '../../../src-shared/model/records';
import { call } from '../../api/client';
import { designMetrics, type DesignMetrics } from './metrics';

export interface LoadedDesign {
  record: TopologyRecord;
  intent: Intent | null;
  metrics: DesignMetrics;
}

/** Fetches designs (and their intents) and computes their comparison metrics in the renderer. */
export function useDesignMetrics(projectId: string, ids: readonly string[]): { designs: LoadedDesign[] | null; error: string | null } {
  const [designs, setDesigns] = useState<LoadedDesign[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = ids.join('|');
  useEffect(() => {
    let alive = true;
    setDesigns(null);
    const intents = new Map<string, Promise<Intent | null>>();
    const intentOf = (id: string): Promise<Intent | null> => {
      let p = intents.get(id);
      if (!p) {
        p = call('intent:get', { projectId, intentId: id }).then((r) => {
          const parsed = IntentSchema.safeParse(r.intent);
          return parsed.success ? parsed.data : null;
        });
        intents.set(id, p);
      }
      return p;
    };
    Promise.all(
      key.split('|').filter((x) => x !== '').map(async (id) => {
        const record = await call('design:get', { projectId, designId: id });
        const intent = record.intentId !== null ? await intentOf(record.intentId) : null;
        return { record, intent, metrics: designMetrics({ ...record.topology, name: record.name }, intent) };
      }),
    ).then(
      (ds) => alive && setDesigns(ds),
      (err: unknown) => alive && setError((err as Error).message),
    );
    return () => {
      alive = false;
    };
  }, [projectId, key]);
  return { designs, error };
}
