import { Window } from 'happy-dom';
import { act } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NettwinBridge } from '../../src-shared/contract/bridge';
import type { Result } from '../../src-shared/contract/result';
import type { CostBreakdown } from '../../src-shared/cost/cost';
import type { ProjectInfo, TopologySummary } from '../../src-shared/model/records';
import { electronTransport } from '../helpers/transports';
import { mountPerTest } from './mount';

// As in large-design-actions.test.tsx: a happy-dom window in a Node environment, and the page
// talking to the real services through a preload-shaped bridge (set before the api module loads).
const win = new Window({ url: 'http://localhost/' });
for (const key of Object.getOwnPropertyNames(win)) {
  if (!(key in globalThis)) Object.defineProperty(globalThis, key, { value: (win as unknown as Record<string, unknown>)[key], configurable: true, writable: true });
}
Object.defineProperty(globalThis, 'window', { value: win, configurable: true, writable: true });
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const t = electronTransport();
const bridge: NettwinBridge = {
  transport: 'electron',
  invoke: (channel, input) => t.call(channel, input),
  on: (event, listener) => t.services.bus.subscribe((name, payload) => name === event && listener(payload)),
};
(window as unknown as { nettwin: NettwinBridge }).nettwin = bridge;
const { LearntEffects } = await import('../../src-renderer/features/learn/LearntEffects');

const value = <T,>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

async function until(ready: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > end) throw new Error('timed out waiting for the screen');
    await act(() => new Promise((r) => setTimeout(r, 20)));
  }
}

let project: ProjectInfo;
const intent = { name: 'Shops', siteGroups: [{ role: 'hq', count: 1 }, { role: 'branch', count: 5 }], redundancy: 'STANDARD', goal: 'cost' };

beforeAll(async () => {
  project = value<ProjectInfo>(await t.call('project:create', { name: 'Learnt effects view' }));
  const rows: string[] = [];
  for (const [i, family] of ['hub-spoke', 'dual-hub', 'ring', 'tree'].entries()) {
    const s = value<TopologySummary>(await t.call('design:generate', { projectId: project.id, intent, family, seed: 1 }));
    const rec = value<{ cost: CostBreakdown }>(await t.call('design:get', { projectId: project.id, designId: s.id }));
    rows.push(`${s.id},circuitsMonthlyUsd,${(rec.cost.monthly.circuitsUsd * [1.1, 1.2, 1.15, 1.25][i]!).toFixed(2)}`);
  }
  value(await t.call('outcomes:import', { projectId: project.id, text: `design,metric,value\n${rows.join('\n')}\n`, source: 'invoices.csv' }));
}, 120_000);
afterAll(async () => {
  await t.close();
});

const dom = mountPerTest();
const effect = (id: string) => dom.host.querySelector<HTMLLIElement>(`[data-testid="effect-${id}"]`);
const toggle = (id: string) => effect(id)!.querySelector<HTMLInputElement>('input[role="switch"]')!;

describe('LearntEffects: the Learn view lists what was learnt with evidence and switches', () => {
  it('shows a calibration off with its evidence; switching it on shows the calibrated costs, and the switch is kept in the project', async () => {
    act(() => dom.root.render(<LearntEffects projectId={project.id} version={0} />));
    await until(() => effect('calibration:circuitsMonthlyUsd') !== null);
    const cal = effect('calibration:circuitsMonthlyUsd')!;
    expect(cal.textContent).toMatch(/this organisation's circuits cost 17 % above the price book \(95 % interval \d+–\d+ % above, 4 designs\)/);
    expect(cal.querySelector('summary')!.textContent).toBe('Evidence (4)');
    expect(cal.querySelectorAll('details li')).toHaveLength(4);
    expect(toggle('calibration:circuitsMonthlyUsd').checked).toBe(false);
    expect(toggle('search-order').checked).toBe(true);
    expect(dom.host.querySelector('[aria-label="Calibrated figures"]')).toBeNull();

    act(() => toggle('calibration:circuitsMonthlyUsd').click());
    await until(() => dom.host.querySelector('[aria-label="Calibrated figures"]') !== null);
    expect(toggle('calibration:circuitsMonthlyUsd').checked).toBe(true);
    expect(dom.host.querySelectorAll('[aria-label="Calibrated figures"] tbody tr')).toHaveLength(4);

    // A fresh screen (the view reopened) reads the switch back from the project.
    act(() => dom.root.render(<LearntEffects projectId={project.id} version={1} />));
    await until(() => effect('calibration:circuitsMonthlyUsd') !== null && dom.host.querySelector('[aria-label="Calibrated figures"]') !== null);
    expect(toggle('calibration:circuitsMonthlyUsd').checked).toBe(true);
    expect(t.services.effects.calibrations(project.id).map((c) => c.metric)).toEqual(['circuitsMonthlyUsd']);
  });
});
