import { costDesign } from '../cost/cost';
import { DEFAULT_PRICE_BOOK, type PriceBook } from '../cost/pricebook';
import type { Intent, Redundancy } from '../model/intent';
import type { Topology } from '../model/topology';
import { applyPatch, type PatchOp } from './patch';
import { assess, meetsClass, newFailures, type StepMetrics } from './metrics';

/** A proposed step before governance: what it changes and why. */
export interface StepProposal {
  rule: string;
  rationale: string;
  patch: PatchOp[];
  before: StepMetrics;
  after: StepMetrics;
  /** Expected improvement, signed so that positive is better (USD saved, elements fixed, utilisation points lowered). */
  expected: { metric: string; delta: number; unit: string };
}

export interface StrategyInput {
  topology: Topology;
  intent?: Intent;
  /** The redundancy class every step must keep. */
  keep: Redundancy;
  priceBook?: PriceBook;
}

/** Most removals tried per cost step (dearest first). */
export const COST_CANDIDATES = 80;

/**
 * Cut cost: remove the dearest link or device whose removal keeps the
 * redundancy class `keep` (validation's class analysis) and introduces no
 * new failing check. Candidates: every link, and every device at a site
 * that has another device, ordered by the saving (device + its links), at
 * most COST_CANDIDATES tried. Greedy first-improvement, one removal per
 * step. O(COST_CANDIDATES · validate). Reference: the "greedy drop"
 * heuristic for network design, Kershenbaum, "Telecommunications Network
 * Design Algorithms" (1993), ch. 5.
 */
export function proposeCostCut(input: StrategyInput): StepProposal | null {
  const book = input.priceBook ?? DEFAULT_PRICE_BOOK;
  const t = input.topology;
  const base = assess(t, input.intent, book);
  if (!meetsClass(base.validation, input.keep)) return null;
  const perSite = new Map<string, number>();
  for (const d of t.nodes) if (d.site !== undefined) perSite.set(d.site, (perSite.get(d.site) ?? 0) + 1);
  const candidates: { patch: PatchOp[]; what: string }[] = [];
  for (const l of t.links) candidates.push({ patch: [{ op: 'remove-link', link: l }], what: `link ${l.id} (${l.source}–${l.target})` });
  for (const d of t.nodes) {
    if (d.site === undefined || (perSite.get(d.site) ?? 0) < 2) continue;
    const links = t.links.filter((l) => l.source === d.id || l.target === d.id);
    candidates.push({ patch: [{ op: 'remove-device', device: d, links }], what: `device ${d.id} and its ${links.length} links` });
  }
  const saving = (p: PatchOp[]) => base.metrics.costUsd - costDesign(applyPatch(t, p), book).totalUsd;
  const ranked = candidates
    .map((c, i) => ({ ...c, i, saving: saving(c.patch) }))
    .filter((c) => c.saving > 0)
    .sort((a, b) => b.saving - a.saving || a.i - b.i)
    .slice(0, COST_CANDIDATES);
  for (const c of ranked) {
    const next = applyPatch(t, c.patch);
    const after = assess(next, input.intent, book);
    if (!meetsClass(after.validation, input.keep) || newFailures(base.validation, after.validation).length > 0) continue;
    return {
      rule: `cost: remove while ${input.keep} holds`,
      rationale: `Removing ${c.what} saves ${Math.round(c.saving).toLocaleString('en-US')} USD; the design still meets ${input.keep} (${after.metrics.redundancy} achieved) and no check that passed now fails.`,
      patch: c.patch,
      before: base.metrics,
      after: after.metrics,
      expected: { metric: 'costUsd', delta: Math.round(c.saving), unit: 'USD' },
    };
  }
  return null;
}
