import type { DeviceRole, Topology } from '../model/topology';
import { compileTopology, type CompiledGraph } from './csr';
import { SurvivorConnectivity } from './survivor-connected';

/**
 * Availability of site pairs and of the whole network from component
 * MTBF/MTTR, with independent failures (steady state: A = MTBF / (MTBF + MTTR)).
 *
 * - Pair availability: probability that some surviving device of site a is
 *   connected to some surviving device of site b.
 * - Network availability: probability that every site still has a surviving
 *   device and all sites are mutually connected.
 * Method: exact state enumeration when at most `exactLimit` (default 18)
 * elements can fail; otherwise Monte Carlo conditioned on "at least one
 * failure" (the first failed element is drawn with probability
 * q_i Π_{j<i}(1 − q_j), later ones independently), which keeps the
 * variance small when every q is tiny; 95 % Wilson interval on the
 * conditional estimate, scaled by the exact P(at least one failure).
 * Cost: 2^k · O(n + m) exact, samples · O(n + m) Monte Carlo.
 *
 * The one availability model (docs/planning-model.md): simulate, the
 * learner, the UI and the decision pack all print `headline` from here.
 * Elements that fail: devices (MTBF/MTTR per role below); shared-risk groups
 * (a duct cut takes every circuit in it: fibre cuts at 114 FIT per route-km,
 * about one cut per 1,000 km a year, repaired in 12 h beyond 80 km, 8 h in
 * metro; Verbrugge et al., "General availability model for multilayer
 * transport networks", DRCN 2005); and each circuit's own equipment. An
 * inter-site circuit as a whole meets its carrier SLA (default 99.9 %, the
 * common business Ethernet/MPLS access SLA): its own unavailability is the
 * SLA's less its duct's, so one circuit alone gives exactly the SLA and two
 * circuits in one duct share the duct's part. A circuit with no duct tag is
 * its own duct. Links inside a site: 2,000 FIT of optics, 2 h repair. Length
 * is distanceKm, else latencyMs × 200 km, else 10 km. `headline` is the mean
 * availability of the reported site pairs; `network` is the probability that
 * every site is up and connected at once.
 */
export interface Reliability {
  mtbfHours: number;
  mttrHours: number;
}

export const DEVICE_RELIABILITY: Readonly<Record<DeviceRole, Reliability>> = {
  core: { mtbfHours: 250_000, mttrHours: 4 },
  'super-spine': { mtbfHours: 300_000, mttrHours: 4 },
  spine: { mtbfHours: 300_000, mttrHours: 4 },
  leaf: { mtbfHours: 200_000, mttrHours: 4 },
  distribution: { mtbfHours: 200_000, mttrHours: 4 },
  access: { mtbfHours: 150_000, mttrHours: 8 },
  hub: { mtbfHours: 200_000, mttrHours: 4 },
  spoke: { mtbfHours: 100_000, mttrHours: 8 },
  edge: { mtbfHours: 120_000, mttrHours: 8 },
  router: { mtbfHours: 150_000, mttrHours: 6 },
  firewall: { mtbfHours: 100_000, mttrHours: 4 },
};

export function linkReliability(km: number, sameSite: boolean): Reliability {
  const fit = 2_000 + 114 * km; // failures per 1e9 hours
  return { mtbfHours: 1e9 / fit, mttrHours: sameSite ? 2 : km > 80 ? 12 : 8 };
}

/** Most pair verdicts the Monte Carlo keeps for failure states seen again (4 bytes each). */
const VERDICTS_MAX_HELD = 4_000_000;

/** Default carrier SLA of an inter-site circuit (availability, 0..1): an editable assumption. */
export const CIRCUIT_SLA = 0.999;

export interface AvailabilityOptions {
  overrides?: { devices?: Partial<Record<DeviceRole, Reliability>>; links?: Record<string, Reliability>; circuitSla?: number };
  /** Site pairs to report; default: all pairs up to 12 sites, else every site with the most central one. */
  pairs?: [string, string][];
  exactLimit?: number;
  samples?: number;
  seed?: number;
  /**
   * Count the components of every failure state in full instead of
   * answering near the failure (survivor-connected.ts): the same report,
   * slower — the reference the shortcut is tested against.
   */
  countInFull?: boolean;
}

export interface AvailabilityReport {
  method: 'exact' | 'monte-carlo';
  samples: number;
  /** Mean availability of the reported site pairs: the one figure every surface prints. */
  headline: { availability: number; downtimeMinutesPerYear: number };
  network: { availability: number; ci95: [number, number] };
  pairs: { a: string; b: string; availability: number; ci95: [number, number]; downtimeMinutesPerYear: number }[];
}

const wilson = (k: number, n: number): [number, number] => {
  if (n === 0) return [0, 1];
  const z = 1.96;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, c - h), Math.min(1, c + h)];
};

export function availability(t: Topology, opts: AvailabilityOptions = {}): AvailabilityReport {
  const g = compileTopology(t);
  const n = g.nodeIds.length;
  const m = g.linkIds.length;
  const siteName = t.nodes.map((d) => d.site ?? `device:${d.id}`);
  const sites = [...new Set(siteName)];
  const siteIdx = new Map(sites.map((s, i) => [s, i]));
  const siteOf = siteName.map((s) => siteIdx.get(s)!);
  // Unavailability of each element: devices 0..n-1, links n..n+m-1, then shared-risk groups (ducts).
  const sla = opts.overrides?.circuitSla ?? CIRCUIT_SLA;
  const groupIndex = new Map<string, number>();
  const groupLinks: number[][] = [];
  const groupQ: number[] = [];
  const linkQ = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const l = t.links[g.linkOrigin[e]!]!;
    const km = l.distanceKm ?? (l.latencyMs > 0 ? l.latencyMs * 200 : 10);
    const same = siteOf[g.linkSource[e]!] === siteOf[g.linkTarget[e]!] && t.nodes[g.linkSource[e]!]!.site !== undefined;
    const override = opts.overrides?.links?.[l.id];
    if (override !== undefined || same) {
      const r = override ?? linkReliability(0, true);
      linkQ[e] = r.mttrHours / (r.mtbfHours + r.mttrHours);
      continue;
    }
    // The duct's share: fibre cuts along the route. A circuit without a duct tag is its own duct.
    const tags = l.srlgs.filter((x) => !x.startsWith('site:'));
    const cut = 114 * km;
    const ductQ = (cut * (km > 80 ? 12 : 8)) / 1e9;
    if (tags.length === 0) {
      // No duct stated: the circuit is its own duct, one element at the SLA.
      linkQ[e] = 1 - sla;
      continue;
    }
    for (const tag of tags) {
      let k = groupIndex.get(tag);
      if (k === undefined) {
        k = groupLinks.length;
        groupIndex.set(tag, k);
        groupLinks.push([]);
        groupQ.push(0);
      }
      groupLinks[k]!.push(e);
      groupQ[k] = Math.max(groupQ[k]!, ductQ);
    }
    linkQ[e] = Math.max(0, 1 - sla - ductQ);
  }
  const q = new Float64Array(n + m + groupLinks.length);
  t.nodes.forEach((d, v) => {
    const r = opts.overrides?.devices?.[d.role] ?? DEVICE_RELIABILITY[d.role];
    q[v] = r.mttrHours / (r.mtbfHours + r.mttrHours);
  });
  q.set(linkQ, n);
  groupQ.forEach((x, k) => (q[n + m + k] = x));
  let pairs: [number, number][];
  if (opts.pairs) {
    pairs = opts.pairs.map(([a, b]) => {
      const ia = siteIdx.get(a);
      const ib = siteIdx.get(b);
      if (ia === undefined || ib === undefined) throw new RangeError(`unknown site "${ia === undefined ? a : b}"`);
      return [ia, ib];
    });
  } else if (sites.length <= 12) {
    pairs = [];
    for (let a = 0; a < sites.length; a++) for (let b = a + 1; b < sites.length; b++) pairs.push([a, b]);
  } else {
    const degree = new Float64Array(sites.length);
    for (let e = 0; e < m; e++) {
      degree[siteOf[g.linkSource[e]!]!]! += 1;
      degree[siteOf[g.linkTarget[e]!]!]! += 1;
    }
    const hub = degree.indexOf(Math.max(...degree));
    pairs = sites.map((_, i) => [hub, i] as [number, number]).filter(([a, b]) => a !== b);
  }
  const failedNodes = new Uint8Array(n);
  const failedLinks = new Uint8Array(m);
  // Devices of each site (CSR), and scratch per component: evaluate runs once per sample, so it allocates nothing.
  const siteStart = new Int32Array(sites.length + 1);
  for (let v = 0; v < n; v++) siteStart[siteOf[v]! + 1]!++;
  for (let s = 0; s < sites.length; s++) siteStart[s + 1]! += siteStart[s]!;
  const siteDevices = new Int32Array(n);
  const fill = siteStart.slice(0, sites.length);
  for (let v = 0; v < n; v++) siteDevices[fill[siteOf[v]!]!++] = v;
  const mark = new Int32Array(n);
  const hits = new Int32Array(n);
  const lastSite = new Int32Array(n);
  let stamp = 0;
  /**
   * Evaluates the current failure state: whether the network is whole, and per pair
   * whether some surviving device of each site shares a component.
   */
  const componentOf = new Int32Array(n);
  const queue = new Int32Array(n);
  const alive = new Uint8Array(sites.length);
  const pairA = Int32Array.from(pairs, (p) => p[0]);
  const pairB = Int32Array.from(pairs, (p) => p[1]);
  // Most sampled states leave the design in one piece: told near the failure (survivor-connected.ts).
  const whole = opts.countInFull === true ? null : new SurvivorConnectivity(g);
  const nodeList: number[] = [];
  const linkList: number[] = [];
  /** Set by evaluate: every pair came out connected (pairOk all 1). */
  let allOk = false;
  /** `downNow`: the elements down in the current state, when known (then a state that keeps the graph whole skips the count). */
  const evaluate = (pairOk: Uint8Array, downNow?: readonly number[]): boolean => {
    let count = -1;
    allOk = false;
    if (downNow !== undefined && whole !== null && whole.baseConnected) {
      nodeList.length = 0;
      linkList.length = 0;
      for (const i of downNow) {
        if (i < n) nodeList.push(i);
        else if (i < n + m) linkList.push(i - n);
        else for (const e of groupLinks[i - n - m]!) linkList.push(e);
      }
      // The same partition componentsInto gives; when it is one component componentOf is not written
      // (every live device is in it: componentOf ≥ 0 ⇔ live).
      count = whole.components(failedNodes, failedLinks, nodeList, linkList, componentOf);
    }
    if (count === 1) {
      // Only a site with a failed device can have lost them all.
      let every = true;
      alive.fill(1);
      for (const v of nodeList) {
        const s = siteOf[v]!;
        let a: 0 | 1 = 0;
        for (let k = siteStart[s]!; k < siteStart[s + 1]!; k++) {
          if (failedNodes[siteDevices[k]!] === 0) {
            a = 1;
            break;
          }
        }
        alive[s] = a;
        if (a === 0) every = false;
      }
      // Every site kept a device in the one component: every pair is connected (the caller needs no scan).
      allOk = every;
      if (every) pairOk.fill(1);
      else for (let i = 0; i < pairs.length; i++) pairOk[i] = alive[pairA[i]!] === 1 && alive[pairB[i]!] === 1 ? 1 : 0;
      return every;
    }
    if (count < 0) count = componentsInto(g, failedNodes, failedLinks, componentOf, queue);
    if (count <= 1) {
      // One component (the usual state: a few elements down in a redundant design): a pair is
      // connected when both its sites keep a device, the network when every site does.
      let every = true;
      for (let s = 0; s < sites.length; s++) {
        let a: 0 | 1 = 0;
        for (let k = siteStart[s]!; k < siteStart[s + 1]!; k++) {
          if (componentOf[siteDevices[k]!]! >= 0) {
            a = 1;
            break;
          }
        }
        alive[s] = a;
        if (a === 0) every = false;
      }
      for (let i = 0; i < pairs.length; i++) {
        const [a, b] = pairs[i]!;
        pairOk[i] = alive[a] === 1 && alive[b] === 1 ? 1 : 0;
      }
      return every && count === 1;
    }
    let marked = -1;
    for (let i = 0; i < pairs.length; i++) {
      const [a, b] = pairs[i]!;
      if (a !== marked) {
        // Reports pair one site with many (the most central one): mark its components once.
        stamp++;
        marked = a;
        for (let k = siteStart[a]!; k < siteStart[a + 1]!; k++) {
          const c = componentOf[siteDevices[k]!]!;
          if (c >= 0) mark[c] = stamp;
        }
      }
      let ok: 0 | 1 = 0;
      for (let k = siteStart[b]!; k < siteStart[b + 1]!; k++) {
        const c = componentOf[siteDevices[k]!]!;
        if (c >= 0 && mark[c] === stamp) {
          ok = 1;
          break;
        }
      }
      pairOk[i] = ok;
    }
    // Network: one component holds a device of every site.
    hits.fill(0, 0, count);
    lastSite.fill(-1, 0, count);
    for (let s = 0; s < sites.length; s++) {
      for (let k = siteStart[s]!; k < siteStart[s + 1]!; k++) {
        const c = componentOf[siteDevices[k]!]!;
        if (c < 0 || lastSite[c] === s) continue;
        lastSite[c] = s;
        hits[c]!++;
      }
    }
    for (let c = 0; c < count; c++) if (hits[c] === sites.length) return true;
    return false;
  };
  const pairOk = new Uint8Array(pairs.length);
  const failing = [...q.keys()].filter((i) => q[i]! > 0);
  // A link is down when it fails itself or any of its groups does: count the causes.
  const downCauses = new Uint16Array(m);
  const set = (i: number, v: 0 | 1): void => {
    if (i < n) failedNodes[i] = v;
    else if (i < n + m) bump(i - n, v);
    else for (const e of groupLinks[i - n - m]!) bump(e, v);
  };
  const state = new Uint8Array(n + m + groupLinks.length);
  function bump(e: number, v: 0 | 1): void {
    downCauses[e]! += v === 1 ? 1 : -1;
    failedLinks[e] = downCauses[e]! > 0 ? 1 : 0;
  }
  const setState = (i: number, v: 0 | 1): void => {
    if (state[i] === v) return;
    state[i] = v;
    set(i, v);
  };
  const exactLimit = opts.exactLimit ?? 18;
  if (failing.length <= exactLimit) {
    const pairP = new Float64Array(pairs.length);
    let netP = 0;
    for (let mask = 0; mask < 1 << failing.length; mask++) {
      let p = 1;
      failing.forEach((i, b) => {
        const down = (mask >> b) & 1;
        setState(i, down as 0 | 1);
        p *= down ? q[i]! : 1 - q[i]!;
      });
      if (evaluate(pairOk)) netP += p;
      for (let k = 0; k < pairs.length; k++) if (pairOk[k] === 1) pairP[k]! += p;
    }
    return report('exact', 0, netP, [netP, netP], [...pairP].map((p) => [p, [p, p]]));
  }
  // Monte Carlo conditioned on at least one failure.
  // Fewer samples on large designs keep every surface's call under a second; deterministic per design.
  const samples = opts.samples ?? Math.max(2_000, Math.min(20_000, Math.floor(2e7 / (n + m + 1))));
  // mulberry32 (lib/rng.ts) written out in the loop below — the same stream, draw for draw: one draw
  // per failing element after the first per sample (~10^7 at 500 sites), so the call itself counted.
  let ra = (opts.seed ?? 1) >>> 0;
  const qFailing = Float64Array.from(failing, (i) => q[i]!);
  let none = 1;
  for (const i of failing) none *= 1 - q[i]!;
  const pAny = 1 - none;
  // Cumulative weights for the first failed element: q_i Π_{j<i} (1 − q_j).
  const first = new Float64Array(failing.length);
  let run = 1;
  let acc = 0;
  failing.forEach((i, k) => {
    acc += q[i]! * run;
    first[k] = acc;
    run *= 1 - q[i]!;
  });
  let netBad = 0;
  const pairBad = new Float64Array(pairs.length);
  // The elements down in the current sample: only they need resetting before the next.
  const down: number[] = [];
  const verdicts = new Map<string, { whole: boolean; bad: Int32Array }>();
  let held = 0;
  const fail = (i: number): void => {
    setState(i, 1);
    down.push(i);
  };
  for (let s = 0; s < samples; s++) {
    for (const i of down) setState(i, 0);
    down.length = 0;
    ra = (ra + 0x6d2b79f5) >>> 0;
    let t0 = ra;
    t0 = Math.imul(t0 ^ (t0 >>> 15), t0 | 1);
    t0 ^= t0 + Math.imul(t0 ^ (t0 >>> 7), t0 | 61);
    const u = (((t0 ^ (t0 >>> 14)) >>> 0) / 4294967296) * acc;
    // The first k with first[k] ≥ u (the last when none): first[] never decreases, so bisect.
    let lo = 0;
    let hi = failing.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (first[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    const k = lo;
    fail(failing[k]!);
    for (let j = k + 1; j < qFailing.length; j++) {
      ra = (ra + 0x6d2b79f5) >>> 0;
      let t = ra;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      // A draw below the element's unavailability fails it (2^32 · q compared, as r() < q).
      if (((t ^ (t >>> 14)) >>> 0) / 4294967296 < qFailing[j]!) fail(failing[j]!);
    }
    // The same failure state gives the same verdicts: most samples repeat a one-element state.
    const key = down.join(',');
    let seen = verdicts.get(key);
    if (seen === undefined) {
      const isWhole = evaluate(pairOk, down);
      const bad: number[] = [];
      if (!allOk) for (let p = 0; p < pairs.length; p++) if (pairOk[p] === 0) bad.push(p);
      seen = { whole: isWhole, bad: Int32Array.from(bad) };
      // Bounded memory: a star's hub failing loses every pair, so verdicts can be as long as the pair list.
      if (held + bad.length <= VERDICTS_MAX_HELD) {
        verdicts.set(key, seen);
        held += bad.length + 1;
      }
    }
    if (!seen.whole) netBad++;
    for (const p of seen.bad) pairBad[p]!++;
  }
  const scale = (bad: number): [number, [number, number]] => {
    const [lo, hi] = wilson(bad, samples);
    return [1 - pAny * (bad / samples), [1 - pAny * hi, 1 - pAny * lo]];
  };
  const [na, nci] = scale(netBad);
  return report('monte-carlo', samples, na, nci, [...pairBad].map((b) => scale(b)));

  function report(method: AvailabilityReport['method'], k: number, net: number, ci: [number, number], per: [number, [number, number]][]): AvailabilityReport {
    const mean = per.length === 0 ? net : per.reduce((x, p) => x + p[0], 0) / per.length;
    return {
      method,
      samples: k,
      headline: { availability: mean, downtimeMinutesPerYear: (1 - mean) * 525_600 },
      network: { availability: net, ci95: ci },
      pairs: pairs.map(([a, b], i) => ({
        a: sites[a]!,
        b: sites[b]!,
        availability: per[i]![0],
        ci95: per[i]![1],
        downtimeMinutesPerYear: (1 - per[i]![0]) * 525_600,
      })),
    };
  }
}

/**
 * Connected components of the surviving graph into `componentOf` (-1 for
 * failed nodes), as connectivity.connectedComponents numbers them, without
 * allocating: the sampling loop calls it once per new failure state. Returns
 * the count. O(n + m).
 */
function componentsInto(g: CompiledGraph, failedNodes: Uint8Array, failedLinks: Uint8Array, componentOf: Int32Array, queue: Int32Array): number {
  const n = g.nodeIds.length;
  const { offsets, targets, edgeLink } = g;
  componentOf.fill(-1);
  let count = 0;
  for (let s = 0; s < n; s++) {
    if (componentOf[s] !== -1 || failedNodes[s] === 1) continue;
    const c = count++;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    componentOf[s] = c;
    while (head < tail) {
      const u = queue[head++]!;
      for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
        if (failedLinks[edgeLink[k]!] === 1) continue;
        const v = targets[k]!;
        if (componentOf[v] !== -1 || failedNodes[v] === 1) continue;
        componentOf[v] = c;
        queue[tail++] = v;
      }
    }
  }
  return count;
}
