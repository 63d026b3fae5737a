import { useId, useState } from 'react';
import type { z } from 'zod';

/**
 * A text/number field that commits on Enter or blur, after checking the
 * value with a shared zod schema; the problem is shown under the field.
 */
export function CommitField<T>({
  label,
  initial,
  schema,
  parse,
  onCommit,
  disabled,
  type = 'text',
}: {
  label: string;
  initial: string;
  schema: z.ZodType<T>;
  parse: (raw: string) => unknown;
  onCommit: (v: T) => void;
  disabled: boolean;
  type?: 'text' | 'number';
}) {
  const [raw, setRaw] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const commit = (): void => {
    if (raw === initial) return;
    const r = schema.safeParse(parse(raw));
    if (!r.success) {
      setProblem(r.error.issues[0]?.message ?? 'invalid value');
      return;
    }
    setProblem(null);
    onCommit(r.data);
  };
  return (
    <label className="field field--compact">
      <span>{label}</span>
      <input
        type={type}
        value={raw}
        disabled={disabled}
        onChange={(e) => setRaw(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? `${id}-problem` : undefined}
      />
      {problem !== null && (
        <small id={`${id}-problem`} className="problem">
          {problem}
        </small>
      )}
    </label>
  );
}

/** '' → undefined (clears an optional number), otherwise a number (NaN is reported by zod). */
export const numberOrUndefined = (raw: string): number | undefined => (raw.trim() === '' ? undefined : Number(raw));
