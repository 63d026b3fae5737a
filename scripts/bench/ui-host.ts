/**
 * The browser half of the UI benches: a host started on its own port with a
 * temporary projects folder, Debian's (or the bundled) Chromium at 1440×900,
 * and the app's HTTP API for seeding designs.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { locateChromium } from '../../src-main/services/pdf-chromium';

const PORT = Number(process.env['BENCH_UI_PORT'] ?? 5299);
const TOKEN = 'bench-ui-token';
/** An inert flag that finds this bench's Chromium in /proc (chromiumCpuMs). */
const MARKER = `--nettwin-bench=${process.pid}`;
const BASE = `http://127.0.0.1:${PORT}`;

type Ok<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export async function api<T>(channel: string, input: unknown): Promise<T> {
  const r = await fetch(`${BASE}/api/call/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-NetTwin-Token': TOKEN },
    body: JSON.stringify(input),
  });
  const body = (await r.json()) as Ok<T>;
  if (!body.ok) throw new Error(`${channel}: ${body.error.message}`);
  return body.value;
}

async function startHost(dir: string): Promise<() => void> {
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      NETTWIN_TOKEN: TOKEN,
      NETTWIN_PROJECTS_DIR: path.join(dir, 'projects'),
      NETTWIN_DATA_DIR: path.join(dir, 'data'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${BASE}/`)).ok) return () => child.kill();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill();
  throw new Error('the host did not start');
}

export interface Bench {
  browser: Browser;
  /** A 1440×900 page on the app's start screen. */
  newPage: () => Promise<Page>;
  close: () => Promise<void>;
}

export async function launchBench(): Promise<Bench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-bench-ui-'));
  const stop = await startHost(dir);
  const found = locateChromium();
  console.log(`Chromium: ${found.executablePath} (${found.source})`);
  const browser = await chromium.launch({
    executablePath: found.executablePath,
    env: { ...process.env, ...found.env },
    args: [MARKER, '--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  return {
    browser,
    newPage: async () => {
      // bypassCSP: the probes are strings, which the app's CSP (rightly) refuses to eval.
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
      await page.goto(`${BASE}/?token=${TOKEN}`);
      return page;
    },
    close: async () => {
      await browser.close();
      stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const READY = `document.querySelector('.canvas')?.getAttribute('data-status') === 'ready' && document.querySelectorAll('.react-flow__node').length > 0`;
export const TWO_FRAMES = `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))`;

// In-page code is passed as strings: tsx's keepNames helpers (__name) do not exist in the page.
const START_FRAMES = `(() => {
  window.__frames = []; window.__run = true;
  const tick = (t) => { window.__frames.push(t); if (window.__run) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;
const STOP_FRAMES = `(() => { window.__run = false; return window.__frames; })()`;

/** Counts animation frames in the page while `work` runs. */
export async function measureFps(page: Page, work: () => Promise<void>): Promise<{ fps: number; p95FrameMs: number; frames: number }> {
  await page.evaluate(START_FRAMES);
  await work();
  const frames = await page.evaluate<number[]>(STOP_FRAMES);
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!).sort((a, b) => a - b);
  const span = frames.at(-1)! - frames[0]!;
  return { fps: ((frames.length - 1) * 1000) / span, p95FrameMs: gaps[Math.floor(gaps.length * 0.95)] ?? NaN, frames: frames.length };
}

export async function dragSmoothly(page: Page, from: { x: number; y: number }, dx: number, dy: number, steps = 90): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    const f = i / steps;
    await page.mouse.move(from.x + dx * Math.sin(f * Math.PI * 2), from.y + dy * f);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}



/**
 * CPU time (user + system, ms) used so far by Chromium: the browser process
 * and every process under it (renderer, GPU/raster, utility), from /proc.
 * The figure to compare across machine loads: wall time and frame rates
 * stretch when other work shares the cores, CPU time much less. Null where
 * /proc is absent.
 */
export function chromiumCpuMs(): number | null {
  if (!fs.existsSync('/proc/self/stat')) return null;
  const tick = 10; // USER_HZ is 100 on Linux
  const stats = new Map<number, { ppid: number; ms: number }>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const raw = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = raw.slice(raw.lastIndexOf(')') + 2).split(' '); // fields after "(comm)": state is f[0]
      stats.set(Number(d), { ppid: Number(f[1]), ms: (Number(f[11]) + Number(f[12])) * tick });
    } catch {
      // the process ended while we looked
    }
  }
  // The browser process: the one launched with this bench's marker flag.
  const root = [...stats.keys()].find((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(MARKER) && stats.get(stats.get(pid)!.ppid) !== undefined;
    } catch {
      return false;
    }
  });
  if (root === undefined) return null;
  const children = new Map<number, number[]>();
  for (const [pid, s] of stats) (children.get(s.ppid) ?? children.set(s.ppid, []).get(s.ppid)!).push(pid);
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += stats.get(pid)?.ms ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

const VIEW_READY = {
  Devices: `document.querySelectorAll('.react-flow__node-device').length > 0 && !document.querySelector('.overview')`,
  Sites: `document.querySelector('.overview')?.getAttribute('data-view') === 'sites' && document.querySelectorAll('.react-flow__node-site').length > 0`,
  Regions: `document.querySelector('.overview')?.getAttribute('data-view') === 'regions' && document.querySelectorAll('.region-box').length > 0`,
  Map: `document.querySelector('.overview')?.getAttribute('data-view') === 'geo' && document.querySelectorAll('.react-flow__node-site').length > 0`,
} as const;

/**
 * Clicks a view button (Devices, Sites, Regions, Map) and waits for the
 * painted frame showing it: wall ms and Chromium CPU ms. The button is found
 * before the clock starts, so the bench's own accessibility query is not
 * counted.
 */
export async function switchView(page: Page, view: keyof typeof VIEW_READY): Promise<{ ms: number; cpuMs: number }> {
  const button = await page.getByRole('group', { name: 'View' }).getByRole('button', { name: view, exact: true }).elementHandle();
  const c0 = chromiumCpuMs() ?? NaN;
  const t0 = Date.now();
  await button.click();
  await page.waitForFunction(VIEW_READY[view], undefined, { timeout: 300_000, polling: 'raf' });
  await page.evaluate(TWO_FRAMES);
  return { ms: Date.now() - t0, cpuMs: (chromiumCpuMs() ?? NaN) - c0 };
}

/**
 * Waits until the design's live validation has answered (it runs in a Web
 * Worker, on a 1,000-device design for seconds of CPU): on this shared
 * 2-core machine it would otherwise take a core from the view being timed.
 * Returns how long it waited.
 */
export async function settleValidation(page: Page): Promise<number> {
  const t0 = Date.now();
  await page.waitForFunction(`document.querySelector('[aria-label="Validation"]')?.getAttribute('aria-busy') === 'false'`, undefined, { timeout: 300_000, polling: 250 });
  return Date.now() - t0;
}
