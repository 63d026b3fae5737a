import { redundancyRank, type Redundancy } from '../model/intent';
import type { Site } from '../model/topology';
import { greatCircleKm } from './geo';
import { isImportantSite } from './sites';

/**
 * How many circuits a site gets towards its upstream devices, by the
 * intent's redundancy class (see docs/design-model.md):
 * NONE 1; STANDARD 2 for HQ / datacenter / region-hub sites, else 1;
 * HIGH 2 (dual-homed, to two different devices); CRITICAL 3 (two devices,
 * plus a second, separately routed circuit to the nearer one) so that no two
 * link failures can cut a site off.
 */
export function homingCount(redundancy: Redundancy, site: Site): number {
  switch (redundancy) {
    case 'NONE':
      return 1;
    case 'STANDARD':
      return isImportantSite(site.role) ? 2 : 1;
    case 'HIGH':
      return 2;
    case 'CRITICAL':
      return 3;
  }
}

export const atLeast = (r: Redundancy, floor: Redundancy): boolean => redundancyRank(r) >= redundancyRank(floor);

export function siteKm(a: Site, b: Site): number {
  return greatCircleKm(a.lat ?? 0, a.lon ?? 0, b.lat ?? 0, b.lon ?? 0);
}

/**
 * Upstream device ids in the order a site should use them: `count` circuits
 * spread over `upstream` (nearest first), wrapping to the nearest again when
 * there are fewer devices than circuits. Devices at equal distance (e.g. a
 * pair in one site) are taken starting at `rotate` mod their number, so
 * single-homed sites spread evenly over a pair instead of all landing on
 * its first device.
 */
export function homingTargets(
  site: Site,
  upstream: readonly { id: string; site: Site }[],
  count: number,
  rotate = 0,
): string[] {
  const n = upstream.length;
  const ranked = upstream
    .map((u, i) => ({ id: u.id, km: siteKm(site, u.site), i: (i - (rotate % n) + n) % n }))
    .sort((a, b) => a.km - b.km || a.i - b.i);
  const out: string[] = [];
  for (let k = 0; k < count && ranked.length > 0; k++) out.push(ranked[k % ranked.length]!.id);
  return out;
}
