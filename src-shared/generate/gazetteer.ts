import type { Rng } from '../lib/rng';
import { hash32 } from '../lib/rng';
import { GAZETTEER_TSV } from './gazetteer-data';
import { greatCircleKm } from './geo';

/**
 * Real populated places for synthetic sites: GeoNames' places of at least
 * 15,000 people (gazetteer-data.ts, built by scripts/build-gazetteer.mjs;
 * CC BY 4.0, attribution in resources/gazetteer/ and docs/planning-model.md).
 * Every place is on land by construction, so a site placed here is never in
 * the sea. Parsed once, on first use (≈23k rows, a few ms).
 */
export interface Place {
  name: string;
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  lat: number;
  lon: number;
  population: number;
}

let cache: Place[] | null = null;

/** Every place, largest population first. */
export function gazetteer(): readonly Place[] {
  if (cache) return cache;
  cache = GAZETTEER_TSV.split('\n').map((row) => {
    const [name, country, lat, lon, pop] = row.split('\t');
    return { name: name!, country: country!, lat: Number(lat), lon: Number(lon), population: Number(pop) };
  });
  return cache;
}

/** Whether (lat, lon) is exactly a gazetteer place (how tests check that a site is not in the sea). */
export function isGazetteerPlace(lat: number, lon: number): boolean {
  return gazetteer().some((p) => p.lat === lat && p.lon === lon);
}

/**
 * A place chosen by a hash of `key`, weighted by population: where a region
 * whose name the generator does not know is anchored (a populated place, not
 * a random point that may be open ocean).
 */
export function placeForKey(key: string): Place {
  const all = gazetteer();
  const total = all.reduce((s, p) => s + p.population, 0);
  let r = (hash32(key) / 0x1_0000_0000) * total;
  for (const p of all) {
    r -= p.population;
    if (r < 0) return p;
  }
  return all[all.length - 1]!;
}

/** Fewest candidate places a region draws from: when its radius holds fewer, the nearest ones are added. */
export const MIN_CANDIDATES = 12;

/**
 * Places within `radiusKm` of an anchor (at least the MIN_CANDIDATES
 * nearest), in a seeded order weighted by population: a weighted random
 * sample without replacement (Efraimidis & Spirakis, "Weighted random
 * sampling with a reservoir", IPL 2006: key u^(1/w), largest keys first).
 * The k-th synthetic site of a region takes the k-th place, wrapping round
 * when a region has more sites than places (several branches in one city).
 * O(places log places).
 */
export function weightedPlaces(anchorLat: number, anchorLon: number, radiusKm: number, rng: Rng): Place[] {
  const inside = placesWithin(anchorLat, anchorLon, radiusKm);
  // Keys in log form (ln u / w) keep precision for populations in the millions.
  const keyed = inside.map((p) => ({ p, key: Math.log(Math.max(rng.next(), 1e-300)) / p.population }));
  keyed.sort((a, b) => b.key - a.key);
  return keyed.map((x) => x.p);
}

/**
 * The candidate places of one anchor and radius, in gazetteer order. The
 * distance to ~23k places is ~7 ms, and every generation of a region asks
 * again with the same anchor (each family, each seed, each recorded design
 * the instant estimate re-generates: 60 of them on the first answer), so the
 * last answers are kept; the list is the same whatever the draw after it.
 */
const within = new Map<string, readonly Place[]>();
const WITHIN_KEPT = 256;

function placesWithin(anchorLat: number, anchorLon: number, radiusKm: number): readonly Place[] {
  const key = `${anchorLat},${anchorLon},${radiusKm}`;
  const kept = within.get(key);
  if (kept) return kept;
  const withKm = gazetteer().map((p) => ({ p, km: greatCircleKm(anchorLat, anchorLon, p.lat, p.lon) }));
  let inside = withKm.filter((x) => x.km <= radiusKm);
  if (inside.length < MIN_CANDIDATES) inside = [...withKm].sort((a, b) => a.km - b.km).slice(0, MIN_CANDIDATES);
  const places = inside.map((x) => x.p);
  if (within.size >= WITHIN_KEPT) within.delete(within.keys().next().value!);
  within.set(key, places);
  return places;
}
