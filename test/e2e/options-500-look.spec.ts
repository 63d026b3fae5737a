import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { retailChain } from '../helpers/retail-intents';
import { watchProblems } from './helpers';

/**
 * The 500-site retail chain's Options and Compare views as an architect reads
 * them, in the dark and the light theme: the trade-off chart names every
 * option without two names or a name and another option's dot on top of each
 * other; a disabled button does not keep the primary button's fill; text is
 * not cut and its contrast with what is behind it is readable (WCAG AA,
 * 4.5:1). Screenshots go to OPTIONS_SHOTS (the session's notes keep
 * before/after pairs), test-results otherwise.
 */
const shots = process.env['OPTIONS_SHOTS'] ?? 'test-results/screenshots';
const tag = process.env['OPTIONS_SHOTS_TAG'] ?? 'look-500';

const api = async <T>(page: Page, channel: string, input: unknown): Promise<T> => {
  const r = await page.request.post(`/api/call/${channel}`, { data: input, headers: { 'X-NetTwin-Token': E2E_TOKEN } });
  const body = (await r.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message ?? 'failed'}`);
  return body.value as T;
};

/** Pairs of chart names whose boxes intersect, and names lying on another option's dot (screen pixels). */
async function chartCollisions(page: Page): Promise<{ names: number; points: number; overlaps: string[] }> {
  return page.locator('.chart svg').evaluate((svg) => {
    const r = (e: Element) => e.getBoundingClientRect();
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const names = [...svg.querySelectorAll('.chart__name')];
    const groups = [...svg.querySelectorAll('.chart__point')];
    const overlaps: string[] = [];
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) if (hit(r(names[i]!), r(names[j]!))) overlaps.push(`"${names[i]!.textContent}" on "${names[j]!.textContent}"`);
      const own = names[i]!.closest('.chart__point');
      for (const g of groups) {
        const c = g.querySelector('circle');
        if (g !== own && c && hit(r(names[i]!), r(c))) overlaps.push(`"${names[i]!.textContent}" on the dot of ${g.querySelector('title')?.textContent?.split(':')[0]}`);
      }
    }
    return { names: names.length, points: groups.length, overlaps };
  });
}

/** Visible disabled buttons whose fill is the primary button's (they would look clickable). */
async function disabledLookingPrimary(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const probe = document.createElement('button');
    probe.className = 'primary';
    document.body.append(probe);
    const primary = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return [...document.querySelectorAll('button:disabled')]
      .filter((b) => (b as HTMLElement).offsetParent !== null && getComputedStyle(b).backgroundColor === primary)
      .map((b) => b.textContent ?? '');
  });
}

/** Text in `root` whose contrast with the background behind it is below 4.5:1, and text cut by its box. */
async function readability(page: Page, root: string): Promise<{ lowContrast: string[]; cut: string[] }> {
  return page.locator(root).first().evaluate((el) => {
    const rgb = (s: string): number[] => (s.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) =>
      [r!, g!, b!].map((v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; }).reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i]!, 0);
    const bgOf = (e: Element | null): number[] => {
      for (let x = e; x; x = x.parentElement) {
        const c = rgb(getComputedStyle(x).backgroundColor);
        if (c.length >= 3 && (c[3] ?? 1) > 0.5) return c;
      }
      return rgb(getComputedStyle(document.body).backgroundColor);
    };
    const lowContrast = new Set<string>();
    const cut = new Set<string>();
    const all = [el, ...el.querySelectorAll('*')];
    for (const e of all) {
      const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim() !== '');
      if (!own) continue;
      const s = getComputedStyle(e);
      if (s.visibility === 'hidden' || s.display === 'none' || (e as HTMLElement).getClientRects().length === 0) continue;
      if ((e as HTMLButtonElement).disabled) continue; // WCAG exempts inactive controls
      const isSvg = e instanceof SVGElement;
      const fg = rgb(isSvg ? s.fill : s.color);
      if (fg.length < 3 || (fg[3] ?? 1) < 0.3) continue;
      // SVG text inside the chart sits on the svg's own background.
      const bg = bgOf(isSvg ? e.closest('svg') : e);
      const [a, b] = [lum(fg) + 0.05, lum(bg) + 0.05];
      const ratio = Math.max(a, b) / Math.min(a, b);
      if (ratio < 4.5) lowContrast.add(`${(e.textContent ?? '').trim().slice(0, 40)} (${ratio.toFixed(2)}:1)`);
      const h = e as HTMLElement;
      if (!isSvg && (s.overflowX === 'hidden' || s.overflowX === 'clip' || s.textOverflow === 'ellipsis') && h.scrollWidth > h.clientWidth + 1) cut.add((e.textContent ?? '').trim().slice(0, 40));
    }
    // A picker whose chosen name is wider than its box (less the arrow) shows it cut.
    const ctx = document.createElement('canvas').getContext('2d')!;
    for (const sel of el.querySelectorAll('select')) {
      const s = getComputedStyle(sel);
      ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      const shown = sel.selectedOptions[0]?.textContent ?? '';
      if (ctx.measureText(shown).width > sel.clientWidth - parseFloat(s.paddingLeft) - 20) cut.add(`picker: ${shown.slice(0, 40)}`);
    }
    return { lowContrast: [...lowContrast], cut: [...cut] };
  });
}

test('500 sites, dark and light: the chart names every option clear of the others, disabled looks disabled, text readable and whole', async ({ page }) => {
  test.setTimeout(420_000);
  fs.mkdirSync(shots, { recursive: true });
  const problems = watchProblems(page);
  await page.goto(`/?token=${E2E_TOKEN}`);
  const name = `E2E Look 500${test.info().retry > 0 ? ` (retry ${test.info().retry})` : ''}`;
  const project = await api<{ id: string }>(page, 'project:create', { name });
  for (const family of ['hub-spoke', 'dual-hub']) {
    await api(page, 'design:generate', { projectId: project.id, intent: retailChain(500, 'HIGH', 'cost'), family, seed: 1 });
  }
  await page.goto(`/?token=${E2E_TOKEN}`);
  await page.getByRole('button', { name: `Open project ${name}` }).click();
  await page.getByRole('list', { name: 'Designs' }).getByRole('button', { name: /hub-spoke/ }).click();
  await expect(page.locator('.canvas')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });

  await page.getByRole('button', { name: 'Options', exact: true }).click();
  await expect(page.getByText('Verified by generation and simulation')).toBeVisible({ timeout: 300_000 });
  const findings: Record<string, unknown> = {};
  for (const theme of ['dark', 'light'] as const) {
    if (theme === 'light') await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.screenshot({ path: `${shots}/${tag}-options-${theme}.png` });
    await page.locator('.chart').screenshot({ path: `${shots}/${tag}-chart-${theme}.png` });
    const chart = await chartCollisions(page);
    const disabled = await disabledLookingPrimary(page);
    const read = await readability(page, '.options');
    findings[`options-${theme}`] = { chart, disabled, read };
    expect.soft(chart.overlaps, `${theme}: chart names on each other or on other dots`).toEqual([]);
    expect.soft(chart.names, `${theme}: every option named on the chart`).toBe(chart.points);
    expect.soft(disabled, `${theme}: disabled buttons with the primary fill`).toEqual([]);
    expect.soft(read.lowContrast, `${theme}: Options text below 4.5:1`).toEqual([]);
    expect.soft(read.cut, `${theme}: Options text cut`).toEqual([]);
  }

  // Compare the two 500-site designs, light then dark.
  for (const family of ['hub-spoke', 'dual-hub']) await page.getByLabel(new RegExp(`Compare .*— ${family}\\b`)).check();
  await page.getByRole('button', { name: /^Compare/ }).click();
  await expect(page.locator('.compare [data-status="ready"]')).toHaveCount(2, { timeout: 120_000 });
  for (const theme of ['light', 'dark'] as const) {
    if (theme === 'dark') await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.screenshot({ path: `${shots}/${tag}-compare-${theme}.png` });
    const table = page.getByRole('table', { name: 'Metrics' });
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/${tag}-compare-figures-${theme}.png` });
    const read = await readability(page, '.compare');
    const disabled = await disabledLookingPrimary(page);
    // The bar's controls and its legend side by side, none drawn over another.
    const crowded = await page.locator('.compare__bar').evaluate((bar) => {
      const items = [...bar.querySelectorAll('select, button, label, .compare__legend')];
      const out: string[] = [];
      for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length; j++) {
          const [a, b] = [items[i]!.getBoundingClientRect(), items[j]!.getBoundingClientRect()];
          if (items[i]!.contains(items[j]!) || items[j]!.contains(items[i]!)) continue;
          if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push(`${items[i]!.textContent?.slice(0, 20)} / ${items[j]!.textContent?.slice(0, 20)}`);
        }
      }
      return out;
    });
    expect.soft(crowded, `${theme}: Compare bar items drawn over each other`).toEqual([]);
    findings[`compare-${theme}`] = { read, disabled, crowded };
    expect.soft(read.lowContrast, `${theme}: Compare text below 4.5:1`).toEqual([]);
    expect.soft(read.cut, `${theme}: Compare text cut`).toEqual([]);
    expect.soft(disabled, `${theme}: disabled buttons with the primary fill`).toEqual([]);
  }
  fs.writeFileSync(`${shots}/${tag}-findings.json`, JSON.stringify(findings, null, 2));
  expect(problems).toEqual([]);
});
