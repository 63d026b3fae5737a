import type { VerifiedOption } from './options';

/**
 * An option's verdict as every surface states it (the Options view's badge,
 * the decision pack's table): a verified option's is what was measured —
 * meets the intent, yes or no, and which checks failed — never a
 * probability; an estimate's is its P(success) and confidence. A verified
 * option's stored confidence and P(success) (1 or 0, by its verdict) are not
 * estimates, and printed as "Confidence 100 %" / "P(success) 0 %" a board
 * member reads them as one; so the kind decides the columns, here, once.
 */
export type OptionVerdict =
  | { kind: 'measured'; meets: boolean; failed: readonly string[]; label: string }
  | { kind: 'estimate'; successProbability: number | null; confidence: number | null; label: string };

/** What an option carries that decides its verdict: a verified option's measurement, else the estimate's figures. */
export interface VerdictSource {
  verified?: (Pick<VerifiedOption, 'success'> & { failed: readonly { title: string }[] }) | null | undefined;
  successProbability?: number | null | undefined;
  confidence?: number | null | undefined;
}

const pct = (x: number | null): string => (x === null ? '—' : `${Math.round(x * 100)} %`);

export function optionVerdict(o: VerdictSource): OptionVerdict {
  const v = o.verified;
  if (v !== null && v !== undefined) {
    const failed = v.failed.map((f) => f.title);
    const label = v.success
      ? 'verified: meets the intent'
      : `verified: fails ${failed.length === 0 ? 'the intent' : `${failed.length} constraint${failed.length === 1 ? '' : 's'}`}`;
    return { kind: 'measured', meets: v.success, failed, label };
  }
  const successProbability = o.successProbability ?? null;
  return { kind: 'estimate', successProbability, confidence: o.confidence ?? null, label: `estimate: P(success) ${pct(successProbability)}` };
}

/** The column heads of a table of options of that kind (decision pack). */
export const VERDICT_HEADS = {
  measured: ['Meets the intent (measured)', 'Checks failed (measured)'],
  estimate: ['Confidence (estimate)', 'P(success) (estimate)'],
} as const;
