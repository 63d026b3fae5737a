import type { Site, Topology } from '../model/topology';
import { redundancyRank } from '../model/intent';
import { DesignBuilder, siteDemandGbps, usablePorts, type GenContext } from './builder';
import { siteKm } from './homing';
import { isCoreCapable } from './applicability';
import { isImportantSite, rankSites } from './sites';

/**
 * Dual hub: hubs at the two most important HQ / datacenter / region-hub /
 * colo sites (both sides in one site when there is only one such site).
 * Every other site is a spoke homed to both hub sides, each circuit in its
 * own duct:
 * - NONE, STANDARD: two circuits, one to each side;
 * - HIGH: two circuits, one to each side; HQ, datacenter and region-hub
 *   spokes get two spoke devices (the class asks for two), one circuit each;
 * - CRITICAL: three circuits to three different hub devices over both sides
 *   (two at the nearer); an HQ, datacenter or region-hub spoke has two
 *   devices, each on two circuits (one to each side), the pair linked.
 * Hub devices per side: one (NONE, STANDARD), two from HIGH up, more when the
 * side's circuits outgrow a device's ports after growth headroom (never a
 * 600-port box). The hub core is 3-connected: the devices of a side fully
 * meshed inside their site (in a ring when a mesh cannot fit the ports:
 * hubDevicesFor), and hub i of one side linked to hubs i and i+1
 * of the other (a cycle through both sides; four devices make a full mesh),
 * each inter-site circuit in its own duct; two lone hubs get two diverse
 * circuits (three for CRITICAL). So, with the two sides at different sites,
 * no two failures of links, devices or ducts in any mix and no single site
 * outage disconnect a surviving site: CRITICAL under validate/survival.ts
 * (generate.ts familyCapability). Circuits start at the spoke's demand; the
 * sizing pass (size.ts) raises them for the traffic model under the class's
 * failures. O(sites + hubs²).
 */
export function generateDualHub(ctx: GenContext): Topology {
  const b = new DesignBuilder(ctx, 'dual-hub');
  const { intent } = ctx;
  const ranked = rankSites(ctx.sites);
  const capable = ranked.filter(isCoreCapable);
  const first = capable[0] ?? ranked[0];
  if (!first) return b.build();
  const second = capable[1] ?? first;
  const sides = [first, second];
  const sameSite = first.id === second.id;
  const strong = redundancyRank(intent.redundancy) >= redundancyRank('HIGH');
  const critical = intent.redundancy === 'CRITICAL';

  // Plan every spoke circuit as (spoke device, side) before making hub devices, to count ports.
  const spokes = ctx.sites.filter((s) => s.id !== first.id && s.id !== second.id);
  const circuits: { site: Site; dev: number; side: number }[] = [];
  for (const site of spokes) {
    const near = sameSite || siteKm(site, first) <= siteKm(site, second) ? 0 : 1;
    const far = 1 - near;
    if (strong && isImportantSite(site.role)) {
      circuits.push({ site, dev: 0, side: near }, { site, dev: 1, side: far });
      if (critical) circuits.push({ site, dev: 0, side: far }, { site, dev: 1, side: near });
    } else {
      circuits.push({ site, dev: 0, side: near }, { site, dev: 0, side: far });
      if (critical) circuits.push({ site, dev: 0, side: near });
    }
  }
  const base = strong && !sameSite ? 2 : 1;
  const ports = usablePorts(intent, 'hub');
  const plans = sides.map((_, i) => hubDevicesFor(circuits.filter((c) => c.side === i).length, ports, base));
  const hubs = sides.map((site, i) => Array.from({ length: plans[i]!.k }, () => b.device(site, 'hub')));
  const total = ctx.sites.reduce((sum, s) => sum + siteDemandGbps(s, intent), 0);
  hubs.forEach((side, i) => {
    if (plans[i]!.mesh) {
      for (let x = 0; x < side.length; x++) for (let y = x + 1; y < side.length; y++) b.link(side[x]!, side[y]!, total / 2 / side.length);
      return;
    }
    // A ring inside the side: with the two cross links per hub below, the core is an antiprism (4-connected).
    for (let x = 0; x + 1 < side.length; x++) b.link(side[x]!, side[x + 1]!, total / 2 / side.length);
    if (side.length >= 3) b.link(side[side.length - 1]!, side[0]!, total / 2 / side.length);
  });
  const [A, B] = hubs as [string[], string[]];
  if (A.length === 1 && B.length === 1) {
    const parallel = intent.redundancy === 'NONE' ? 1 : critical ? 3 : 2;
    for (let k = 0; k < parallel; k++) b.link(A[0]!, B[0]!, total / 2 / parallel);
  } else {
    const made = new Set<string>();
    for (let i = 0; i < Math.max(A.length, B.length); i++) {
      for (const j of [i, i + 1]) {
        const a = A[i % A.length]!;
        const c = B[j % B.length]!;
        if (made.has(`${a}|${c}`)) continue;
        made.add(`${a}|${c}`);
        b.link(a, c, total / 2 / (2 * Math.max(A.length, B.length)));
      }
    }
  }
  // Spoke devices, and circuits to hub devices taken round-robin per side: a spoke's circuits to one side land on different devices.
  const next = [0, 0];
  const devices = new Map<string, string>();
  for (const { site, dev, side } of circuits) {
    const key = `${site.id}#${dev}`;
    let id = devices.get(key);
    if (id === undefined) {
      id = b.device(site, 'spoke');
      devices.set(key, id);
      if (dev === 1) b.link(devices.get(`${site.id}#0`)!, id, siteDemandGbps(site, intent));
    }
    const list = hubs[side]!;
    b.link(id, list[next[side]!++ % list.length]!, siteDemandGbps(site, intent));
  }
  return b.build();
}

/**
 * Hub devices for one side carrying `count` spoke circuits on `ports` usable
 * ports each. The side's devices are fully meshed while that fits: each hub
 * keeps ports for the mesh (k − 1) and two inter-side circuits. When no k
 * fits (k · (ports − k − 1) peaks near ports / 2, e.g. 380 circuits on 40
 * ports), a mesh would need about one device per circuit, each with more
 * mesh links than ports (a 500-site intent gave 500 hubs and 249,501
 * links); the side's hubs are then joined in a ring instead, keeping two
 * ring ports and two inter-side ports each — with the cross links (hub i to
 * i and i + 1 of the other side) an antiprism, which stays 4-connected.
 */
export function hubDevicesFor(count: number, ports: number, base: number): { k: number; mesh: boolean } {
  let k = base;
  while (k <= ports - 2 && k * (ports - (k - 1) - 2) < count) k++;
  if (k <= ports - 2 || k * 1 >= count) return { k: Math.max(k, base), mesh: true };
  return { k: Math.max(base, Math.ceil(count / Math.max(1, ports - 4))), mesh: false };
}
