import { expect, test } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import type { Topology } from '../../src-shared/model/topology';
import { syntheticCounters } from '../helpers/counters';
import { createProject, generateFromWizard, openDesign, settled, shot, watchProblems } from './helpers';

test('capacity view: counters in, a dated plan out — heat, forecast, timeline, a step on the canvas, approval', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = watchProblems(page);
  await createProject(page, 'E2E Capacity');
  await generateFromWizard(page, { datacenters: 1, branches: 5 });
  await openDesign(page, 'partial-mesh');

  // The design as the back end holds it: the synthetic counters are made for its links.
  const api = async <T,>(channel: string, input: unknown): Promise<T> => {
    const res = await page.request.post(`/api/call/${channel}`, { headers: { 'X-NetTwin-Token': E2E_TOKEN }, data: input });
    const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
    return body.value;
  };
  const projects = await api<{ id: string; name: string }[]>('project:list', {});
  const projectId = projects.find((p) => p.name === 'E2E Capacity')!.id;
  const designs = await api<{ id: string; family: string | null }[]>('design:list', { projectId });
  const designId = designs.find((d) => d.family === 'partial-mesh')!.id;
  const topology = (await api<{ topology: Topology }>('design:get', { projectId, designId })).topology;
  // Nothing approved automatically: every step waits for a named person.
  await api('optimise:setPolicy', { projectId, actor: 'E2E', policy: { autoApproveMaxCostUsd: 0, autoStrategies: [] } });
  const counters = syntheticCounters(topology, { periods: 4, firstQuarter: '2026-Q1', defaultPct: 25, seed: 5 });

  await page.getByRole('button', { name: 'Capacity', exact: true }).click();
  const view = page.getByRole('main', { name: 'Capacity' });
  await view.getByLabel('Import counters (CSV or Prometheus JSON)').setInputFiles({ name: 'poller.csv', mimeType: 'text/csv', buffer: Buffer.from(counters.csv) });
  await expect(view.getByRole('status')).toContainText('periods 2026-Q1, 2026-Q2, 2026-Q3, 2026-Q4');
  await view.getByLabel('Periods ahead').fill('4');
  await view.getByRole('button', { name: 'Plan capacity' }).click();
  const timeline = view.getByRole('list', { name: 'Plan timeline' });
  await expect(timeline.getByRole('button').first()).toBeVisible({ timeout: 120_000 });
  await expect(view).toContainText('fitted per site from the measured periods');
  await expect(timeline).toContainText(/by Q\d 20\d\d/);
  // The forecast chart and the heat map.
  await expect(view.getByRole('figure', { name: 'Forecast' }).locator('svg polyline')).toHaveCount(1);
  const heat = view.getByRole('table', { name: /Utilisation heat/ });
  await expect(heat.locator('tbody tr')).not.toHaveCount(0);
  await expect(heat.locator('td.heat__over')).not.toHaveCount(0); // as the design stands, something runs over
  await view.getByLabel('with the plan').check();
  await expect(view.getByRole('table', { name: 'Utilisation heat with the plan' }).locator('td.heat__over')).toHaveCount(0);

  // A step: on the canvas, with its worst case before and after, and its approval.
  const first = timeline.getByRole('button').first();
  await first.click();
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  const detail = view.getByRole('region', { name: /^Step \d+$/ });
  await expect(detail.getByRole('table', { name: 'Worst case before and after' })).toContainText('%');
  await expect(detail).toContainText('Verified in the twin');
  const canvas = page.getByRole('region', { name: 'Step on the canvas' }).locator('.canvas');
  await expect(canvas).toHaveAttribute('data-focus', /\S/);
  await settled(canvas.locator('.react-flow__node')); // the zoom to the change animates
  await shot(page, 'capacity');

  await expect(first).toContainText('proposed');
  await expect(detail).toContainText('waiting for a person');
  await view.getByLabel('Decided by').fill('Grace Hopper');
  await detail.getByLabel('Reason').fill('within the Q1 budget');
  await detail.getByRole('button', { name: 'Approve' }).click();
  await expect(detail).toContainText('approved by Grace Hopper');
  await expect(first).toContainText('approved');
  await detail.getByRole('button', { name: 'Mark built (apply to the design)' }).click();
  await expect(detail).toContainText('built into revision');
  await view.getByRole('table', { name: /Utilisation heat/ }).scrollIntoViewIfNeeded();
  await shot(page, 'capacity-heat');
  expect(problems).toEqual([]);
});
