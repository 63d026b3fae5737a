import { useEffect, useState } from 'react';
import type { VerifyUpFront } from '../../../src-shared/learn/verify-up-front';
import { plannedSeconds } from './useOptionsRanking';

const clock = (ms: number): string => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * The running verification in the view, in the same terms as the top bar: how many families are in, the
 * time so far beside the plan (learn/verify-up-front.ts: seconds of work on free cores), and that a busy
 * machine takes longer. Its own one-second tick, so the ranked list does not re-render with the clock.
 */
export function VerifyStatus({ since, plan, measured }: { since: number; plan: VerifyUpFront | null; measured: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, []);
  const elapsed = Math.max(0, now - since);
  const planned = plan === null ? null : plannedSeconds(plan);
  const late = planned !== null && elapsed > 1000 * (planned * 1.5 + 2);
  return (
    <p className="muted" role="status" aria-label="Verification progress">
      First estimate from history; verifying every family by generation and simulation
      {plan !== null ? ` (${measured} of ${plan.families} families in, ${clock(elapsed)} so far; planned about ${planned} s on free cores` : ` (${measured} in, ${clock(elapsed)} so far`}
      {late ? ' — the machine is busy, so it takes longer' : ''}) — each result replaces its estimate as it lands. Cancel here or in the top bar.
    </p>
  );
}
