import { useState } from 'react';
import { editApplies, editValueWords, editWords, invertIntentEdit, type IntentEdit } from '../../../src-shared/learn/intent-edit';
import type { WhatItWouldTake as Answer } from '../../../src-shared/learn/relaxation';
import { restoreIntent, type Intent } from '../../../src-shared/model/intent';
import { call } from '../../api/client';
import { revisionsOn, useIntentRevisions, type IntentRevision } from '../../state/intentRevisions';
import { useBaseIntentId } from '../../state/useProjectIntent';

/**
 * "What would it take" in the Options view: when verified mode finds no
 * option that meets the intent, the binding constraints and the smallest
 * relaxation of each (learn/relaxation.ts), each one click away. Apply stores
 * the edited intent (intent:revise) and the view re-ranks for it; Undo stores
 * the inverse edit and returns to the intent before.
 */
export function WhatItWouldTake({ projectId, intent, answer }: { projectId: string; intent: Intent | null; answer: Answer | null | undefined }) {
  const baseId = useBaseIntentId();
  const revisions = useIntentRevisions((s) => revisionsOn(s, projectId, baseId));
  const push = useIntentRevisions((s) => s.push);
  const pop = useIntentRevisions((s) => s.pop);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const top = revisions[revisions.length - 1] ?? null;
  const currentId = top?.id ?? baseId;

  const revise = async (intentId: string, edit: IntentEdit): Promise<IntentRevision> => {
    const rec = await call('intent:revise', { projectId, intentId, edit });
    const parsed = restoreIntent(rec.intent);
    if (!parsed.success) throw new Error(`the revised intent cannot be read: ${parsed.problems.join('; ')}`);
    return { id: rec.id, intent: parsed.data, edit };
  };
  const act = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const apply = (edit: IntentEdit) =>
    act(async () => {
      if (baseId === null || currentId === null) throw new Error('no stored intent to revise');
      push(projectId, baseId, await revise(currentId, edit));
    });
  const undo = () =>
    act(async () => {
      if (top === null) return;
      // The file records the undo too (a revision back); the view returns to the record before.
      await revise(top.id, invertIntentEdit(top.edit));
      pop(projectId);
    });

  return (
    <RelaxationPanel answer={answer ?? null} intent={intent} applied={top} busy={busy} problem={problem} onApply={(e) => void apply(e)} onUndo={() => void undo()} />
  );
}

/** The panel itself (no calls): what the component shows for an answer and the last applied edit. */
export function RelaxationPanel(props: {
  answer: Answer | null;
  intent: Intent | null;
  applied: IntentRevision | null;
  busy: boolean;
  problem: string | null;
  onApply: (edit: IntentEdit) => void;
  onUndo: () => void;
}) {
  const { answer, intent, applied, busy, problem } = props;
  if (answer === null && applied === null && problem === null) return null;
  const found = answer?.relaxations.filter((r) => r.edit !== null && r.option !== null) ?? [];
  const none = answer?.relaxations.filter((r) => r.edit === null) ?? [];
  return (
    <section className="relax" aria-label="What would it take">
      {applied !== null && (
        <p className="relax__applied" role="status">
          Intent revised: {editWords(applied.edit)}. Options are ranked again for it.{' '}
          <button type="button" onClick={props.onUndo} disabled={busy} aria-label={`Undo: ${editWords(applied.edit)}`}>
            Undo
          </button>
        </p>
      )}
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {answer !== null && (
        <>
          <h2>No option meets the intent — what would it take</h2>
          <ul className="relax__binding" aria-label="Binding constraints">
            {answer.binding.map((b) => (
              <li key={b.constraint}>
                <strong>{b.label}</strong>: failed by {b.failedBy.join(', ')}
                {b.relaxable ? '' : ' (no relaxation searched)'}
              </li>
            ))}
          </ul>
          <p className="muted">The smallest relaxation of each, found by generating and measuring again (any one is enough):</p>
          <ul className="relax__options" aria-label="Relaxations">
            {found.map((r) => {
              const edit = r.edit!;
              const can = intent !== null && editApplies(intent, edit) && !busy;
              return (
                <li key={r.constraint}>
                  <span>{r.text}</span>
                  {r.belowChecked !== null && <span className="muted"> ({editValueWords(edit, r.belowChecked)} checked: no option meets the intent.)</span>}{' '}
                  <button
                    type="button"
                    className="primary"
                    disabled={!can}
                    title={intent !== null && !editApplies(intent, edit) ? 'the intent no longer has this value' : undefined}
                    onClick={() => props.onApply(edit)}
                    aria-label={`Apply: ${editWords(edit)}`}
                  >
                    Apply
                  </button>
                </li>
              );
            })}
            {none.map((r) => (
              <li key={r.constraint} className="muted">
                {r.text}
              </li>
            ))}
          </ul>
          <p>{answer.atAnyPrice}</p>
        </>
      )}
    </section>
  );
}
