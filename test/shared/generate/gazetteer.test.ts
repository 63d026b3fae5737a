import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src-shared/lib/rng';
import { gazetteer, MIN_CANDIDATES, weightedPlaces } from '../../../src-shared/generate/gazetteer';
import { greatCircleKm } from '../../../src-shared/generate/geo';

/** The candidates recounted from the gazetteer, as weightedPlaces chose them before it kept its answers. */
function recount(lat: number, lon: number, radiusKm: number): Set<string> {
  const withKm = gazetteer().map((p) => ({ p, km: greatCircleKm(lat, lon, p.lat, p.lon) }));
  let inside = withKm.filter((x) => x.km <= radiusKm);
  if (inside.length < MIN_CANDIDATES) inside = [...withKm].sort((a, b) => a.km - b.km).slice(0, MIN_CANDIDATES);
  return new Set(inside.map((x) => `${x.p.name}|${x.p.country}|${x.p.lat}|${x.p.lon}`));
}
const ids = (ps: readonly { name: string; country: string; lat: number; lon: number }[]) => ps.map((p) => `${p.name}|${p.country}|${p.lat}|${p.lon}`);

describe('weightedPlaces', () => {
  it('draws from the places within the radius of each anchor, the same order for the same draw whichever anchor was asked before', () => {
    const london = () => weightedPlaces(51.5, -0.13, 150, createRng(7, 'sites:uk'));
    const paris = () => weightedPlaces(48.86, 2.35, 150, createRng(7, 'sites:uk'));
    const smallRadius = () => weightedPlaces(51.5, -0.13, 20, createRng(7, 'sites:uk'));
    const first = ids(london());
    expect(new Set(first)).toEqual(recount(51.5, -0.13, 150));
    expect(new Set(ids(paris()))).toEqual(recount(48.86, 2.35, 150));
    expect(new Set(ids(smallRadius()))).toEqual(recount(51.5, -0.13, 20));
    expect(ids(london())).toEqual(first);
    expect(ids(weightedPlaces(51.5, -0.13, 150, createRng(8, 'sites:uk')))).not.toEqual(first);
  });

  it('takes the nearest places when the radius holds too few (mid-ocean anchor)', () => {
    const got = weightedPlaces(-40, -120, 50, createRng(1, 'sites:pacific'));
    expect(got).toHaveLength(MIN_CANDIDATES);
    expect(new Set(ids(got))).toEqual(recount(-40, -120, 50));
  });
});
