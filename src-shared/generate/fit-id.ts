import { hash32 } from '../lib/rng';

/** Longest SRLG tag the topology schema takes (topology.ts: srlgs). */
export const SRLG_MAX = 100;
/** Longest id or name the topology schema takes (topology.ts: Id, Name). */
export const ID_MAX = 200;
/** Site ids are kept shorter, so a device id (`<site>/<role><k>`) built from one still fits ID_MAX. */
export const SITE_ID_MAX = 120;

/**
 * `text` if it fits `max` characters; otherwise its first part joined to a
 * hash of the whole by "~": the same input always gives the same id, two
 * long ids that share their first part still differ (64 bits of hash), and
 * the result always fits the schema. Generated designs must read back.
 */
export function fitId(text: string, max: number): string {
  if (text.length <= max) return text;
  const hash = `${hash32(text).toString(16).padStart(8, '0')}${hash32(`~${text}`).toString(16).padStart(8, '0')}`;
  return `${text.slice(0, max - hash.length - 1)}~${hash}`;
}
