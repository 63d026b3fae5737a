import { costDesign, type CostBreakdown } from '../cost/cost';
import { DEFAULT_PRICE_BOOK } from '../cost/pricebook';
import { type Intent, restoreIntent } from '../model/intent';
import type { TopologyRecord, ValidationRecord } from '../model/records';
import { validateDesign } from '../validate/validate';
import type { ValidationResult } from '../validate/types';
import type { ReportInput } from './model';

/**
 * The validation each design is reported with. The stored one when it is
 * for the design's current revision; otherwise (none stored, stored for an
 * older revision, or unreadable) the same pure validation is run now
 * against the design's intent and cost, and the report says so. A figure
 * computed now is still computed, never guessed.
 */
export interface DesignValidation {
  result: ValidationResult;
  computed: boolean;
  /** Why the checks were run for this report (null when the stored ones are current). */
  note: string | null;
}

/**
 * A stored cost document is used when it has the CostBreakdown shape (capex,
 * monthly recurring and TCO); otherwise, including the capex-only shape saved
 * before the TCO model, the design is priced again.
 */
export function storedCost(raw: unknown): CostBreakdown | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const c = raw as Partial<CostBreakdown>;
  const nums = [c.totalUsd, c.capexUsd, c.mrcUsd, c.tcoUsd, c.termYears, c.discountRatePct];
  if (!nums.every((x) => typeof x === 'number' && Number.isFinite(x))) return null;
  const objects = [c.byRole, c.byTransport, c.capex, c.monthly];
  if (!objects.every((o) => typeof o === 'object' && o !== null) || typeof c.priceBook !== 'string') return null;
  return c as CostBreakdown;
}

export function costOf(d: TopologyRecord, input: Pick<ReportInput, 'priceBook'>): { cost: CostBreakdown; stored: boolean } {
  const stored = storedCost(d.cost);
  return stored ? { cost: stored, stored: true } : { cost: costDesign(d.topology, input.priceBook ?? DEFAULT_PRICE_BOOK), stored: false };
}

/** Stored validation documents are the ValidationResult of validate/validate.ts. */
function readable(rec: ValidationRecord): ValidationResult | null {
  const r = rec.result as Partial<ValidationResult> | undefined;
  return r && Array.isArray(r.checks) && typeof r.score === 'number' && typeof r.passed === 'boolean' && typeof r.metrics === 'object'
    ? (r as ValidationResult)
    : null;
}

export function validationsFor(input: ReportInput): Map<string, DesignValidation> {
  const latest = new Map<string, ValidationRecord>();
  for (const v of input.validations) {
    const seen = latest.get(v.topologyId);
    if (!seen || v.createdAt >= seen.createdAt) latest.set(v.topologyId, v);
  }
  const intents = new Map<string, Intent | undefined>();
  for (const i of input.intents) {
    const parsed = restoreIntent(i.intent);
    intents.set(i.id, parsed.success ? parsed.data : undefined);
  }
  const out = new Map<string, DesignValidation>();
  for (const d of input.designs) {
    const rec = latest.get(d.id);
    const stored = rec ? readable(rec) : null;
    if (rec && stored && rec.topologyRevision === d.revision) {
      out.set(d.id, { result: stored, computed: false, note: null });
      continue;
    }
    const intent = d.intentId === null ? undefined : intents.get(d.intentId);
    const result = validateDesign(d.topology, intent, { cost: costOf(d, input).cost });
    const why = !rec
      ? 'No validation is stored for this design'
      : !stored
        ? 'The stored validation of this design could not be read'
        : `The stored validation is for revision ${rec.topologyRevision}, the design is at revision ${d.revision}`;
    out.set(d.id, {
      result,
      computed: true,
      note: `${why}; these checks were run for this report${intent ? ' against its intent' : ' against the defaults (no intent)'}.`,
    });
  }
  return out;
}
