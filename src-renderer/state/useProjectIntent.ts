import { useEffect, useState } from 'react';
import { type Intent, restoreIntent } from '../../src-shared/model/intent';
import { call } from '../api/client';
import { useSession } from './session';

/** The intent behind the selected design (or the newest design that has one). */
export function useProjectIntent(projectId: string): { intent: Intent | null; loading: boolean } {
  const designs = useSession((s) => s.designs);
  const selected = useSession((s) => s.selectedDesignId);
  const withIntent = designs.find((d) => d.id === selected && d.intentId !== null) ?? [...designs].reverse().find((d) => d.intentId !== null);
  const intentId = withIntent?.intentId ?? null;
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
  return { intent, loading };
}
