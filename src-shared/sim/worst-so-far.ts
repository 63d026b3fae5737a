import { IMPACT_FIELDS } from './impact';

/**
 * The worst scenarios among those a running impact sweep has finished, read
 * from its shared results array (NaN where a scenario is still pending), so
 * the sweep panel and the CLI can name them within a second instead of after
 * the whole sweep. A row counts once all its fields are written. O(rows).
 */
export interface WorstSoFar {
  done: number;
  byStranded: { label: string; strandedGbps: number } | null;
  byUtilisation: { label: string; maxUtilisation: number } | null;
}

const F = IMPACT_FIELDS.length;
const STRANDED = IMPACT_FIELDS.indexOf('strandedDemand');
const UTIL = IMPACT_FIELDS.indexOf('maxUtilisation');

export function worstSoFar(results: Float64Array, labels: readonly string[], unitGbps: number): WorstSoFar {
  let done = 0;
  let stranded: WorstSoFar['byStranded'] = null;
  let util: WorstSoFar['byUtilisation'] = null;
  for (let i = 0; i < labels.length; i++) {
    let complete = true;
    for (let j = 0; j < F; j++) if (Number.isNaN(results[i * F + j]!)) complete = false;
    if (!complete) continue;
    done++;
    const s = results[i * F + STRANDED]! * unitGbps;
    const u = results[i * F + UTIL]!;
    if (s > 1e-12 && (stranded === null || s > stranded.strandedGbps)) stranded = { label: labels[i]!, strandedGbps: s };
    if (util === null || u > util.maxUtilisation) util = { label: labels[i]!, maxUtilisation: u };
  }
  return { done, byStranded: stranded, byUtilisation: util };
}

const gbps = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toPrecision(2));

/** One line for a progress message: "worst so far: site Relay, MD strands 104 Gbit/s; SRLG … 402 % utilisation". */
export function worstSoFarInWords(w: WorstSoFar): string | null {
  const parts: string[] = [];
  if (w.byStranded !== null) parts.push(`${w.byStranded.label} strands ${gbps(w.byStranded.strandedGbps)} Gbit/s`);
  if (w.byUtilisation !== null) parts.push(`${w.byUtilisation.label} ${(100 * w.byUtilisation.maxUtilisation).toFixed(0)} % utilisation`);
  return parts.length > 0 ? `worst so far: ${parts.join('; ')}` : null;
}
