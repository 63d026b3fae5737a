import type { DecisionRecord } from '../model/records';

/**
 * The one rule for "which design has been decided": the newest decision that
 * chooses a design (its verb as the app writes it, `chosen`, or the synonyms
 * older records and other tools use) about a design that still exists. The
 * slides, the decision pack and the CLI report all use it, so no two screens
 * name a different choice.
 */
const CHOOSING = /^(choose|chosen|select|selected|approve|approved|accept|accepted|adopt|adopted)$/i;
const DESIGN_SUBJECTS = new Set(['design', 'topology']);

/** The verb and subject kind the app records when a person chooses a design. */
export const DESIGN_CHOICE = { subjectKind: 'design', decision: 'chosen' } as const;

export function isDesignChoice(d: Pick<DecisionRecord, 'subjectKind' | 'decision'>): boolean {
  return DESIGN_SUBJECTS.has(d.subjectKind) && CHOOSING.test(d.decision.trim());
}

/** The newest choice of a design among `designIds` (all designs when omitted), or null. */
export function latestDesignChoice<D extends DecisionRecord>(decisions: readonly D[], designIds?: ReadonlySet<string>): D | null {
  let best: D | null = null;
  for (const d of decisions) {
    if (!isDesignChoice(d) || (designIds !== undefined && !designIds.has(d.subjectId))) continue;
    if (best === null || d.createdAt >= best.createdAt) best = d;
  }
  return best;
}

/** "Chosen by A. Board on 2026-12-06: cheapest that meets CRITICAL." */
export function choiceInWords(d: Pick<DecisionRecord, 'actor' | 'decision' | 'reason' | 'createdAt'>): string {
  const day = new Date(d.createdAt).toISOString().slice(0, 10);
  const verb = d.decision.trim().toLowerCase() === 'chosen' ? 'Chosen' : `Chosen (decision "${d.decision}")`;
  return `${verb} by ${d.actor} on ${day}${d.reason ? `: ${d.reason}` : '.'}`;
}
