/**
 * The periods a capacity plan looks ahead over, continuing the measured ones
 * (the same labels traffic/mapping.ts gives: "2026-11", "2026-Q4",
 * "2026-W48", "2026-11-30"), or quarters from today when nothing was
 * measured. Growth rates are per period, so the plan's period is the measured
 * one. UTC throughout.
 */
export type PlanPeriodKind = 'day' | 'week' | 'month' | 'quarter';

export interface PlanPeriod {
  /** 0 = the last measured period (or the current quarter), then 1, 2, … ahead. */
  ahead: number;
  label: string;
  /** First day, ISO date. */
  start: string;
  /** In words for a board: "Q3 2027", "Mar 2027", "week 9 of 2027", "2 Mar 2027". */
  title: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (v: number): string => String(v).padStart(2, '0');
const iso = (d: Date): string => d.toISOString().slice(0, 10);

/** The kind and first day of a measured period label; null for labels a plan cannot continue ("all"). */
export function parsePeriodLabel(label: string): { kind: PlanPeriodKind; start: Date } | null {
  let m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (m) return { kind: 'quarter', start: new Date(Date.UTC(+m[1]!, (+m[2]! - 1) * 3, 1)) };
  m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m) return { kind: 'month', start: new Date(Date.UTC(+m[1]!, +m[2]! - 1, 1)) };
  m = /^(\d{4})-W(\d{2})$/.exec(label);
  if (m) {
    // ISO week 1 holds 4 January; its Monday is the week's first day.
    const jan4 = new Date(Date.UTC(+m[1]!, 0, 4));
    const monday = Date.UTC(+m[1]!, 0, 4 - ((jan4.getUTCDay() + 6) % 7));
    return { kind: 'week', start: new Date(monday + (+m[2]! - 1) * 7 * 86400000) };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  if (m) return { kind: 'day', start: new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) };
  return null;
}

function step(start: Date, kind: PlanPeriodKind, n: number): Date {
  if (kind === 'quarter') return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3 * n, 1));
  if (kind === 'month') return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + n, 1));
  return new Date(start.getTime() + n * (kind === 'week' ? 7 : 1) * 86400000);
}

function labelOf(d: Date, kind: PlanPeriodKind): { label: string; title: string } {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (kind === 'quarter') return { label: `${y}-Q${Math.floor(m / 3) + 1}`, title: `Q${Math.floor(m / 3) + 1} ${y}` };
  if (kind === 'month') return { label: `${y}-${pad(m + 1)}`, title: `${MONTHS[m]} ${y}` };
  if (kind === 'day') return { label: iso(d), title: `${d.getUTCDate()} ${MONTHS[m]} ${y}` };
  const thursday = new Date(d.getTime() + 3 * 86400000);
  const wy = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(wy, 0, 1)) / 86400000 / 7) + 1;
  return { label: `${wy}-W${pad(week)}`, title: `week ${week} of ${wy}` };
}

/**
 * Period 0 (the last measured, or the quarter holding `now`) and `count`
 * periods after it.
 */
export function planPeriods(lastMeasured: string | null, count: number, now: Date): PlanPeriod[] {
  const parsed = lastMeasured === null ? null : parsePeriodLabel(lastMeasured);
  const kind: PlanPeriodKind = parsed?.kind ?? 'quarter';
  const start = parsed?.start ?? new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
  return Array.from({ length: count + 1 }, (_, ahead) => {
    const d = step(start, kind, ahead);
    return { ahead, start: iso(d), ...labelOf(d, kind) };
  });
}
