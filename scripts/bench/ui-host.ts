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
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
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
