import { geoNaturalEarth1, geoPath, type ExtendedFeatureCollection, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import countries110m from 'world-atlas/countries-110m.json';
import { extentOf } from '../layout/extent';
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

/** The aside list in screen pixels at the zoom that fits the located sites (markers and labels keep their screen size). */
const FIT_PX = 420; // about the span DialtelecomCz gets fitted beside its list at 1440×900 (screenshot looked at)
const ROW_PX = 40;
const COL_PX = 120;
const GAP_PX = 60;
const PAD_PX = 20;

export interface GeoLayout extends OverviewLayout {
  /** Sites without coordinates, in the order they are listed beside the map. */
  unplaced: string[];
}

/**
 * Sites at their projected coordinates; sites without any are listed in a
 * box just right of the located sites. The box is laid out in screen pixels
 * at the zoom that fits the located sites into about FIT_PX (one flow unit
 * per pixel when nothing is located) and is no taller than them: a national
 * network's 15 unlocated PoPs stand beside the country, readable, instead of
 * a column fifty times its height that the fit would have to show.
 */
export function geoLayout(g: SiteGraph): GeoLayout {
  const sites = new Map<string, Point>();
  const unplaced: string[] = [];
  for (const s of g.sites) {
    if (s.lat !== undefined && s.lon !== undefined) sites.set(s.id, project(s.lat, s.lon));
    else unplaced.push(s.id);
  }
  const { x0: west, x1: east, y0: north, y1: south } = extentOf(sites.values());
  const span = Math.max(south - north, (east - west) / 2); // a wide network is fitted by its width
  const px = Number.isFinite(span) && span > 0 ? span / FIT_PX : 1; // flow units per screen pixel at the fit
  const perCol = Math.floor((FIT_PX - PAD_PX) / ROW_PX);
  const cols = Math.max(1, Math.ceil(unplaced.length / perCol));
  const rows = Math.ceil(unplaced.length / cols);
  const asideX = Number.isFinite(east) ? east + GAP_PX * px : MAP_W + GAP_PX;
  const top = Number.isFinite(north) ? north : 60;
  unplaced.forEach((id, i) =>
    sites.set(id, { x: asideX + ((i % cols) * COL_PX + COL_PX / 2) * px, y: top + (PAD_PX + Math.floor(i / cols) * ROW_PX + ROW_PX / 3) * px }),
  );
  const regions =
    unplaced.length === 0
      ? []
      : [
          {
            id: 'region:(no coordinates)',
            label: `No coordinates (${unplaced.length})`,
            x: asideX,
            y: top,
            width: cols * COL_PX * px,
            height: (PAD_PX + rows * ROW_PX) * px,
            sites: unplaced.length,
            devices: unplaced.reduce((a, id) => a + (g.sites.find((s) => s.id === id)?.deviceIds.length ?? 0), 0),
          },
        ];
  return { sites, regions, unplaced };
}
