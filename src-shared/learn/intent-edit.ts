import { z } from 'zod';
import { RedundancySchema, type Intent } from '../model/intent';

/**
 * One edit of an intent's constraint: what a relaxation offers and what the
 * Options view applies with one click (and undoes by applying its inverse).
 * The one implementation of the edit, used by the relaxation search, the
 * CLI's words and the UI.
 */
export const IntentEditSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('budget'), from: z.number().positive(), to: z.number().positive() }),
  z.strictObject({ kind: z.literal('maxHops'), from: z.number().int().min(1).max(64), to: z.number().int().min(1).max(64) }),
  z.strictObject({ kind: z.literal('maxLatencyMs'), from: z.number().positive().max(10_000), to: z.number().positive().max(10_000) }),
  z.strictObject({
    kind: z.literal('latencyBudget'),
    index: z.number().int().min(0).max(199),
    from: z.number().positive().max(10_000),
    to: z.number().positive().max(10_000),
  }),
  z.strictObject({ kind: z.literal('redundancy'), from: RedundancySchema, to: RedundancySchema }),
]);
export type IntentEdit = z.infer<typeof IntentEditSchema>;

/** The intent with the edit applied (a new object; the input is not changed). */
export function applyIntentEdit(intent: Intent, edit: IntentEdit): Intent {
  switch (edit.kind) {
    case 'budget':
      return { ...intent, budgetUsd: edit.to };
    case 'maxHops':
      return { ...intent, constraints: { ...intent.constraints, maxHops: edit.to } };
    case 'maxLatencyMs':
      return { ...intent, constraints: { ...intent.constraints, maxLatencyMs: edit.to } };
    case 'latencyBudget': {
      const budgets = intent.constraints.latencyBudgets.map((b, i) => (i === edit.index ? { ...b, maxMs: edit.to } : b));
      return { ...intent, constraints: { ...intent.constraints, latencyBudgets: budgets } };
    }
    case 'redundancy':
      return { ...intent, redundancy: edit.to };
  }
}

/** The edit that takes it back. */
export function invertIntentEdit(edit: IntentEdit): IntentEdit {
  return { ...edit, from: edit.to, to: edit.from } as IntentEdit;
}

/** Whether the intent currently holds the edit's `from` value (so applying it is still meaningful). */
export function editApplies(intent: Intent, edit: IntentEdit): boolean {
  switch (edit.kind) {
    case 'budget':
      return intent.budgetUsd === edit.from;
    case 'maxHops':
      return intent.constraints.maxHops === edit.from;
    case 'maxLatencyMs':
      return intent.constraints.maxLatencyMs === edit.from;
    case 'latencyBudget':
      return intent.constraints.latencyBudgets[edit.index]?.maxMs === edit.from;
    case 'redundancy':
      return intent.redundancy === edit.from;
  }
}

const money = (x: number): string => `$${Math.round(x).toLocaleString('en-US')}`;
const short = (x: number): string =>
  Math.abs(x) >= 1e6 ? `$${(x / 1e6).toFixed(1)}M` : Math.abs(x) >= 1e3 ? `$${Math.round(x / 1e3).toLocaleString('en-US')}k` : money(x);

/** The edit in an architect's words: "raise the budget by $2.1M (to $4,300,000)". */
export function editWords(edit: IntentEdit): string {
  switch (edit.kind) {
    case 'budget':
      return `raise the budget by ${short(edit.to - edit.from)} (to ${money(edit.to)})`;
    case 'maxHops':
      return `allow ${edit.to} hops instead of ${edit.from}`;
    case 'maxLatencyMs':
      return `allow ${edit.to} ms between sites instead of ${edit.from} ms`;
    case 'latencyBudget':
      return `allow ${edit.to} ms instead of ${edit.from} ms in latency budget ${edit.index + 1}`;
    case 'redundancy':
      return `accept ${edit.to} instead of ${edit.from}`;
  }
}

/** A value of the edited constraint in words: "$1,675,000", "5 hops", "41.1 ms". */
export function editValueWords(edit: IntentEdit, value: number): string {
  switch (edit.kind) {
    case 'budget':
      return money(value);
    case 'maxHops':
      return `${value} hops`;
    case 'maxLatencyMs':
    case 'latencyBudget':
      return `${value} ms`;
    case 'redundancy':
      return String(value);
  }
}
