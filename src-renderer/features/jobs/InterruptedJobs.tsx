import { useCallback, useEffect, useState } from 'react';
import type { JobStatusShape } from '../../../src-shared/contract/contract';
import { call } from '../../api/client';
import { forgetJob, ledgerEntries, PAGE_ID, type LedgerEntry } from '../../api/jobLedger';
import { runInJobBar } from '../../state/jobBar';
import { useSession } from '../../state/session';
import { jobInWords, outcomeInWords } from './describe';
import './jobs.css';

const POLL_MS = 2000;
const time = (ms: number): string => new Date(ms).toLocaleTimeString();

/**
 * Jobs started on this project by a page that has gone (a tab closed mid-
 * sweep, the window closed): each with what it was doing and what became of
 * it, asked of main (job:status). One still running is followed until it
 * ends; one that did not finish can be run again with the same inputs; each
 * is dismissed by the reader, never silently.
 */
export function InterruptedJobs({ projectId }: { projectId: string }) {
  const designs = useSession((s) => s.designs);
  const refreshDesigns = useSession((s) => s.refreshDesigns);
  const setError = useSession((s) => s.setError);
  const [rows, setRows] = useState<{ entry: LedgerEntry; status: JobStatusShape }[]>([]);

  const load = useCallback(async (): Promise<boolean> => {
    const mine = ledgerEntries().filter((e) => e.projectId === projectId && e.page !== PAGE_ID);
    if (mine.length === 0) {
      setRows([]);
      return false;
    }
    const statuses = await call('job:status', { jobIds: mine.slice(-100).map((e) => e.jobId) });
    const byId = new Map(statuses.map((s) => [s.jobId, s]));
    const next = mine.flatMap((entry) => {
      const status = byId.get(entry.jobId);
      return status ? [{ entry, status }] : [];
    });
    setRows(next);
    return next.some((r) => r.status.state === 'running');
  }, [projectId]);

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = (): void => {
      load().then(
        (running) => {
          if (alive && running) timer = setTimeout(tick, POLL_MS);
        },
        () => undefined, // main unreachable: the banner elsewhere says so; nothing to list
      );
    };
    tick();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [load]);

  if (rows.length === 0) return null;
  const names = Object.fromEntries(designs.map((d) => [d.id, d.name]));
  const dismiss = (jobId: string): void => {
    forgetJob(jobId);
    setRows((r) => r.filter((x) => x.entry.jobId !== jobId));
  };
  const again = async (e: LedgerEntry): Promise<void> => {
    dismiss(e.jobId);
    const what = jobInWords(e, names);
    try {
      // The same call with the same inputs; main validates them again like any call.
      await runInJobBar(e.channel, e.input as never, { label: `${what}…`, progressLabel: (m) => (m ? `${what}: ${m}` : `${what}…`) });
      await refreshDesigns();
    } catch (err) {
      setError(`${what}: ${(err as Error).message}`);
    }
  };

  return (
    <section className="interrupted" role="region" aria-label="Interrupted jobs">
      <h2>Work started before this page was opened</h2>
      <ul>
        {rows.map(({ entry, status }) => {
          const o = outcomeInWords(entry, status, time);
          return (
            <li key={entry.jobId} data-state={status.state}>
              <strong>{jobInWords(entry, names)}</strong>, started {time(entry.startedAt)}: {o.words}.{' '}
              {o.resumable && (
                <button type="button" onClick={() => void again(entry)}>
                  Run again
                </button>
              )}{' '}
              {!o.running && (
                <button type="button" onClick={() => dismiss(entry.jobId)}>
                  Dismiss
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
