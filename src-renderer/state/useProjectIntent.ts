import { useEffect, useState } from 'react';
import { type Intent, restoreIntent } from '../../src-shared/model/intent';
import { call } from '../api/client';
import { revisionsOn, useIntentRevisions } from './intentRevisions';
import { useSession } from './session';

/** The id of the intent behind the selected design (or the newest design that has one). */
export function useBaseIntentId(): string | null {
  const designs = useSession((s) => s.designs);
  const selected = useSession((s) => s.selectedDesignId);
  const withIntent = designs.find((d) => d.id === selected && d.intentId !== null) ?? [...designs].reverse().find((d) => d.intentId !== null);
  return withIntent?.intentId ?? null;
}

/**
 * The intent behind the selected design (or the newest design that has one),
 * or the newest revision of it applied in this session (intentRevisions.ts).
 */
export function useProjectIntent(projectId: string): { intent: Intent | null; intentId: string | null; loading: boolean } {
  const intentId = useBaseIntentId();
  const revisions = useIntentRevisions((s) => revisionsOn(s, projectId, intentId));
  const [intent, setIntent] = useState<Intent | null>(null);
  const [loading, setLoading] = useState(intentId !== null);
  useEffect(() => {
    if (intentId === null) {
      setIntent(null);
      setLoading(false);
      return;
    }
    let alive = true;
    setLoading(true);
    call('intent:get', { projectId, intentId })
      .then((r) => {
        const parsed = restoreIntent(r.intent);
        if (alive) setIntent(parsed.success ? parsed.data : null);
      })
      .catch(() => alive && setIntent(null))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [projectId, intentId]);
  const top = revisions[revisions.length - 1];
  if (top !== undefined && !loading) return { intent: top.intent, intentId: top.id, loading };
  return { intent, intentId, loading };
}
