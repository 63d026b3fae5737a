import type { Channel } from '../../../src-shared/contract/channels';
import { FAMILY_COUNT, HISTORY, TABLES, type Counts, type Table } from './records';

/**
 * What each channel is ALLOWED to write to the project it names, stated from
 * the product's rules, not observed: the fuzz ledger adds these up for every
 * successful call and compares the sum with the rows really in each file. A
 * failed call must change nothing; a read must change nothing.
 */

/** A row-count change: exact, or a range where the product dedupes by id. */
export type Delta = Partial<Record<Table, number | { min: number; max: number }>>;

/** What the checker knows of the named project just before the call. */
export interface Before {
  counts: Counts;
  metaKeys: ReadonlySet<string>;
  /** Rows that reference the design named by the input's designId (for the delete cascade). */
  children: Partial<Record<Table, number>>;
}

/** Channels that never write a project row, whatever they answer. */
export const READS: ReadonlySet<Channel> = new Set<Channel>([
  'app:info', 'project:list', 'project:open', 'project:close', 'design:list', 'design:get', 'intent:get', 'design:choices',
  'pricebook:get', 'design:export', 'sim:list', 'sim:result', 'learn:report', 'learn:effects', 'learn:calibrations', 'optimise:list',
  'optimise:policy', 'audit:list', 'job:cancel', 'capacity:list', 'job:status',
]);

/** Channels whose answer is a job id; their writes happen in the job and are judged on its outcome. */
export const JOBS: ReadonlySet<Channel> = new Set<Channel>(['design:generateAll', 'design:importJob', 'design:validateJob', 'sim:run', 'recommend:verified', 'optimise:run', 'capacity:plan']);

type Input = Record<string, unknown>;

/** Rows a successful call (or finished job, `value` = its value) adds to the project it names. */
export function allowedDelta(channel: Channel, input: Input, value: unknown, before: Before): Delta {
  const v = value as Record<string, unknown>;
  switch (channel) {
    case 'design:generate':
      return { intents: 1, topology_records: 1, validation_records: 1, audit_log: 1, learning_samples: 1 };
    case 'design:generateAll': {
      const n = (value as unknown[]).length;
      // One audit row per family: generated or skipped with its reason.
      return { intents: 1, topology_records: n, validation_records: n, learning_samples: n, audit_log: FAMILY_COUNT };
    }
    case 'design:savePositions':
    case 'design:rename':
      return {};
    case 'intent:revise':
      return { intents: 1, audit_log: 1 };
    case 'design:delete': {
      const d: Delta = { topology_records: -1, audit_log: 1 };
      for (const [t, n] of Object.entries(before.children)) d[t as Table] = -n;
      return d;
    }
    case 'design:validate':
    case 'design:validateJob':
      return { validation_records: 1 };
    case 'design:update':
      return { audit_log: 1, validation_records: 1 };
    case 'pricebook:set': {
      const had = before.metaKeys.has('price_book');
      return { audit_log: 1, project_meta: input['book'] === null ? (had ? -1 : 0) : had ? 0 : 1 };
    }
    case 'design:import':
    case 'design:importJob':
      return { topology_records: 1, validation_records: 1, audit_log: 1 };
    case 'sim:run':
      return { simulation_records: 1, performance_metrics: 7, audit_log: 1 };
    case 'recommend:instant':
      return input['projectId'] === undefined ? {} : { intents: 1, recommendation_history: 1, audit_log: 1 };
    case 'recommend:verified':
      // Candidate samples carry deterministic ids: a repeat adds none (INSERT OR IGNORE).
      return input['projectId'] === undefined
        ? {}
        : { intents: 1, recommendation_history: 1, audit_log: 1, learning_samples: { min: 0, max: 20 * 4 } };
    case 'outcomes:import':
      return { outcomes: v['imported'] as number, audit_log: 1 };
    case 'learn:setEffect':
      // The switches live in one project_meta row, written the first time any effect is switched.
      return { audit_log: 1, project_meta: before.metaKeys.has('learn.effect_switches') ? 0 : 1 };
    case 'traffic:import':
      // Its periods go to traffic_periods (not in TABLES: no other channel writes there).
      return { audit_log: 1 };
    case 'optimise:run': {
      const steps = (v['steps'] as unknown[]).length;
      return { optimization_log: steps, audit_log: steps };
    }
    case 'capacity:plan':
      // The plan and its steps go to capacity_plans / capacity_steps (not in TABLES: only capacity:* writes there);
      // one audit entry for the plan and one per step's verdict.
      return { audit_log: 1 + (v['steps'] as unknown[]).length };
    case 'capacity:decide':
      return { decisions: 1, audit_log: 1 };
    case 'capacity:built':
    case 'capacity:outcomes':
      return { audit_log: 1 };
    case 'optimise:decide':
    case 'optimise:undo':
      return { decisions: 1, audit_log: 1 };
    case 'optimise:setPolicy':
      return { audit_log: 1, project_meta: before.metaKeys.has('governance.policy') ? 0 : 1 };
    case 'report:generate':
      return input['format'] === 'pdf' ? { audit_log: 1 } : {};
    case 'design:choose':
      return { decisions: 1, audit_log: 1 };
    case 'project:saveAs':
    case 'project:export':
      return { audit_log: channel === 'project:export' ? 1 : 0 };
    case 'project:create':
    default:
      return {};
  }
}

/** Rows of the file a successful create / Save As / export makes, from the source's rows before the call. */
export function newFileCounts(channel: Channel, input: Input, source: Counts | undefined): Counts {
  const zero = Object.fromEntries(TABLES.map((t) => [t, 0])) as Counts;
  if (channel === 'project:create') return { ...zero, project_meta: 3, audit_log: 1 };
  if (!source) throw new Error(`${channel}: no source project to copy`);
  if (channel === 'project:saveAs') return { ...source, audit_log: source.audit_log + 1 };
  if (input['includeHistory'] === true) return { ...source };
  const copy = { ...source };
  for (const t of HISTORY) copy[t] = 0;
  return copy;
}

/** Whether `after - before` is what `delta` allows: every disagreement, or null. */
export function deltaMismatch(before: Counts, after: Counts, delta: Delta): string | null {
  const out: string[] = [];
  for (const t of TABLES) {
    const d = delta[t] ?? 0;
    const got = after[t] - before[t];
    const ok = typeof d === 'number' ? got === d : got >= d.min && got <= d.max;
    if (!ok) out.push(`${t}: ${before[t]} → ${after[t]} (changed by ${got}, allowed ${JSON.stringify(d)})`);
  }
  return out.length > 0 ? out.join('; ') : null;
}

/** The count the ledger expects after applying `delta` (a range counts what was really added, within it). */
export function applyDelta(expected: Counts, delta: Delta, observed: Counts, before: Counts): Counts {
  const out = { ...expected };
  for (const t of TABLES) {
    const d = delta[t] ?? 0;
    out[t] += typeof d === 'number' ? d : Math.min(Math.max(observed[t] - before[t], d.min), d.max);
  }
  return out;
}
