import { DEVICE_ROLES, type TopologyInput } from '../../src-shared/model/topology';
import { mulberry32 as rng } from '../../src-shared/lib/rng';

/**
 * A WAN-like design of `n` devices without positions (so the UI must lay it
 * out): a backbone ring of every 10th device, each other device homed on
 * its site's backbone device plus one random earlier device (about 1.9
 * links per device), sites of ten devices in four regions.
 */
export function benchTopology(n: number, seed = 7): TopologyInput {
  const rand = rng(seed);
  const regions = ['emea', 'amer', 'apac', 'latam'];
  const sites = Array.from({ length: Math.ceil(n / 10) }, (_, i) => ({
    id: `s${i}`,
    name: `site-${i}`,
    role: i === 0 ? ('hq' as const) : ('branch' as const),
    region: regions[i % regions.length]!,
  }));
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `d${i}`,
    name: `dev-${i}`,
    role: i % 10 === 0 ? ('core' as const) : DEVICE_ROLES[2 + (i % (DEVICE_ROLES.length - 2))]!,
    site: `s${Math.floor(i / 10)}`,
  }));
  const links: TopologyInput['links'] = [];
  const add = (a: number, b: number): void => {
    if (a !== b) links.push({ id: `l${links.length}`, source: `d${a}`, target: `d${b}`, srlgs: [] });
  };
  const backbone = nodes.filter((_, i) => i % 10 === 0).map((_, k) => k * 10);
  backbone.forEach((v, k) => add(v, backbone[(k + 1) % backbone.length]!));
  for (let i = 1; i < n; i++) {
    if (i % 10 === 0) continue;
    add(i, Math.floor(i / 10) * 10);
    if (rand() < 0.9) add(i, Math.floor(rand() * i));
  }
  return { name: `bench ${n}`, sites, nodes, links };
}

/** With coordinates, as a gazetteer or an import gives them: sites scattered over four continents' boxes. */
export function withCoordinates<T extends { sites?: readonly { region: string }[] | undefined }>(t: T): T {
  const boxes: Record<string, [number, number, number, number]> = { emea: [36, 60, -8, 30], amer: [28, 48, -122, -72], apac: [-35, 40, 100, 150], latam: [-34, 19, -99, -40] };
  return {
    ...t,
    sites: (t.sites ?? []).map((s, i) => {
      const [la0, la1, lo0, lo1] = boxes[s.region]!;
      const f = (i * 0.618033) % 1;
      const g = (i * 0.414213) % 1;
      return { ...s, lat: la0 + f * (la1 - la0), lon: lo0 + g * (lo1 - lo0) };
    }),
  };
}
