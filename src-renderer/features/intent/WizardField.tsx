import { useId, type ReactNode } from 'react';

/** A labelled field with its problem (from the shared schema) right under it. */
export function WizardField({ label, problem, children, hint }: { label: string; problem: string | undefined; hint?: string; children: (a11y: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId();
  const described = problem !== undefined ? `${id}-problem` : hint !== undefined ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        <span>{label}</span>
      </label>
      {children({ id, 'aria-invalid': problem !== undefined, ...(described !== undefined ? { 'aria-describedby': described } : {}) })}
      {problem !== undefined ? (
        <small id={`${id}-problem`} className="problem">
          {problem}
        </small>
      ) : hint !== undefined ? (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      ) : null}
    </div>
  );
}
