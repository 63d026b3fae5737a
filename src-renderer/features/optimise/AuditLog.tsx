import type { AuditEntryShape, OptimisationEntryShape } from '../../../src-shared/contract/learn-types';
import { auditActionInWords, auditReason, subjectInWords } from '../../../src-shared/model/names';
import { detailText } from '../../../src-shared/report/escape';
import { useSession } from '../../state/session';

/**
 * The project's audit log as a reader wants it: what was done in words, what
 * it was about by name (a design, "step 3 on hybrid"), and why, with the raw
 * action and detail kept underneath. The decision pack prints the same words
 * (model/names.ts).
 */
export function AuditLog({ entries, steps }: { entries: readonly AuditEntryShape[]; steps: readonly OptimisationEntryShape[] }) {
  const designs = useSession((s) => s.designs);
  const ctx = { designNames: Object.fromEntries(designs.map((d) => [d.id, d.name])), steps, when: (ms: number) => new Date(ms).toLocaleString() };
  return (
    <table className="worst audit-log" aria-label="Audit log">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">About</th>
          <th scope="col">Why / detail</th>
        </tr>
      </thead>
      <tbody>
        {entries.length === 0 && (
          <tr>
            <td colSpan={5} className="muted">
              Nothing recorded yet.
            </td>
          </tr>
        )}
        {entries.map((e) => {
          const reason = auditReason(e.detail);
          const extra = reason === null ? e.detail : withoutReason(e.detail as Record<string, unknown>);
          const rest = extra === null ? '' : detailText(extra);
          return (
            <tr key={e.id}>
              <td>{new Date(e.at).toLocaleString()}</td>
              <td>{e.actor}</td>
              <td title={e.action}>{auditActionInWords(e.action)}</td>
              <td title={e.subject ?? ''}>{e.subject === null ? '' : subjectInWords(ctx, '', e.subject)}</td>
              <td>
                {reason !== null && <strong>{reason}</strong>}
                {rest !== '' && <span className="muted small">{reason !== null ? ' · ' : ''}{rest}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function withoutReason(detail: Record<string, unknown>): Record<string, unknown> | null {
  const rest = Object.fromEntries(Object.entries(detail).filter(([k]) => k !== 'reason'));
  return Object.keys(rest).length === 0 ? null : rest;
}
