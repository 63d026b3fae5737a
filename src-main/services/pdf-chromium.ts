import fs from 'node:fs';
import type { PrintSettings } from '../../src-shared/report/print';
import type { PdfRenderer } from './report';

/**
 * PDF through headless Chromium (the CLI and the browser host; the desktop
 * app uses Electron's printToPDF in app/pdf.ts). playwright-core drives a
 * Chromium already on the machine: nothing is downloaded. The page runs
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

/** CHROMIUM_PATH when set (it must exist), else the first usual install location that exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = fs.existsSync): string {
  const wanted = env['CHROMIUM_PATH'];
  if (wanted !== undefined && wanted !== '') {
    if (!exists(wanted)) throw new ChromiumNotFoundError(`CHROMIUM_PATH is ${wanted}, but no file is there`);
    return wanted;
  }
  const found = CHROMIUM_CANDIDATES.find((p) => exists(p));
  if (found === undefined) {
    throw new ChromiumNotFoundError(
      'no Chromium or Chrome found for PDF output; install one (e.g. apt install chromium) or set CHROMIUM_PATH to its executable, or write --out report.html instead',
    );
  }
  return found;
}

const mm = (x: number) => `${x}mm`;

export class ChromiumPdfRenderer implements PdfRenderer {
  constructor(private readonly executablePath: () => string = () => findChromium()) {}

  async render(html: string, settings: PrintSettings): Promise<Uint8Array> {
    const executablePath = this.executablePath();
    // Loaded on first use: the CLI's other commands and the Electron app never pay for it.
    const { chromium } = await import('playwright-core');
    let browser: Awaited<ReturnType<typeof chromium.launch>>;
    try {
      browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS, timeout: 30_000 });
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
