import { optionVerdict } from '../../../src-shared/learn/verdict';
import type { OptionRow } from './rows';

const pct = (x: number | null): string => (x === null ? '—' : `${Math.round(x * 100)} %`);

/**
 * An option's verdict in the Options view, by the one rule the decision pack
 * follows (learn/verdict.ts): a verified option shows what was measured —
 * meets the intent or the constraints it fails — never a probability; an
 * estimate its P(success) and confidence. The badge's colour follows the verdict.
 */
export function VerdictBadge({ row }: { row: OptionRow }) {
  if (row.kind === 'verified') {
    const v = optionVerdict({ verified: row.verified });
    return (
      <span className={v.kind === 'measured' && v.meets ? 'pill pill--ok' : 'pill pill--bad'} title="measured by generation and simulation">
        {v.label}
      </span>
    );
  }
  const v = optionVerdict(row.estimate);
  const p = v.kind === 'estimate' ? v.successProbability : null;
  return (
    <>
      <span className={p !== null && p >= 0.5 ? 'pill pill--ok' : 'pill pill--bad'} title="estimate from history: P(success) × familiarity">
        {row.pending ? 'estimate, verifying… ' : 'estimate: '}P(success) {pct(p)}
      </span>
      <span className="muted">confidence {pct(v.kind === 'estimate' ? v.confidence : null)}</span>
    </>
  );
}
