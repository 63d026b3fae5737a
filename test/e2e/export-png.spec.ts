import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { createProject, generateFromWizard, watchProblems } from './helpers';

test('a design exports as a PNG picture and as containerlab YAML', async ({ page }) => {
  const problems = watchProblems(page);
  await createProject(page, 'E2E Export');
  await generateFromWizard(page, { datacenters: 1, branches: 4 });

  await page.getByLabel('Export format').selectOption('png');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(png.suggestedFilename()).toBe('topology.png');
  const bytes = fs.readFileSync((await png.path()));
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect(width).toBeGreaterThan(200);
  expect(height).toBeGreaterThan(100);

  await page.getByLabel('Export format').selectOption('containerlab');
  const [clab] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(clab.suggestedFilename()).toBe('topology.clab.yml');
  expect(fs.readFileSync((await clab.path()), 'utf8')).toMatch(/^name: /m);
  expect(problems).toEqual([]);
});
