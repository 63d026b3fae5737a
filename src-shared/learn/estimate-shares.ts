import { notApplicableFamilies } from '../generate/applicability';
import type { Intent } from '../model/intent';
import { TOPOLOGY_FAMILIES, type Family } from '../model/topology';
import type { FamilyEstimates } from './estimate';
import { familyWork } from './family-work';

/**
 * The instant estimate split over worker threads: each estimates a share of
 * the applicable families (estimateFamilies with `families`), and the shares'
 * answers are merged into exactly what one estimateFamilies call answers. At
 * 500 sites one family takes 0.3–1.5 s of CPU and the families are
 * independent, so two cores halve the wait for the estimate that replaces
 * the first paint.
 */

/**
 * Applicable families dealt into `parts` shares (fewer when there are fewer
 * families), longest predicted work first, each to the share with the least
 * work so far (verify.ts familyWork): dealt round-robin, one worker got the
 * dual hub and the partial mesh of a 500-site intent (~2× the other's work).
 */
export function estimateShares(intent: Intent, parts: number): Family[][] {
  const out = new Set(notApplicableFamilies(intent).map((s) => s.family));
  const families = TOPOLOGY_FAMILIES.filter((f) => !out.has(f));
  const n = Math.max(1, Math.min(parts, families.length));
  const shares = Array.from({ length: n }, () => ({ families: [] as Family[], work: 0 }));
  for (const f of [...families].sort((a, b) => familyWork(b) - familyWork(a) || rank(a) - rank(b))) {
    const least = shares.reduce((m, s) => (s.work < m.work ? s : m));
    least.families.push(f);
    least.work += familyWork(f);
  }
  return shares.map((s) => s.families);
}

const rank = (f: Family): number => TOPOLOGY_FAMILIES.indexOf(f);

/** The shares' estimates as one estimateFamilies call over every family lists them. */
export function mergeEstimates(intent: Intent, parts: readonly FamilyEstimates[]): FamilyEstimates {
  const notApplicable = new Set(notApplicableFamilies(intent).map((s) => s.family));
  // Every share lists the families not applicable (first, in one order); the generator's refusals follow, by family.
  const first = parts[0]?.skipped.filter((s) => notApplicable.has(s.family)) ?? [];
  const refused = parts.flatMap((p) => p.skipped.filter((s) => !notApplicable.has(s.family))).sort((a, b) => rank(a.family) - rank(b.family));
  return {
    estimates: parts.flatMap((p) => p.estimates).sort((a, b) => rank(a.family) - rank(b.family)),
    skipped: [...first, ...refused],
    tooLarge: parts.flatMap((p) => p.tooLarge).sort((a, b) => rank(a) - rank(b)),
  };
}
