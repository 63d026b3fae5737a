import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import type { PrintSettings } from '../../src-shared/report/print';
import type { PdfRenderer } from '../services/report';

const MM_PER_INCH = 25.4;

/**
 * PDF through Electron's own Chromium (webContents.printToPDF), so the
 * desktop app needs no separate browser. The report is loaded from a
 * temporary file (a data: URL is capped at 2 MB and a large drawing can
 * exceed it) into a hidden, sandboxed window with JavaScript off.
 * Not run in CI here (no Electron binary can be installed on these
 * machines); the Chromium renderer (services/pdf-chromium.ts) is tested with
 * the same HTML and the same PrintSettings.
 */
export class ElectronPdfRenderer implements PdfRenderer {
  async render(html: string, settings: PrintSettings): Promise<Uint8Array> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-report-'));
    const file = path.join(dir, 'report.html');
    fs.writeFileSync(file, html);
    const win = new BrowserWindow({
      show: false,
      // As hardened as the app window (src-main/app/window.ts), and no script at all.
      webPreferences: {
        javascript: false,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    try {
      await win.loadFile(file);
      const m = settings.marginsMm;
      const pdf = await win.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        generateDocumentOutline: true,
        generateTaggedPDF: true,
        displayHeaderFooter: true,
        headerTemplate: settings.headerTemplate,
        footerTemplate: settings.footerTemplate,
        margins: { top: m.top / MM_PER_INCH, bottom: m.bottom / MM_PER_INCH, left: m.left / MM_PER_INCH, right: m.right / MM_PER_INCH },
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      win.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
