import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecommendPartialShape, RecommendResultShape } from '../../../src-shared/contract/learn-types';
import type { VerifyUpFront } from '../../../src-shared/learn/verify-up-front';
import type { Intent } from '../../../src-shared/model/intent';
import { call } from '../../api/client';
import { runInJobBar } from '../../state/jobBar';

/** Where the instant answer shown comes from: history's first paint, or the analytic estimate that replaces it. */
type InstantSource = 'history' | 'estimate';

interface OptionsRanking {
  result: RecommendResultShape | null;
  partial: RecommendPartialShape | null;
  problem: string | null;
  setProblem: (p: string | null) => void;
  source: InstantSource;
  /** The estimate that replaces history's first paint is being computed. */
  refining: boolean;
  /** A verification of every family is running (started by itself or by the button). */
  busy: boolean;
  /** When the running verification started (Date.now()), for the time shown beside its plan; null when none runs. */
  verifyingSince: number | null;
  /** The decision for this intent (null until known): verified at once, or the estimate first. */
  upFront: VerifyUpFront | null;
  verify: () => Promise<void>;
  /** Cancels the running verification: the estimates come back (as Cancel in the top bar does). */
  cancel: () => void;
}

/**
 * The Options view's ranking of one intent, as a user sees it: history's
 * answer paints first (tens of ms); then, where verification is affordable
 * (learn/verify-up-front.ts: the estimate would generate and size every
 * family anyway), every family is verified at once as a job with progress
 * and Cancel in the top bar, each verified result replacing its estimate as
 * it lands and the ranking exact once all are in; elsewhere the analytic
 * estimate replaces the first paint and verification is the button's.
 * Everything started for an intent is cancelled and its answers dropped
 * when the intent changes (an edit, Undo) or the view closes: a stale answer
 * is never shown for another intent.
 */
export function useOptionsRanking(intent: Intent | null, projectId: string, onVerified: () => Promise<void>): OptionsRanking {
  const [result, setResult] = useState<RecommendResultShape | null>(null);
  const [partial, setPartial] = useState<RecommendPartialShape | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [verifyingSince, setVerifyingSince] = useState<number | null>(null);
  // The running verification's own Cancel (the intent's run below silences its answers instead).
  const userCancel = useRef<AbortController | null>(null);
  const [source, setSource] = useState<InstantSource>('history');
  const [refining, setRefining] = useState(false);
  const [upFront, setUpFront] = useState<VerifyUpFront | null>(null);
  // The intent's run: its abort controller cancels the job and silences its answers once the intent changes.
  const run = useRef<AbortController | null>(null);
  const latest = useRef<RecommendResultShape | null>(null);
  latest.current = result;
  const refreshed = useRef(onVerified);
  refreshed.current = onVerified;

  const verifyFor = useCallback(
    async (it: Intent, signal: AbortSignal, fallback: Promise<RecommendResultShape | null>, label: string): Promise<void> => {
      setBusy(true);
      setVerifyingSince(Date.now());
      setProblem(null);
      setPartial({ verified: [], skipped: [] });
      const user = new AbortController();
      userCancel.current = user;
      try {
        const final = await runInJobBar('recommend:verified', { intent: it, projectId, families: 'all' }, {
          label,
          progressLabel: (m) => `Verifying: ${m}`,
          // The one place the stream's partial result meets its type: the service sends RecommendPartialShape.
          onProgress: (p) => !signal.aborted && p.partial !== undefined && setPartial(p.partial as RecommendPartialShape),
          signal: AbortSignal.any([signal, user.signal]),
        });
        if (signal.aborted) return;
        setResult(final);
        setPartial(null);
        await refreshed.current();
      } catch (err) {
        if (signal.aborted) return;
        // Cancelled or failed: the estimates come back, and what landed is not presented as a ranking.
        const back = await fallback;
        if (signal.aborted) return;
        if (back !== null) setResult((prev) => (prev !== null && prev.mode === 'instant' ? prev : back));
        setPartial(null);
        setProblem(user.signal.aborted ? 'Verification cancelled: the estimates are shown.' : (err as Error).message);
      } finally {
        if (userCancel.current === user) userCancel.current = null;
        if (!signal.aborted) {
          setBusy(false);
          setVerifyingSince(null);
        }
      }
    },
    [projectId],
  );

  useEffect(() => {
    if (intent === null) return;
    const ctl = new AbortController();
    run.current = ctl;
    const alive = (): boolean => !ctl.signal.aborted;
    let full = false;
    setPartial(null);
    setResult(null);
    setProblem(null);
    setBusy(false);
    setVerifyingSince(null);
    setUpFront(null);
    setSource('history');
    // "Estimating each family" is said once the decision is to estimate (not while verification may come instead).
    setRefining(false);
    // Neither the first paint nor the estimate replaces a verified answer of this intent (verify may finish first).
    const keep = (r: RecommendResultShape) => setResult((prev) => (prev !== null && prev.mode === 'verified' ? prev : r));
    const painted = call('recommend:instant', { intent, projectId, historyOnly: true }).then(
      (r) => {
        if (alive() && !full) keep(r);
        return r;
      },
      () => null, // the answer that follows reports any problem
    );
    const estimate = (): void => {
      setRefining(true);
      call('recommend:instant', { intent, projectId }).then(
        (r) => {
          full = true;
          if (alive()) {
            keep(r);
            setSource('estimate');
            setRefining(false);
          }
        },
        (err: unknown) => {
          if (alive()) {
            setRefining(false);
            setProblem((err as Error).message);
          }
        },
      );
    };
    call('recommend:upFront', { intent }).then(
      async (decision) => {
        if (!alive()) return;
        setUpFront(decision);
        if (!decision.auto) {
          estimate();
          return;
        }
        // Verification replaces the estimate here: history's answer stays until each family's verified result replaces it.
        // It starts at once, beside the first paint (not after it): history's answer is only its fallback on Cancel.
        await verifyFor(intent, ctl.signal, painted, `Verifying every family (${decision.families}; planned about ${plannedSeconds(decision)} s)`);
      },
      () => alive() && estimate(),
    );
    return () => {
      ctl.abort();
      if (run.current === ctl) run.current = null;
    };
  }, [intent, projectId, verifyFor]);

  const verify = useCallback(async (): Promise<void> => {
    const ctl = run.current;
    const current = latest.current;
    // A verified ranking is exact: verifying it again would measure the same designs again.
    if (intent === null || ctl === null || current === null || current.mode === 'verified') return;
    await verifyFor(intent, ctl.signal, Promise.resolve(current), 'Verifying every family');
  }, [intent, verifyFor]);

  const cancel = useCallback((): void => userCancel.current?.abort(), []);

  return { result, partial, problem, setProblem, source, refining, busy, verifyingSince, upFront, verify, cancel };
}

/** The plan's seconds as the view and the top bar both say them (at least 1). */
export function plannedSeconds(decision: VerifyUpFront): number {
  return Math.max(1, Math.round(decision.predictedSeconds));
}
