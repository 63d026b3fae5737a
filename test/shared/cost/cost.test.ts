import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annuityFactor, circuitPrice, costDesign, deviceCostUsd, opticsCostUsd } from '../../../src-shared/cost/cost';
import { DEFAULT_PRICE_BOOK, parsePriceBook, PriceBookSchema } from '../../../src-shared/cost/pricebook';
import { chooseTransport, type LinkEnds } from '../../../src-shared/cost/transport';
import type { Topology } from '../../../src-shared/model/topology';

const book = DEFAULT_PRICE_BOOK;

describe('price book', () => {
  it('resources/pricebook.json is the default price book, and it parses', () => {
    const shipped: unknown = JSON.parse(readFileSync(new URL('../../../resources/pricebook.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(DEFAULT_PRICE_BOOK);
    expect(PriceBookSchema.parse(shipped)).toEqual(DEFAULT_PRICE_BOOK);
  });

  it('every section of the default book names its source, range or assumption, and the book its date', () => {
    expect(book.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const sources = [book.devices.source, book.optics.source, book.circuits.internet.source, book.circuits.mpls.source, book.circuits.wavelength.source, book.circuits.darkFibre.source, book.recurring.source];
    for (const s of sources) expect(s).toMatch(/\$[\d,]+.*(–|assumption)/);
  });

  it('reports problems with field paths, including unordered tiers and band factors that miss a band', () => {
    const edited = structuredClone(DEFAULT_PRICE_BOOK) as unknown as { circuits: { mpls: { tiers: unknown[] }; wavelength: { bandFactors: number[] } }; devices: { extraPortUsd: number } };
    edited.circuits.mpls.tiers.reverse();
    edited.circuits.wavelength.bandFactors.pop();
    edited.devices.extraPortUsd = -1;
    const r = parsePriceBook(edited);
    expect(!r.ok && r.problems).toEqual([
      expect.stringMatching(/^devices\.extraPortUsd: Too small/),
      'circuits.mpls.tiers: tiers must be in increasing capacity order',
      'circuits.wavelength.bandFactors: needs one factor per distance band (4), got 3',
    ]);
  });

  it('reads a version 1 book: devices and optics kept, circuits from the defaults (their 3-year capex folding cannot be split)', () => {
    const v1 = {
      formatVersion: 1, name: 'Old book', currency: 'USD', termYears: 3,
      devices: { default: [{ ports: 48, usd: 7 }], byRole: {}, extraPortUsd: 5 },
      links: { intraSiteUsd: 99, tiers: [{ capacityGbps: 1, installUsd: 1, perKmUsd: 1 }] },
      optics: { shortReachMaxKm: 10, tiers: [{ capacityGbps: 1, shortReachUsd: 3, longReachUsd: 4 }] },
    };
    const r = parsePriceBook(v1);
    if (!r.ok) throw new Error(r.problems.join('; '));
    expect(r.book.formatVersion).toBe(2);
    expect(r.book.devices.default).toEqual([{ ports: 48, usd: 7 }]);
    expect(r.book.optics.tiers).toEqual([{ capacityGbps: 1, shortReachUsd: 3, longReachUsd: 4 }]);
    expect(r.book.circuits.intraSiteUsd).toBe(99);
    expect(r.book.circuits.wavelength).toEqual(DEFAULT_PRICE_BOOK.circuits.wavelength);
    expect(parsePriceBook({ ...v1, formatVersion: 3 })).toEqual({ ok: false, problems: [expect.stringMatching(/^formatVersion: .*newer NetTwin/)] });
  });
});

describe('transport choice', () => {
  const ends = (p: Partial<LinkEnds>): LinkEnds => ({ siteRoles: ['hq', 'datacenter'], deviceRoles: [undefined, undefined], capacityGbps: 10, routeKm: 100, sameSite: false, ...p });
  it('follows site roles, bandwidth and distance', () => {
    expect(chooseTransport(ends({ sameSite: true }))).toBe('intra-site');
    expect(chooseTransport(ends({ routeKm: 0 }))).toBe('intra-site');
    expect(chooseTransport(ends({ siteRoles: ['branch', 'region-hub'], capacityGbps: 1 }))).toBe('internet');
    expect(chooseTransport(ends({ siteRoles: ['branch', 'region-hub'], capacityGbps: 10 }))).toBe('mpls');
    expect(chooseTransport(ends({ siteRoles: ['branch', 'datacenter'], capacityGbps: 100 }))).toBe('wavelength');
    expect(chooseTransport(ends({ capacityGbps: 100, routeKm: 60 }))).toBe('dark-fibre');
    expect(chooseTransport(ends({ capacityGbps: 1, routeKm: 8 }))).toBe('dark-fibre');
    expect(chooseTransport(ends({ capacityGbps: 1, routeKm: 60 }))).toBe('mpls');
    expect(chooseTransport(ends({ capacityGbps: 100, routeKm: 900 }))).toBe('wavelength');
    // Imported designs without sites: an edge device is a branch.
    expect(chooseTransport(ends({ siteRoles: [undefined, undefined], deviceRoles: ['edge', 'core'], capacityGbps: 1 }))).toBe('internet');
  });
});

describe('cost model', () => {
  it('prices a device by the smallest tier of its role with enough ports, per extra port beyond the largest', () => {
    expect(deviceCostUsd(book, 'edge', 8)).toBe(2_500);
    expect(deviceCostUsd(book, 'edge', 9)).toBe(6_000);
    expect(deviceCostUsd(book, 'router', 48)).toBe(25_000); // default tiers
    expect(deviceCostUsd(book, 'core', 600)).toBe(900_000 + 24 * 900);
  });

  it('prices circuits as carriers sell them: install plus monthly by bandwidth tier and distance band', () => {
    // Internet access bought at the committed rate (0.3 Gbit/s → the 0.5 tier), distance-insensitive.
    expect(circuitPrice(book, 'internet', 1, 1, 2_000, 0.3)).toMatchObject({ oneTimeUsd: 750, monthlyUsd: 650 });
    expect(circuitPrice(book, 'mpls', 1, 1, 28)).toMatchObject({ oneTimeUsd: 2_000, monthlyUsd: 2_800 });
    expect(circuitPrice(book, 'mpls', 1, 1, 5_000).monthlyUsd).toBeCloseTo(2_800 * 1.6);
    expect(circuitPrice(book, 'wavelength', 100, 1, 1_000)).toMatchObject({ oneTimeUsd: 8_000, monthlyUsd: 3_500 * 3.5 });
    expect(circuitPrice(book, 'dark-fibre', 100, 1, 30)).toMatchObject({ oneTimeUsd: 10_000 + 45_000, iruUsd: 45_000, monthlyUsd: 0, maintenancePerYearUsd: 7_500 });
    expect(circuitPrice(book, 'intra-site', 800, 2, 0)).toMatchObject({ oneTimeUsd: 300, monthlyUsd: 0 });
  });

  it('prices a LAG as one build: one installation, one IRU, n wavelengths or n optics pairs', () => {
    const lag = circuitPrice(book, 'wavelength', 1600, 4, 1_000);
    const one = circuitPrice(book, 'wavelength', 400, 1, 1_000);
    expect(lag.oneTimeUsd).toBe(one.oneTimeUsd);
    expect(lag.monthlyUsd).toBeCloseTo(4 * one.monthlyUsd);
    expect(circuitPrice(book, 'dark-fibre', 1600, 4, 40).oneTimeUsd).toBe(circuitPrice(book, 'dark-fibre', 400, 1, 40).oneTimeUsd);
    expect(opticsCostUsd(book, 1600, 40, 4)).toBe(2 * 4 * 15_000);
  });

  it('needs one optic per member at each end, long-reach beyond the short-reach limit', () => {
    expect(opticsCostUsd(book, 100, 2)).toBe(2 * 900);
    expect(opticsCostUsd(book, 100, 80)).toBe(2 * 8_000);
    expect(opticsCostUsd(book, 800, 0)).toBe(2 * 2 * 3_000);
  });

  it('discounts recurring cost as an end-of-year annuity; 0 % is the plain sum', () => {
    expect(annuityFactor(5, 0)).toBe(5);
    expect(annuityFactor(5, 8)).toBeCloseTo(3.9927, 4);
  });

  const t: Topology = {
    formatVersion: 1,
    name: 't',
    sites: [
      { id: 's1', name: 'Leeds branch', role: 'branch', region: 'eu', bandwidthMbps: 100 },
      { id: 's2', name: 'Slough DC', role: 'datacenter', region: 'eu' },
    ],
    nodes: [
      { id: 'a', name: 'a', role: 'edge', ports: 8, site: 's1' },
      { id: 'b', name: 'b', role: 'core', ports: 32, site: 's2', costUsd: 1 },
      { id: 'c', name: 'c', role: 'core', ports: 32, site: 's2' },
    ],
    links: [
      { id: 'l1', source: 'a', target: 'b', capacityGbps: 1, igpWeight: 1, latencyMs: 1, distanceKm: 300, srlgs: [] },
      { id: 'l2', source: 'b', target: 'c', capacityGbps: 100, igpWeight: 1, latencyMs: 0.05, distanceKm: 0, srlgs: [] },
    ],
  };

  it('sums capex, monthly recurring and the TCO over the term; a hand-set device price wins over the book', () => {
    const c = costDesign(t, book);
    expect(c.termYears).toBe(5);
    expect(c.capex.devicesUsd).toBe(2_500 + 1 + 60_000);
    // Three devices installed, the internet access installed (100 Mbit/s × 1.2 growth / 0.8 limit → 0.2 tier), cabling.
    expect(c.capex.installationUsd).toBe(3 * 1_000 + 500 + 150);
    expect(c.capex.opticsUsd).toBe(2 * 400 + 2 * 900);
    expect(c.capexUsd).toBe(c.capex.devicesUsd + c.capex.installationUsd + c.capex.opticsUsd);
    expect(c.byTransport.internet).toEqual({ links: 1, members: 1, oneTimeUsd: 500, monthlyUsd: 450 });
    expect(c.byTransport['intra-site']).toEqual({ links: 1, members: 1, oneTimeUsd: 150, monthlyUsd: 0 });
    // Support 12 % a year of list price; one colocation rack at the DC.
    expect(c.monthly).toEqual({ circuitsUsd: 450, supportUsd: Math.round((62_501 * 0.12) / 12), colocationUsd: 1_500, fibreMaintenanceUsd: 0 });
    expect(c.racks).toBe(1);
    expect(c.mrcUsd).toBe(Math.round(450 + (62_501 * 0.12) / 12 + 1_500));
    expect(Math.abs(c.tcoUsd - (c.capexUsd + 60 * c.mrcUsd))).toBeLessThanOrEqual(60);
    expect(c.totalUsd).toBe(c.tcoUsd);
    expect(c.byRole).toEqual({ edge: { count: 1, usd: 2_500 }, core: { count: 2, usd: 60_001 } });
  });

  it('takes the term and discount rate from the design (its intent), and a stated transport and hand-set circuit price from the link', () => {
    const plain = costDesign(t, book);
    const npv = costDesign(t, book, { termYears: 5, discountRatePct: 8 });
    expect(npv.capexUsd).toBe(plain.capexUsd);
    expect(npv.tcoUsd).toBeLessThan(plain.tcoUsd);
    expect(npv.tcoUsd - npv.capexUsd).toBeCloseTo(12 * npv.mrcUsd * annuityFactor(5, 8), -2);
    const mpls = costDesign({ ...t, links: [{ ...t.links[0]!, transport: 'mpls' }, t.links[1]!] }, book);
    expect(mpls.byTransport.mpls?.monthlyUsd).toBe(1_400);
    const hand = costDesign({ ...t, links: [{ ...t.links[0]!, costUsd: 12_345 }, t.links[1]!] }, book);
    expect(hand.capex.handPricedLinksUsd).toBe(12_345);
    expect(hand.monthly.circuitsUsd).toBe(0);
  });
});
