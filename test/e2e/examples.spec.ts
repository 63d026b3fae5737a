import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { shot, watchProblems } from './helpers';

const api = async <T>(page: Page, channel: string, input: unknown): Promise<T> => {
  const r = await page.request.post(`/api/call/${channel}`, { data: input, headers: { 'X-NetTwin-Token': E2E_TOKEN } });
  const body = (await r.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.value;
};

const projectsDir = path.resolve('test-results', 'e2e-projects');

for (const ex of [
  { title: 'GÉANT, a real network', project: 'Example — GÉANT, a real network', designs: 1, family: null },
  { title: 'Regional retail chain', project: 'Example — Regional retail chain', designs: 5, family: 'any' },
]) {
  test(`one click builds the example "${ex.title}": designs, a sweep, a decision pack, opened`, async ({ page }) => {
    test.setTimeout(120_000);
    const problems = watchProblems(page);
    await page.goto(`/?token=${E2E_TOKEN}`);
    await expect(page.getByRole('heading', { name: 'Start from an example' })).toBeVisible();
    if (ex.family === null) await shot(page, 'start-page');
    const started = Date.now();
    await page.getByRole('button', { name: `Build example project ${ex.title}` }).click();
    await expect(page.getByRole('status').filter({ hasText: /step \d of \d/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: ex.project })).toBeVisible({ timeout: 90_000 });
    const seconds = (Date.now() - started) / 1000;
    console.log(`example "${ex.title}" built and opened in ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(60); // the promise: a complete project within a minute
    await expect(page.locator('.canvas')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });

    const projects = await api<{ id: string; name: string }[]>(page, 'project:list', {});
    const project = projects.find((p) => p.name === ex.project)!;
    expect(project).toBeDefined();
    const designs = await api<{ id: string; family: string | null }[]>(page, 'design:list', { projectId: project.id });
    expect(designs.length).toBeGreaterThanOrEqual(ex.designs);
    const swept = [];
    for (const d of designs) swept.push(...(await api<unknown[]>(page, 'sim:list', { projectId: project.id, designId: d.id })));
    expect(swept).toHaveLength(1);
    const audit = await api<{ action: string }[]>(page, 'audit:list', { projectId: project.id });
    expect(audit.map((a) => a.action)).toContain('report.generate');
    const packs = fs.readdirSync(projectsDir).filter((f) => f.startsWith(ex.project) && f.endsWith('.pdf'));
    expect(packs.length).toBeGreaterThanOrEqual(1);
    expect(fs.readFileSync(path.join(projectsDir, packs[0]!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await shot(page, ex.family === null ? 'example-geant-opened' : 'example-retail-opened');
    expect(problems).toEqual([]);
  });
}

test('an example can be cancelled, and the start page says what was kept', async ({ page }) => {
  await page.goto(`/?token=${E2E_TOKEN}`);
  await page.getByRole('button', { name: 'Build example project Global enterprise WAN' }).click();
  await expect(page.getByRole('status').filter({ hasText: /step \d of 5/ })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toContainText('Stopped. The project "Example — Global enterprise WAN" keeps what was done so far', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: /Open project Example — Global enterprise WAN/ })).toBeVisible();
});

test('a file that is not a project is refused by name, and a real project uploads and opens', async ({ page }) => {
  await page.goto(`/?token=${E2E_TOKEN}`);
  const upload = page.getByLabel('Upload a .nettwin project');
  await upload.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByRole('alert')).toContainText('notes.txt is not a NetTwin project');
  await upload.setInputFiles({ name: 'fake.nettwin', mimeType: 'application/octet-stream', buffer: Buffer.from('not sqlite at all') });
  await expect(page.getByRole('alert')).toContainText('fake.nettwin:');
  // A real project: a copy of one the examples made.
  const source = fs.readdirSync(projectsDir).find((f) => f.startsWith('Example — GÉANT') && f.endsWith('.nettwin'))!;
  await upload.setInputFiles({ name: 'Colleague copy.nettwin', mimeType: 'application/octet-stream', buffer: fs.readFileSync(path.join(projectsDir, source)) });
  // The copy keeps the name stored inside it, and joins the folder under the file name it came with.
  await expect(page.getByRole('heading', { name: 'Example — GÉANT, a real network' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'Designs' }).getByRole('button', { name: /Geant2010/ })).toBeVisible();
  const ids = (await api<{ id: string }[]>(page, 'project:list', {})).map((p) => p.id);
  expect(ids).toContain('Colleague copy.nettwin');
});
