import type { Redundancy } from '../model/intent';

export type Severity = 'error' | 'warning' | 'info';

/** The links or nodes a check is about, capped at EVIDENCE_LIMIT ids each. */
export interface Evidence {
  nodes: string[];
  links: string[];
}

/**
 * One explained check. `severity` says what a failure means: `error` — the
 * design does not meet the intent; `warning` — it does, with a weakness
 * worth fixing; `info` — a figure reported for context (always passes).
 */
export interface Check {
  id: string;
  title: string;
  passed: boolean;
  severity: Severity;
  message: string;
  evidence: Evidence;
  /** Share of the score (see score.ts); 0 for info checks. */
  weight: number;
}

export interface ValidationResult {
  /** 0–100, see score.ts. */
  score: number;
  /** True when no error-severity check fails. */
  passed: boolean;
  /** Strongest redundancy class the design meets (null when it is not even connected). */
  redundancyAchieved: Redundancy | null;
  /** Fewest-hop diameter between sites, and the worst site-pair latency (ms) on the lowest-latency path. */
  metrics: {
    diameterHops: number;
    maxLatencyMs: number;
    unreachablePairs: number;
    /** Per intent latency budget (same order): the worst matched site pair's latency in ms, unrounded. */
    latencyBudgetWorstMs?: number[];
    /** The traffic model's total demand (Gbit/s, growth included) when the design states any. */
    totalDemandGbps?: number;
    /** Worst link utilisation over the failures the required class must survive, and that case in words. */
    worstUtilisation?: number;
    worstCase?: string;
  };
  checks: Check[];
}

export const EVIDENCE_LIMIT = 50;

export const evidence = (nodes: Iterable<string> = [], links: Iterable<string> = []): Evidence => ({
  nodes: [...new Set(nodes)].slice(0, EVIDENCE_LIMIT),
  links: [...new Set(links)].slice(0, EVIDENCE_LIMIT),
});

/** "3 links" / "1 link". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
