// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { costDesign } from '../../src-shared/cost/cost';
import { DEFAULT_PRICE_BOOK } from '../../src-shared/cost/pricebook';
import { CostPanel } from '../../src-renderer/features/cost/CostPanel';
import type { Topology } from '../../src-shared/model/topology';
import { mountPerTest } from './mount';

const dom = mountPerTest();
const money = (x: number) => `$${x.toLocaleString('en-US')}`;

/** A branch on internet/SD-WAN to a data centre 300 km away, and a LAG between two DC routers. */
const t: Topology = {
  formatVersion: 1,
  name: 'two sites',
  sites: [
    { id: 'b', name: 'Leeds', role: 'branch', region: 'uk', bandwidthMbps: 100 },
    { id: 'd', name: 'Slough DC', role: 'datacenter', region: 'uk' },
  ],
  nodes: [
    { id: 'e', name: 'e', role: 'edge', ports: 8, site: 'b' },
    { id: 'c1', name: 'c1', role: 'core', ports: 32, site: 'd' },
    { id: 'c2', name: 'c2', role: 'core', ports: 32, site: 'd' },
  ],
  links: [
    { id: 'l1', source: 'e', target: 'c1', capacityGbps: 1, igpWeight: 1, latencyMs: 2, distanceKm: 300, srlgs: [] },
    { id: 'l2', source: 'c1', target: 'c2', capacityGbps: 800, igpWeight: 1, latencyMs: 0.01, distanceKm: 0, srlgs: [] },
  ],
};

describe('CostPanel', () => {
  it('shows the headline TCO with its term, capex by category, monthly by transport and how the TCO is made, from the one cost model', () => {
    const cost = costDesign(t, DEFAULT_PRICE_BOOK, { termYears: 3, discountRatePct: 0 });
    act(() => dom.root.render(<CostPanel cost={cost} custom={false} />));
    const text = dom.host.textContent ?? '';
    expect(text).toContain(`3-year TCO ${money(cost.totalUsd)}`);
    const rows = (label: string) => [...dom.host.querySelectorAll(`table[aria-label="${label}"] tr`)].map((r) => [...r.children].map((c) => c.textContent));
    expect(rows('Capex')).toContainEqual(['Devices (list price)', money(cost.capex.devicesUsd)]);
    expect(rows('Capex').at(-1)).toEqual(['Capex', money(cost.capexUsd)]);
    expect(rows('Monthly recurring')).toContainEqual(['Internet / SD-WAN (dedicated access) (1)', money(cost.byTransport.internet!.monthlyUsd)]);
    expect(rows('Monthly recurring')).toContainEqual(['Colocation and power (1 rack)', '$1,500']);
    expect(rows('Monthly recurring').at(-1)).toEqual(['Monthly recurring', money(cost.mrcUsd)]);
    expect(rows('Total cost of ownership').at(-1)).toEqual(['3-year TCO', money(cost.tcoUsd)]);
  });

  it('shows the calibrated TCO beside the price-book headline only when a cost calibration is on', () => {
    const cost = costDesign(t, DEFAULT_PRICE_BOOK, { termYears: 3, discountRatePct: 0 });
    act(() => dom.root.render(<CostPanel cost={cost} custom={false} calibration={null} />));
    expect(dom.host.querySelector('[aria-label="Calibrated cost"]')).toBeNull();
    const statement = "this organisation's circuits cost 20 % above the price book (95 % interval 10–30 % above, 5 designs)";
    const factors = { circuitsMonthlyUsd: { factor: 1.2, interval: { low: 1.1, high: 1.3 } } };
    act(() => dom.root.render(<CostPanel cost={cost} custom={false} calibration={{ factors, statements: [statement] }} />));
    const circuits = cost.monthly.circuitsUsd;
    expect(circuits).toBeGreaterThan(0);
    const at = (f: number) => money(Math.round(cost.capexUsd + 36 * (cost.mrcUsd + circuits * (f - 1))));
    const note = dom.host.querySelector('[aria-label="Calibrated cost"]')!.textContent;
    expect(note).toContain(`3-year TCO ${at(1.2)} (95 % range ${at(1.1)}–${at(1.3)})`);
    expect(note).toContain(statement);
    // The headline stays the price book's.
    expect(dom.host.querySelector('.verdict-line')!.textContent).toBe(`3-year TCO ${money(cost.totalUsd)}`);
  });
});
