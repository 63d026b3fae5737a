import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { costDesign, deviceCostUsd, linkCostUsd, opticsCostUsd } from '../../../src-shared/cost/cost';
import { DEFAULT_PRICE_BOOK, parsePriceBook, PriceBookSchema } from '../../../src-shared/cost/pricebook';
import type { Topology } from '../../../src-shared/model/topology';

const book = DEFAULT_PRICE_BOOK;

describe('price book', () => {
  it('resources/pricebook.json is the default price book, and it parses', () => {
    const shipped: unknown = JSON.parse(readFileSync(new URL('../../../resources/pricebook.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(DEFAULT_PRICE_BOOK);
    expect(PriceBookSchema.parse(shipped)).toEqual(DEFAULT_PRICE_BOOK);
  });

  it('reports problems with field paths, including unordered tiers', () => {
    const edited = structuredClone(DEFAULT_PRICE_BOOK) as unknown as { links: { tiers: unknown[] }; devices: { extraPortUsd: number } };
    edited.links.tiers.reverse();
    edited.devices.extraPortUsd = -1;
    const r = parsePriceBook(edited);
    expect(!r.ok && r.problems).toEqual([
      expect.stringMatching(/^devices\.extraPortUsd: Too small/),
      'links.tiers: tiers must be in increasing capacity order',
    ]);
  });
});

describe('cost model', () => {
  it('prices a device by the smallest tier of its role with enough ports, per extra port beyond the largest', () => {
    expect(deviceCostUsd(book, 'edge', 8)).toBe(2_500);
    expect(deviceCostUsd(book, 'edge', 9)).toBe(6_000);
    expect(deviceCostUsd(book, 'router', 48)).toBe(25_000); // default tiers
    expect(deviceCostUsd(book, 'core', 600)).toBe(900_000 + 24 * 900);
  });

  it('prices circuits by capacity tier and distance, intra-site links as cabling', () => {
    expect(linkCostUsd(book, 10, 100, false)).toBe(3_000 + 40 * 100);
    expect(linkCostUsd(book, 30, 0, false)).toBe(5_000);
    expect(linkCostUsd(book, 800, 10, false)).toBe(2 * (20_000 + 300 * 10));
    expect(linkCostUsd(book, 100, 0, true)).toBe(150);
  });

  it('needs two optics per link, long-reach beyond the short-reach limit', () => {
    expect(opticsCostUsd(book, 100, 2)).toBe(2 * 900);
    expect(opticsCostUsd(book, 100, 80)).toBe(2 * 8_000);
    expect(opticsCostUsd(book, 800, 0)).toBe(2 * 2 * 3_000);
  });

  it('sums a design by devices, links and optics; a hand-set cost wins over the book', () => {
    const t: Topology = {
      formatVersion: 1,
      name: 't',
      sites: [],
      nodes: [
        { id: 'a', name: 'a', role: 'edge', ports: 8, site: 's1' },
        { id: 'b', name: 'b', role: 'core', ports: 32, site: 's2', costUsd: 1 },
        { id: 'c', name: 'c', role: 'core', ports: 32, site: 's2' },
      ],
      links: [
        { id: 'l1', source: 'a', target: 'b', capacityGbps: 10, igpWeight: 1, latencyMs: 1, distanceKm: 100, srlgs: [] },
        { id: 'l2', source: 'b', target: 'c', capacityGbps: 100, igpWeight: 1, latencyMs: 0.05, distanceKm: 0, srlgs: [] },
      ],
    };
    const c = costDesign(t, book);
    expect(c.devicesUsd).toBe(2_500 + 1 + 60_000);
    expect(c.linksUsd).toBe(3_000 + 4_000 + 150);
    expect(c.opticsUsd).toBe(2 * 1_500 + 2 * 900);
    expect(c.totalUsd).toBe(c.devicesUsd + c.linksUsd + c.opticsUsd);
    expect(c.byRole).toEqual({ edge: { count: 1, usd: 2_500 }, core: { count: 2, usd: 60_001 } });
  });
});
