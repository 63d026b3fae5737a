import { expect, test } from '@playwright/test';
import { createProject, generateFromWizard, shot, watchProblems } from './helpers';

test('learnt effects: a calibration from measured outcomes is listed off with its evidence, and switching it on shows calibrated figures and stays on', async ({ page }) => {
  const problems = watchProblems(page);
  await createProject(page, 'E2E Learnt effects');
  await generateFromWizard(page, { datacenters: 1, branches: 4 });
  await page.getByRole('button', { name: 'Learn', exact: true }).click();
  const buttons = page.getByRole('region', { name: 'Design history' }).getByRole('button');
  await expect(buttons).not.toHaveCount(0);
  const names: string[] = [];
  for (let i = 0; i < 4; i++) names.push(((await buttons.nth(i).textContent()) ?? '').split(/generated/)[0]!.trim());
  const csv = `design,metric,value,unit\n${names.map((n, i) => `"${n}",latencyMs,${20 + i},ms`).join('\n')}\n`;
  await page.getByLabel(/Import measured outcomes/).setInputFiles({ name: 'latency.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('status')).toContainText('4 measurements imported');

  const card = page.getByRole('region', { name: 'Learnt effects' });
  const effect = card.getByTestId('effect-calibration:latencyMs');
  await expect(effect).toContainText(/this organisation's measured p95 latency is .* \(95 % interval .*, 4 designs\)/);
  await expect(effect.getByText('Evidence (4)')).toBeVisible();
  const toggle = effect.getByRole('switch', { name: 'Use p95 latency calibration' });
  await expect(toggle).not.toBeChecked();
  await expect(card.getByRole('table', { name: 'Calibrated figures' })).toHaveCount(0);
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(card.getByRole('table', { name: 'Calibrated figures' })).toContainText(names[0]!);
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'learnt-effects');

  // Leave the view and come back: the switch is read back from the project.
  await page.getByRole('button', { name: 'Price book', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Learnt effects' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Learn', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Learnt effects' }).getByRole('switch', { name: 'Use p95 latency calibration' })).toBeChecked();
  expect(problems).toEqual([]);
});
