import type { JobChannel } from '../../src-shared/contract/contract';

/**
 * The jobs this browser (or desktop window) started and has not seen end,
 * kept in localStorage: a tab closed in the middle of a sweep leaves its
 * entry behind, and the page that opens the project next asks main what
 * became of it (job:status) and offers to run it again with the same inputs.
 * Inputs over INPUT_KEPT_CHARS (an imported file's text) are not kept: such a
 * job is shown as ended, not resumable.
 */
export interface LedgerEntry {
  jobId: string;
  channel: JobChannel;
  /** The call's input as it was sent; null when too large to keep. */
  input: unknown;
  projectId: string | null;
  startedAt: number;
  /** Which page load started it: the page itself follows its own jobs live. */
  page: string;
}

const KEY = 'nettwin.jobs.v1';
const INPUT_KEPT_CHARS = 256 * 1024;
const MAX_ENTRIES = 50;

/** This page load. */
export const PAGE_ID = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked (a locked-down browser profile): jobs are then only followed live
  }
}

const isEntry = (x: unknown): x is LedgerEntry => {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  return typeof e['jobId'] === 'string' && typeof e['channel'] === 'string' && typeof e['startedAt'] === 'number' && typeof e['page'] === 'string';
};

export function ledgerEntries(): LedgerEntry[] {
  const raw = storage()?.getItem(KEY);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
  } catch {
    return []; // damaged by hand or another version: nothing to show rather than a broken page
  }
}

function write(entries: LedgerEntry[]): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(entries.slice(-MAX_ENTRIES)));
  } catch {
    // Quota exceeded: the job still runs and is followed live; only the return notice is lost.
  }
}

export function rememberJob(jobId: string, channel: JobChannel, input: unknown): void {
  const text = JSON.stringify(input);
  const projectId = typeof input === 'object' && input !== null && typeof (input as Record<string, unknown>)['projectId'] === 'string' ? ((input as Record<string, unknown>)['projectId'] as string) : null;
  write([...ledgerEntries().filter((e) => e.jobId !== jobId), { jobId, channel, input: text.length <= INPUT_KEPT_CHARS ? input : null, projectId, startedAt: Date.now(), page: PAGE_ID }]);
}

export function forgetJob(jobId: string): void {
  const all = ledgerEntries();
  if (all.some((e) => e.jobId === jobId)) write(all.filter((e) => e.jobId !== jobId));
}
