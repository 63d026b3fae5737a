import { portPlan } from '../io/interfaces';
import type { Topology } from '../model/topology';
import type { CounterSample } from './counters';

/**
 * Puts measured interface rates onto the design's links, per direction.
 * A sample is matched, in this order, by:
 *   1. link id (`link` = a link of the design; `A<->B` / `A--B` is read as a device pair);
 *   2. device + interface, through the port plan every export uses
 *      (io/interfaces.ts: the names an imported lab gave, else the generated
 *      ones, in both the containerlab and the OS spelling, case-insensitive);
 *   3. device + peer device: the links joining them (parallel links share
 *      the rate evenly, as a LAG or ECMP bundle does; said in the report).
 * Devices are found by id or name, case-insensitive. Directed slots follow
 * sim/: slot 2e is link e from its source to its target.
 */
export interface MatchReport {
  samples: number;
  matched: number;
  byRule: { link: number; interface: number; peer: number };
  /** Unmatched samples grouped by reason, with up to 5 examples each. */
  unmatched: { why: string; count: number; examples: string[] }[];
  /** Links of the design no sample measured. */
  unmeasuredLinks: string[];
  notes: string[];
}

export interface MappedSample {
  time: number;
  slot: number;
  bps: number;
}

export function mapCounters(t: Pick<Topology, 'nodes' | 'links'>, samples: readonly CounterSample[]): { mapped: MappedSample[]; report: MatchReport } {
  const links = t.links.filter((l) => l.source !== l.target);
  const linkIndex = new Map(links.map((l, e) => [l.id, e]));
  const linkIndexLower = new Map(links.map((l, e) => [l.id.toLowerCase(), e]));
  const deviceOf = new Map<string, string>();
  for (const n of t.nodes) {
    deviceOf.set(n.name.toLowerCase(), n.id);
    deviceOf.set(n.id.toLowerCase(), n.id);
  }
  const portKey = (device: string, port: string): string => `${device}\u0000${port.toLowerCase().replace(/\s+/g, '')}`;
  const ports = new Map<string, string>();
  for (const form of ['os', 'clab'] as const) {
    for (const [device, list] of portPlan(t, form).byDevice) for (const p of list) ports.set(portKey(device, p.name), p.linkId);
  }
  const between = new Map<string, number[]>();
  links.forEach((l, e) => {
    for (const key of [`${l.source}\u0000${l.target}`, `${l.target}\u0000${l.source}`]) {
      const list = between.get(key) ?? [];
      list.push(e);
      between.set(key, list);
    }
  });

  const report: MatchReport = { samples: samples.length, matched: 0, byRule: { link: 0, interface: 0, peer: 0 }, unmatched: [], unmeasuredLinks: [], notes: [] };
  const reasons = new Map<string, { count: number; examples: string[] }>();
  const miss = (s: CounterSample, why: string): void => {
    const r = reasons.get(why) ?? { count: 0, examples: [] };
    r.count++;
    if (r.examples.length < 5) r.examples.push(s.where);
    reasons.set(why, r);
  };
  const mapped: MappedSample[] = [];
  const measured = new Uint8Array(links.length);
  let parallelSplit = 0;
  // Pushes the sample's rates onto link e seen from `device` (undefined: out = source→target).
  const put = (s: CounterSample, e: number, device: string | undefined, share: number): void => {
    const l = links[e]!;
    const forward = device === undefined || device === l.source;
    const outSlot = 2 * e + (forward ? 0 : 1);
    const inSlot = 2 * e + (forward ? 1 : 0);
    if (!Number.isNaN(s.outBps)) mapped.push({ time: s.time, slot: outSlot, bps: s.outBps * share });
    if (!Number.isNaN(s.inBps)) mapped.push({ time: s.time, slot: inSlot, bps: s.inBps * share });
    measured[e] = 1;
  };
  const pair = (s: CounterSample, a: string, b: string): boolean => {
    const da = deviceOf.get(a.toLowerCase());
    const db = deviceOf.get(b.toLowerCase());
    if (da === undefined || db === undefined) {
      miss(s, `device ${da === undefined ? `"${a}"` : `"${b}"`} is not in the design`);
      return false;
    }
    const list = between.get(`${da}\u0000${db}`);
    if (list === undefined) {
      miss(s, `no link joins ${a} and ${b} in the design`);
      return false;
    }
    if (list.length > 1) parallelSplit++;
    for (const e of list) put(s, e, da, 1 / list.length);
    report.byRule.peer++;
    return true;
  };

  for (const s of samples) {
    let ok = false;
    const device = s.device !== undefined ? deviceOf.get(s.device.toLowerCase()) : undefined;
    if (s.link !== undefined) {
      const e = linkIndex.get(s.link) ?? linkIndexLower.get(s.link.toLowerCase());
      const ends = /^(.+?)\s*(?:<->|--|↔)\s*(.+)$/.exec(s.link);
      if (e !== undefined) {
        const l = links[e]!;
        if (device !== undefined && device !== l.source && device !== l.target) {
          miss(s, `link ${s.link} does not end at device ${s.device}`);
          continue;
        }
        put(s, e, device, 1);
        report.byRule.link++;
        ok = true;
      } else if (ends !== null) {
        ok = pair(s, ends[1]!, ends[2]!);
        if (!ok) continue;
      } else if (s.iface === undefined && s.peer === undefined) {
        miss(s, `link "${s.link}" is not in the design`);
        continue;
      }
    }
    if (!ok && s.device !== undefined) {
      if (device === undefined) {
        miss(s, `device "${s.device}" is not in the design`);
        continue;
      }
      if (s.iface !== undefined) {
        const linkId = ports.get(portKey(device, s.iface));
        if (linkId !== undefined) {
          put(s, linkIndex.get(linkId)!, device, 1);
          report.byRule.interface++;
          ok = true;
        } else if (s.peer === undefined) {
          miss(s, `interface "${s.iface}" of ${s.device} carries no inter-device link in the design (access or management port?)`);
          continue;
        }
      }
      if (!ok && s.peer !== undefined) ok = pair(s, s.device, s.peer);
    }
    if (ok) report.matched++;
  }
  report.unmatched = [...reasons].map(([why, r]) => ({ why, ...r })).sort((a, b) => b.count - a.count);
  report.unmeasuredLinks = links.filter((_, e) => measured[e] === 0).map((l) => l.id);
  if (parallelSplit > 0) report.notes.push(`${parallelSplit} samples named a device pair joined by parallel links: the rate was split evenly over them`);
  return { mapped, report };
}

export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'all';
export type PeriodStatistic = 'p95' | 'max' | 'mean';

export interface PeriodLoads {
  /** "2026-03-01", "2026-W09", "2026-03", "2026-Q1" or "all" (UTC). */
  label: string;
  /** Unix seconds of the first and last sample. */
  start: number;
  end: number;
  /** Per directed slot, Gbit/s; NaN where no sample fell in the period. */
  loadsGbps: Float64Array;
  samples: number;
}

function periodLabel(time: number, kind: PeriodKind): string {
  if (kind === 'all') return 'all';
  const d = new Date(time * 1000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const pad = (v: number): string => String(v).padStart(2, '0');
  if (kind === 'day') return `${y}-${pad(m)}-${pad(d.getUTCDate())}`;
  if (kind === 'month') return `${y}-${pad(m)}`;
  if (kind === 'quarter') return `${y}-Q${Math.ceil(m / 3)}`;
  // ISO 8601 week: the week with the year's first Thursday is week 1.
  const day = (d.getUTCDay() + 6) % 7;
  const thursday = new Date(Date.UTC(y, d.getUTCMonth(), d.getUTCDate() - day + 3));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / 86400000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${pad(week)}`;
}

/**
 * One load per directed link and period: the statistic (default the 95th
 * percentile, nearest rank — the busy-period figure capacity planning and
 * burstable billing use; `max` and `mean` on request) of the samples in the
 * period. Samples of one slot at one time (the two ends of a link) are
 * averaged first. bit/s in, Gbit/s out.
 */
export function periodLoads(mapped: readonly MappedSample[], slots: number, kind: PeriodKind = 'month', statistic: PeriodStatistic = 'p95'): PeriodLoads[] {
  const byPeriod = new Map<string, { start: number; end: number; perSlot: Map<number, Map<number, { sum: number; n: number }>>; samples: number }>();
  for (const s of mapped) {
    if (s.slot < 0 || s.slot >= slots) continue;
    const label = periodLabel(s.time, kind);
    let p = byPeriod.get(label);
    if (p === undefined) byPeriod.set(label, (p = { start: s.time, end: s.time, perSlot: new Map(), samples: 0 }));
    p.start = Math.min(p.start, s.time);
    p.end = Math.max(p.end, s.time);
    p.samples++;
    let times = p.perSlot.get(s.slot);
    if (times === undefined) p.perSlot.set(s.slot, (times = new Map<number, { sum: number; n: number }>()));
    const at = times.get(s.time) ?? { sum: 0, n: 0 };
    at.sum += s.bps;
    at.n++;
    times.set(s.time, at);
  }
  return [...byPeriod]
    .sort((a, b) => a[1].start - b[1].start)
    .map(([label, p]) => {
      const loads = new Float64Array(slots).fill(Number.NaN);
      for (const [slot, times] of p.perSlot) {
        const v = [...times.values()].map((x) => x.sum / x.n).sort((a, b) => a - b);
        const stat =
          statistic === 'max' ? v[v.length - 1]! : statistic === 'mean' ? v.reduce((s, x) => s + x, 0) / v.length : v[Math.max(0, Math.ceil(0.95 * v.length) - 1)]!;
        loads[slot] = stat / 1e9;
      }
      return { label, start: p.start, end: p.end, loadsGbps: loads, samples: p.samples };
    });
}
