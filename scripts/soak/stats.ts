import type { CallOutcome } from './api';

/**
 * Codes that concurrent users provoke on purpose and the app answers
 * correctly: a stale revision or a name taken by another client (CONFLICT),
 * a project held by another process (LOCKED), a job cancelled (CANCELLED).
 * Anything else — INTERNAL, NOT_FOUND, a non-200 answer, a socket error — is
 * a failure of the soak.
 */
export const EXPECTED_CODES: ReadonlySet<string> = new Set(['CONFLICT', 'LOCKED', 'CANCELLED']);

const KEPT_MESSAGES = 20;

interface Series {
  calls: number;
  ok: number;
  samples: number[];
  /** Answers that were not ok, by code. */
  errors: Map<string, number>;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export function summarise(samples: readonly number[]): LatencySummary {
  if (samples.length === 0) return { count: 0, p50: 0, p95: 0, max: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank percentile: an observed value, never an interpolation.
  const rank = (p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { count: sorted.length, p50: rank(50), p95: rank(95), max: sorted[sorted.length - 1]! };
}

/** Counters for a soak run: calls and jobs per channel, answers by error code, latencies, unexpected failures. */
export class Stats {
  readonly byChannel = new Map<string, Series>();
  readonly jobs = new Map<string, Series>();
  readonly codes = new Map<string, number>();
  readonly unexpected: string[] = [];
  unexpectedCount = 0;
  simsCompleted = 0;
  simsCancelled = 0;
  progressEvents = 0;

  private series(map: Map<string, Series>, key: string): Series {
    let s = map.get(key);
    if (!s) map.set(key, (s = { calls: 0, ok: 0, samples: [], errors: new Map() }));
    return s;
  }

  private count(code: string): void {
    this.codes.set(code, (this.codes.get(code) ?? 0) + 1);
  }

  recordCall(channel: string, ms: number, out: CallOutcome): void {
    const s = this.series(this.byChannel, channel);
    s.calls++;
    s.samples.push(ms);
    if (out.ok) {
      s.ok++;
      this.count('ok');
      return;
    }
    const code = 'transport' in out ? 'TRANSPORT' : out.error.code;
    s.errors.set(code, (s.errors.get(code) ?? 0) + 1);
    this.count(code);
    if ('transport' in out) this.fail(`${channel}: ${out.transport}`);
    else if (!EXPECTED_CODES.has(code)) this.fail(`${channel}: ${code} ${out.error.message}`);
  }

  /** A job from its start call to its `job:finished` event. */
  recordJob(kind: string, ms: number, ok: boolean, code: string | null): void {
    const s = this.series(this.jobs, kind);
    s.calls++;
    s.samples.push(ms);
    if (ok) s.ok++;
    const c = ok ? 'job ok' : `job ${code ?? 'LOST'}`;
    if (!ok) s.errors.set(code ?? 'LOST', (s.errors.get(code ?? 'LOST') ?? 0) + 1);
    this.count(c);
  }

  /** Anything that must not happen under load; the run fails if there is one. */
  fail(message: string): void {
    this.unexpectedCount++;
    if (this.unexpected.length < KEPT_MESSAGES) this.unexpected.push(message);
  }

  get totalCalls(): number {
    let n = 0;
    for (const s of this.byChannel.values()) n += s.calls;
    return n;
  }

  latency(map: Map<string, Series>): [string, { calls: number; ok: number; errors: string } & LatencySummary][] {
    return [...map.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, s]) => [k, { ...summarise(s.samples), calls: s.calls, ok: s.ok, errors: [...s.errors].map(([c, n]) => `${c} ${n}`).join(', ') }]);
  }
}
