import { createHash } from 'node:crypto';
import type { CompactFit } from '../../src-shared/learn/predictor';
import type { LearningSample } from '../../src-shared/learn/sample';
import { TOPOLOGY_FAMILIES } from '../../src-shared/model/topology';

/**
 * The predictor's fit kept between runs, so the same history is never
 * fitted twice: a stored fit is the fit in its compact form
 * (learn/predictor.ts CompactFit: the cross-validation's findings and the
 * ridge coefficients; expandFit rebuilds the rest from history in O(n · d)),
 * the digest of the history it was fitted on (fitDigest) and FIT_VERSION.
 * Two places hold one:
 * - the knowledge base's `project_meta` under FIT_META_KEY (written after a
 *   fit by a writable knowledge base: the app's, the CLI's --knowledge FILE);
 * - the shipped fit beside the bootstrap (shippedFitFile), written by
 *   `npm run knowledge:build` and checked against a fresh fit by
 *   test/main/learn/predictor-fit-store.test.ts: what a knowledge base
 *   seeded from the bootstrap, or the CLI reading the bootstrap read-only, starts from.
 * A stored fit that is missing, unreadable, of another version or of another
 * digest is ignored (the history is fitted again), never an error.
 */

/**
 * The version of the fit's code. CHANGE IT (any new number) WITH ANY CHANGE
 * THAT COULD MOVE A FIT'S RESULT: learn/predictor.ts (targets, folds, ridge
 * λ, k-NN, calibration), ridge.ts, similarity.ts, isotonic.ts, stats.ts,
 * accuracy.ts calibrationOf, features.ts intentDistance, or what fitDigest
 * reads. A stored fit of another version is refitted, so forgetting to bump
 * it is the one way a stale fit could be used.
 */
export const FIT_VERSION = 1;

/** The knowledge base's project_meta key of its stored fit. */
export const FIT_META_KEY = 'predictor-fit';

/** The shipped fit of a bootstrap knowledge base: `bootstrap.fit.json` beside `bootstrap.nettwin`. */
export function shippedFitFile(bootstrapFile: string): string {
  return bootstrapFile.replace(/(\.nettwin)?$/, '.fit.json');
}

/**
 * SHA-256 of everything a fit reads, in history order: FIT_VERSION and, of
 * every sample with a family (the fit leaves the others out), its id (the
 * folds), family, features, the three measured targets, its success and
 * feasible labels, and its intent's budget (the raw success probability).
 * Numbers are hashed as their 64-bit patterns, strings with their length.
 */
export function fitDigest(history: readonly LearningSample[]): string {
  // Two streams, each in history order: the strings (length-prefixed) and the numbers (8 bytes each, one buffer).
  const usable = history.filter((s) => s.family !== null);
  const words = usable.reduce((a, s) => a + 8 + s.features.length, 0);
  const nums = new Float64Array(words);
  let k = 0;
  const texts: string[] = [`fit-version ${FIT_VERSION}`];
  for (const s of usable) {
    texts.push(`${s.id.length}:${s.id}`, `${s.family!.length}:${s.family}`);
    nums[k++] = s.features.length;
    for (const v of s.features) nums[k++] = v;
    nums[k++] = s.metrics.costUsd;
    nums[k++] = s.metrics.p95LatencyMs;
    nums[k++] = s.metrics.downtimeMinPerYear;
    nums[k++] = Number(s.label.success);
    nums[k++] = Number(s.label.feasible);
    nums[k++] = s.intent.budgetUsd === undefined ? 0 : 1;
    nums[k++] = s.intent.budgetUsd ?? 0;
  }
  return createHash('sha256').update(texts.join('|')).update(new Uint8Array(nums.buffer)).digest('hex');
}

// JSON has no NaN, ±Infinity or −0 (a held-out error with no pairs is NaN): they are written as tagged strings.
const SPECIAL = '\u0000num:';
const replacer = (_k: string, v: unknown): unknown =>
  typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? `${SPECIAL}${Object.is(v, -0) ? '-0' : String(v)}` : v;
const reviver = (_k: string, v: unknown): unknown => (typeof v === 'string' && v.startsWith(SPECIAL) ? Number(v.slice(SPECIAL.length)) : v);

/** The text a store keeps for the fit of history of `digest`. */
export function storedFitText(digest: string, fit: CompactFit): string {
  return JSON.stringify({ version: FIT_VERSION, digest, fit }, replacer);
}

/** The fit a stored text holds for history of `digest`, or null (missing, corrupt, another version or digest). */
export function readStoredFit(text: string | null | undefined, digest: string): CompactFit | null {
  if (typeof text !== 'string') return null;
  let stored: unknown;
  try {
    stored = JSON.parse(text, reviver);
  } catch {
    return null;
  }
  if (!isRecord(stored) || stored.version !== FIT_VERSION || stored.digest !== digest) return null;
  return isCompactFit(stored.fit) ? stored.fit : null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number';
const isNumOrNull = (v: unknown) => v === null || isNum(v);
const isNums = (v: unknown): v is number[] => Array.isArray(v) && v.every(isNum);
const isTargets = (v: unknown) => isRecord(v) && isNum(v.cost) && isNum(v.p95) && isNum(v.downtime);

const isCoefs = (v: unknown) => isRecord(v) && isNums(v.cost) && isNums(v.p95) && isNums(v.downtime);
const isRidges = (v: unknown) =>
  Array.isArray(v) &&
  v.every((r: unknown) => isRecord(r) && typeof r.family === 'string' && isNum(r.n) && isNums(r.means) && isNums(r.scales) && isCoefs(r.coef) && isTargets(r.intercept));

/** The shape of CompactFit, checked field by field (a corrupt store must not reach the predictor; expandFit checks the sizes). */
function isCompactFit(v: unknown): v is CompactFit {
  if (!isRecord(v) || !isNum(v.trainedOn) || !isTargets(v.sigma) || !isRidges(v.ridges)) return false;
  const fam = v.familySigma;
  if (!isRecord(fam) || !TOPOLOGY_FAMILIES.every((f) => isTargets(fam[f]))) return false;
  const iso = v.isotonic;
  if (iso !== null && !(isRecord(iso) && isNums(iso.xs) && isNums(iso.ys) && iso.xs.length === iso.ys.length)) return false;
  const h = v.heldOut;
  if (!isRecord(h) || !['samples', 'costMapePct', 'p95MapePct', 'downtimeMaeMin', 'downtimeMapePct'].every((k) => isNum(h[k]))) return false;
  const c = h.calibration;
  if (!isRecord(c) || !isNum(c.cases) || !isNumOrNull(c.ecePoints) || !Array.isArray(c.bins)) return false;
  return c.bins.every((b: unknown) => isRecord(b) && isNum(b.from) && isNum(b.to) && isNum(b.count) && isNumOrNull(b.meanStated) && isNumOrNull(b.observed));
}
