import { useState } from 'react';

/**
 * One action at a time in a view: while it runs the view's buttons wait
 * (`busy`), a failure is shown (`problem`, cleared when the next action
 * starts), and whatever the outcome `after` reads the view's records again
 * (what the action changed, or what another window changed meanwhile).
 */
export function useBusyAction(after: () => Promise<void>): {
  busy: boolean;
  problem: string | null;
  setProblem: (message: string | null) => void;
  busyWhile: (f: () => Promise<void>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const busyWhile = async (f: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setProblem(null);
    try {
      await f();
      await after();
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, setProblem, busyWhile };
}
