import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { ZOO_DIR } from '../helpers/data';
import { settled, shot, watchProblems } from './helpers';

const api = async <T>(page: Page, channel: string, input: unknown): Promise<T> => {
  const r = await page.request.post(`/api/call/${channel}`, { data: input, headers: { 'X-NetTwin-Token': E2E_TOKEN } });
  const body = (await r.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.value;
};

/** The shipped global-enterprise intent with more branches: its hybrid design has 249 devices. */
function bigIntent(): unknown {
  const intent = JSON.parse(fs.readFileSync(path.resolve('resources/examples/global-enterprise.intent.json'), 'utf8')) as {
    siteGroups: { role: string; region: string; count?: number }[];
  };
  const counts: Record<string, number> = { eu: 100, 'us-east': 75, apac: 44 };
  for (const g of intent.siteGroups) if (g.role === 'branch') g.count = counts[g.region]!;
  return intent;
}

/** No two visible site labels overlap on screen (real text widths, real zoom). */
async function expectLabelsApart(page: Page): Promise<number> {
  const rects = await page.locator('.site__label').evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })),
  );
  const overlaps: string[] = [];
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i]!;
      const b = rects[j]!;
      const overlap = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.5 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.5;
      if (overlap) overlaps.push(`${i}×${j}`);
    }
  }
  expect(overlaps, 'overlapping labels').toEqual([]); // one expect: each call is a reported step
  return rects.length;
}

async function openProjectDesign(page: Page, project: string, design: RegExp): Promise<void> {
  await page.goto(`/?token=${E2E_TOKEN}`);
  await page.getByRole('button', { name: `Open project ${project}` }).click();
  await page.getByRole('list', { name: 'Designs' }).getByRole('button', { name: design }).click();
  await expect(page.locator('.canvas')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
}

/** The overview's sites (or a drilled-into site's devices) and their labels: still once a fit or zoom has ended. */
const overviewNodes = (page: Page) => page.locator('.overview .react-flow__node, .overview .site__label');
const view = (page: Page, name: string) => page.getByRole('group', { name: 'View' }).getByRole('button', { name, exact: true });

test('a 249-device hybrid in the site, region and map views, with drill-down into a site and back', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchProblems(page);
  await page.goto(`/?token=${E2E_TOKEN}`);
  const project = await api<{ id: string }>(page, 'project:create', { name: 'E2E Views hybrid' });
  await api(page, 'design:generate', { projectId: project.id, intent: bigIntent(), family: 'hybrid', seed: 1 });
  await openProjectDesign(page, 'E2E Views hybrid', /hybrid/);
  await expect(page.getByRole('list', { name: 'Designs' }).getByRole('button', { name: /hybrid/ })).toContainText('249 devices');
  await expect(view(page, 'Devices')).toHaveAttribute('aria-pressed', 'true'); // 249 devices: every device first

  await view(page, 'Sites').click();
  const overview = page.locator('.overview');
  await expect(overview).toHaveAttribute('data-view', 'sites');
  const summary = page.getByRole('status', { name: 'View summary' });
  await expect(summary).toContainText('Site view: 224 sites');
  await expect(page.locator('.react-flow__node-site')).toHaveCount(224);
  await settled(overviewNodes(page));
  expect(await expectLabelsApart(page)).toBeGreaterThanOrEqual(3);
  await shot(page, 'views-hybrid-sites');

  await view(page, 'Regions').click();
  await expect(overview).toHaveAttribute('data-view', 'regions');
  await expect(page.locator('.region-box')).toHaveCount(3);
  await expect(page.getByRole('group', { name: /^Region eu: \d+ sites · \d+ devices/ })).toBeVisible();
  await settled(overviewNodes(page));
  await expectLabelsApart(page);
  await shot(page, 'views-hybrid-regions');

  await view(page, 'Map').click();
  await expect(overview).toHaveAttribute('data-view', 'geo');
  await expect(summary).toContainText('Every site has coordinates.');
  await expect(page.locator('.basemap__land')).toHaveCount(1);
  await settled(overviewNodes(page));
  await expectLabelsApart(page);
  await shot(page, 'views-hybrid-map');

  // Drill down from the map: Enter on the focused Paris HQ; Escape returns to the map.
  const parisNode = page.locator('.react-flow__node-site', { has: page.getByLabel(/^Site Paris HQ,/) });
  await parisNode.focus();
  await page.keyboard.press('Enter');
  const overviewView = page.locator('.overview');
  await expect(overviewView).toHaveAttribute('data-view', 'site-devices');
  await expect(summary).toContainText('Paris HQ');
  await expect(page.locator('.overview .react-flow__node-device').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(overviewView).toHaveAttribute('data-view', 'geo');

  // And from the site view by double-click (a hub's disc stands clear of the others there); "All sites" returns.
  await view(page, 'Sites').click();
  await expect(overviewView).toHaveAttribute('data-view', 'sites');
  await page.getByLabel(/^Site Paris HQ,/).locator('.site__disc').dblclick();
  await expect(overviewView).toHaveAttribute('data-view', 'site-devices');
  await settled(overviewNodes(page));
  await shot(page, 'views-hybrid-drill');
  await page.getByRole('button', { name: '← All sites' }).click();
  await expect(overviewView).toHaveAttribute('data-view', 'sites');

  await view(page, 'Devices').click();
  await expect(page.getByRole('application', { name: 'Design canvas' }).or(page.locator('.react-flow[aria-label="Design canvas"]'))).toBeVisible();
  expect(problems).toEqual([]);
});

test('the largest Topology Zoo network in the test data, imported, in the site, region and map views', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchProblems(page);
  await page.goto(`/?token=${E2E_TOKEN}`);
  const project = await api<{ id: string }>(page, 'project:create', { name: 'E2E Views zoo' });
  const text = fs.readFileSync(path.join(ZOO_DIR, 'DialtelecomCz.graphml'), 'utf8');
  const imported = await api<{ summary: { devices?: number } }>(page, 'design:import', { projectId: project.id, fileName: 'DialtelecomCz.graphml', text });
  expect(imported).toBeDefined();
  await openProjectDesign(page, 'E2E Views zoo', /DialtelecomCz|Dialtelecom/i);

  await view(page, 'Sites').click();
  const summary = page.getByRole('status', { name: 'View summary' });
  await expect(summary).toContainText('Site view: 193 sites');
  await settled(overviewNodes(page));
  await expectLabelsApart(page);
  await shot(page, 'views-zoo-sites');

  await view(page, 'Regions').click();
  await expect(page.locator('.region-box').first()).toBeVisible();
  await settled(overviewNodes(page));
  await expectLabelsApart(page);
  await shot(page, 'views-zoo-regions');

  await view(page, 'Map').click();
  await expect(summary).toContainText(/sites? ha(s|ve) no coordinates: listed beside the map|Every site has coordinates/);
  await settled(overviewNodes(page));
  expect(await expectLabelsApart(page)).toBeGreaterThan(3);
  await shot(page, 'views-zoo-map');
  // Zoomed in on the country, more PoPs are named and still none overlap.
  const before = await page.locator('.site__label').count();
  const pane = (await page.locator('.overview .react-flow').boundingBox())!;
  const biggest = page.locator('.react-flow__node-site').first();
  const box = (await biggest.boundingBox())!;
  await page.mouse.move(box.x, box.y);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -300);
  await settled(overviewNodes(page));
  expect(pane.width).toBeGreaterThan(0);
  await expectLabelsApart(page);
  expect(await page.locator('.site__label').count()).toBeGreaterThanOrEqual(before);
  await shot(page, 'views-zoo-map-zoomed');
  expect(problems).toEqual([]);
});
