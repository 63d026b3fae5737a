import { geoNaturalEarth1, geoPath, type ExtendedFeatureCollection, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import countries110m from 'world-atlas/countries-110m.json';
import type { OverviewLayout, Point } from './overviewLayout';
import type { SiteGraph } from './siteGraph';

/**
 * The geographic view: sites at their latitude/longitude on an offline world
 * map. Basemap: Natural Earth 1:110m admin-0 countries (public domain), as
 * TopoJSON from the `world-atlas` package, shipped in the bundle; nothing
 * is fetched at run time. Projection: Natural Earth 1 (d3-geo), the whole
 * sphere fitted to MAP_W flow units.
 */
export const MAP_W = 4000;
export const MAP_H = Math.round(MAP_W * 0.52);

let projection: GeoProjection | null = null;

export function worldProjection(): GeoProjection {
  projection ??= geoNaturalEarth1().fitSize([MAP_W, MAP_H], { type: 'Sphere' });
  return projection;
}

/** Flow coordinates of a latitude/longitude (degrees). */
export function project(lat: number, lon: number): Point {
  const p = worldProjection()([lon, lat])!;
  return { x: p[0], y: p[1] };
}

type FeatureCollection = ExtendedFeatureCollection<GeoJSON.Feature<GeoJSON.Geometry, { name: string } | null>>;
let countries: FeatureCollection | null = null;

/** Every country's outline, with its Natural Earth name. */
export function countryFeatures(): FeatureCollection {
  // Types named through topojson-client's own signature: the bare type packages are not resolvable modules.
  const topo = countries110m as unknown as Parameters<typeof feature>[0];
  countries ??= feature(topo, (topo.objects as Record<string, Parameters<typeof feature>[1]>)['countries']!) as unknown as FeatureCollection;
  return countries;
}

let basemap: { land: string; sphere: string } | null = null;

/** SVG path data of the countries and of the sphere's outline, in flow coordinates (computed once). */
export function basemapPaths(): { land: string; sphere: string } {
  if (basemap === null) {
    const path = geoPath(worldProjection()).digits(1);
    basemap = { land: path(countryFeatures()) ?? '', sphere: path({ type: 'Sphere' }) ?? '' };
  }
  return basemap;
}

const ASIDE_GAP = 160;
const ASIDE_STEP = 80;

export interface GeoLayout extends OverviewLayout {
  /** Sites without coordinates, in the order they are listed beside the map. */
  unplaced: string[];
}

/**
 * Sites at their projected coordinates; sites without any are set in a
 * column just right of the located sites, in a box that says so. The box is
 * scaled to the located sites' extent (its rows share their height): a
 * national network's 15 unlocated PoPs stand beside the country at its size
 * instead of a column fifty times taller than it that the fit would have to
 * show (markers and labels keep their screen size at any scale).
 */
export function geoLayout(g: SiteGraph): GeoLayout {
  const sites = new Map<string, Point>();
  const unplaced: string[] = [];
  for (const s of g.sites) {
    if (s.lat !== undefined && s.lon !== undefined) sites.set(s.id, project(s.lat, s.lon));
    else unplaced.push(s.id);
  }
  let east = -Infinity;
  let west = Infinity;
  let north = Infinity;
  let south = -Infinity;
  for (const p of sites.values()) {
    east = Math.max(east, p.x);
    west = Math.min(west, p.x);
    north = Math.min(north, p.y);
    south = Math.max(south, p.y);
  }
  const cols = Math.max(1, Math.ceil(unplaced.length / 24));
  const rows = Math.ceil(unplaced.length / cols);
  // Flow units per row: the located extent (its height, or half its width for a wide network) over the rows, at most the world-map scale.
  const span = Math.max(south - north, (east - west) / 2);
  const step = Number.isFinite(span) && span > 0 && rows > 0 ? Math.min(ASIDE_STEP, span / rows) : ASIDE_STEP;
  const k = step / ASIDE_STEP;
  const ASIDE_X = Number.isFinite(east) ? east + ASIDE_GAP * k : MAP_W + ASIDE_GAP;
  const top = Number.isFinite(north) ? north : 60;
  unplaced.forEach((id, i) => sites.set(id, { x: ASIDE_X + 60 * k + (i % cols) * 200 * k, y: top + 80 * k + Math.floor(i / cols) * step }));
  const regions =
    unplaced.length === 0
      ? []
      : [
          {
            id: 'region:(no coordinates)',
            label: `No coordinates (${unplaced.length})`,
            x: ASIDE_X,
            y: top,
            width: (cols * 200 + 40) * k,
            height: rows * step + 80 * k,
            sites: unplaced.length,
            devices: unplaced.reduce((a, id) => a + (g.sites.find((s) => s.id === id)?.deviceIds.length ?? 0), 0),
          },
        ];
  return { sites, regions, unplaced };
}
