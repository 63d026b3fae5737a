import { notApplicableFamilies } from '../generate/applicability';
import { GenerateError } from '../generate/builder';
import type { Intent } from '../model/intent';
import { TOPOLOGY_FAMILIES } from '../model/topology';
import { ESTIMATE_SIZING_MAX_DEVICES, plannedShape } from './estimate';
import { familyWork } from './family-work';
import { ESTIMATE_MAX_SITES } from './recommend';

/**
 * What the Options view runs after history's first paint: verification of
 * every family at once, or the instant estimate first (issue 17: "verified is
 * the answer wherever it is affordable").
 *
 * Verification is affordable exactly where the estimate would generate and
 * size every applicable family for the failures its class must survive (up
 * to ESTIMATE_SIZING_MAX_DEVICES devices, estimate.ts): there the estimate
 * costs what verification costs (the same generator and the same
 * capacity-under-failure run; verification adds pricing, validation and the
 * failure sweep, ~10 %), so an estimate first would only delay the exact
 * ranking by its own length. Above that size the estimate keeps the
 * skeleton's own speeds and costs a fraction of verification: it stays, and
 * verification is the user's click.
 */
export interface VerifyUpFront {
  /** True: verify every family now; false: the estimate first. */
  auto: boolean;
  /** Applicable families (verification's candidates, one seed each). */
  families: number;
  /** Largest design (devices) among them before sizing. */
  largestDevices: number;
  /**
   * A guide shown to the user, not a result: verification's CPU seconds at
   * 500 sites (family-work.ts, measured) scaled by the square of each design's
   * devices (failures × destinations) and shared by `threads`.
   */
  predictedSeconds: number;
  /** In words, for the view. */
  reason: string;
}

const siteTotal = (intent: Intent): number => intent.siteGroups.reduce((a, g) => a + Math.max(g.count ?? 0, g.sites?.length ?? 0), 0);

/** Devices of the designs family-work.ts's figures were measured on (the 500-site retail chain). */
const WORK_MEASURED_DEVICES = 510;

/**
 * Whether to verify every family up front, from each applicable family's
 * planned shape (its generator and core hardening, what the estimate sizes
 * or not: some tens of ms at 500 sites).
 */
export function verifyUpFront(intent: Intent, threads: number): VerifyUpFront {
  const sites = siteTotal(intent);
  if (sites > ESTIMATE_MAX_SITES) {
    return { auto: false, families: 0, largestDevices: 0, predictedSeconds: 0, reason: `${sites} sites: above ${ESTIMATE_MAX_SITES} sites history alone answers first` };
  }
  const out = new Set(notApplicableFamilies(intent).map((s) => s.family));
  let families = 0;
  let largest = 0;
  let work = 0;
  for (const family of TOPOLOGY_FAMILIES) {
    if (out.has(family)) continue;
    let devices: number;
    try {
      devices = plannedShape(intent, family).nodes.length;
    } catch (err) {
      // A family its generator refuses is skipped by verification at once too: it costs nothing.
      if (err instanceof GenerateError) continue;
      throw err;
    }
    families++;
    largest = Math.max(largest, devices);
    work += familyWork(family) * (devices / WORK_MEASURED_DEVICES) ** 2;
  }
  const predictedSeconds = work / Math.max(1, Math.min(threads, families));
  if (largest > ESTIMATE_SIZING_MAX_DEVICES) {
    return {
      auto: false, families, largestDevices: largest, predictedSeconds,
      reason: `the largest design has ${largest} devices (over ${ESTIMATE_SIZING_MAX_DEVICES}): the estimate comes first, verification on request`,
    };
  }
  return {
    auto: true, families, largestDevices: largest, predictedSeconds,
    reason: `every family is verified at once (designs of up to ${largest} devices): the estimate would generate and size them all anyway`,
  };
}
