import fs from 'node:fs';
import { bundledChromium, type BundledChromium } from './chromium-bundled';
import type { PrintSettings } from '../../src-shared/report/print';
import type { PdfRenderer } from './report';

/**
 * PDF through headless Chromium (the CLI and the browser host; the desktop
 * app uses Electron's printToPDF in app/pdf.ts). playwright-core drives a
 * Chromium already on the machine, else the one npm installed with the
 * optional dependency @sparticuz/chromium (Linux x64): nothing is downloaded
 * at run time. The page runs
 * with JavaScript off and every network request refused, so a report can
 * only show what its own HTML holds.
 */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

const LAUNCH_ARGS = [
  '--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError';
}

/** The executable is there but would not start as a headless Chromium (wrong program, missing libraries). */
export class ChromiumLaunchError extends Error {
  override name = 'ChromiumLaunchError';
}

export interface ChromiumExecutable {
  executablePath: string;
  /** Extra environment the browser needs (fonts for the bundled one on a bare machine). */
  env: Record<string, string>;
  /** Where it came from, for messages and the README's promise: CHROMIUM_PATH, then the system, then npm's. */
  source: 'CHROMIUM_PATH' | 'system' | 'bundled';
}

/**
 * CHROMIUM_PATH when set (it must exist), else the first usual install
 * location that exists, else the Chromium npm installed (@sparticuz/chromium,
 * Linux x64 only), else an error saying what to do.
 */
export function locateChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (p: string) => boolean = fs.existsSync,
  bundled: () => BundledChromium | undefined = () => bundledChromium({ env }),
): ChromiumExecutable {
  const wanted = env['CHROMIUM_PATH'];
  if (wanted !== undefined && wanted !== '') {
    if (!exists(wanted)) throw new ChromiumNotFoundError(`CHROMIUM_PATH is ${wanted}, but no file is there`);
    return { executablePath: wanted, env: {}, source: 'CHROMIUM_PATH' };
  }
  const found = CHROMIUM_CANDIDATES.find((p) => exists(p));
  if (found !== undefined) return { executablePath: found, env: {}, source: 'system' };
  let npmChromium: BundledChromium | undefined;
  try {
    npmChromium = bundled();
  } catch (err) {
    throw new ChromiumNotFoundError(`no Chromium or Chrome found, and npm's Chromium (@sparticuz/chromium) could not be unpacked: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (npmChromium !== undefined) return { ...npmChromium, source: 'bundled' };
  throw new ChromiumNotFoundError(
    'no Chromium or Chrome found for PDF output; install one (e.g. apt install chromium) or set CHROMIUM_PATH to its executable, or write --out report.html instead',
  );
}

/** The executable locateChromium() chooses. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (p: string) => boolean = fs.existsSync,
  bundled: () => BundledChromium | undefined = () => bundledChromium({ env }),
): string {
  return locateChromium(env, exists, bundled).executablePath;
}

const mm = (x: number) => `${x}mm`;

export class ChromiumPdfRenderer implements PdfRenderer {
  constructor(private readonly locate: () => ChromiumExecutable | string = () => locateChromium()) {}

  async render(html: string, settings: PrintSettings): Promise<Uint8Array> {
    const found = this.locate();
    const { executablePath, env } = typeof found === 'string' ? { executablePath: found, env: {} } : found;
    // Loaded on first use: the CLI's other commands and the Electron app never pay for it.
    const { chromium } = await import('playwright-core');
    let browser: Awaited<ReturnType<typeof chromium.launch>>;
    try {
      browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS, timeout: 30_000, env: { ...process.env, ...env } });
    } catch (err) {
      // Playwright's message runs to dozens of lines of browser log; the first says what went wrong.
      const first = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
      throw new ChromiumLaunchError(`could not start Chromium at ${executablePath} (set CHROMIUM_PATH to a Chromium or Chrome): ${first}`);
    }
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        // Bookmarks from the chapter headings, and a tagged (accessible) PDF for screen readers.
        outline: true,
        tagged: true,
        displayHeaderFooter: true,
        headerTemplate: settings.headerTemplate,
        footerTemplate: settings.footerTemplate,
        margin: {
          top: mm(settings.marginsMm.top),
          bottom: mm(settings.marginsMm.bottom),
          left: mm(settings.marginsMm.left),
          right: mm(settings.marginsMm.right),
        },
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      await browser.close();
    }
  }
}
