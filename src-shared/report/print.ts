import { esc } from './escape';
import { date } from './format';
import type { ReportModel } from './model';

/**
 * Page furniture shared by both PDF engines (headless Chromium's page.pdf
 * and Electron's printToPDF take the same template language: elements with
 * class pageNumber / totalPages are filled in per page). Templates are
 * rendered outside the document, so they carry their own inline styles.
 */
export interface PrintSettings {
  headerTemplate: string;
  footerTemplate: string;
  /** Page margins in millimetres; the header and footer live inside them. */
  marginsMm: { top: number; bottom: number; left: number; right: number };
}

export function printSettings(m: ReportModel): PrintSettings {
  const style = 'font-family: sans-serif; font-size: 8px; color: #555; width: 100%; margin: 0 14mm; display: flex; justify-content: space-between;';
  return {
    headerTemplate: `<div style="${style}"><span>${esc(m.project.name)}: governance decision pack</span><span>${date(m.generatedAt)}</span></div>`,
    footerTemplate: `<div style="${style}"><span>NetTwin ${esc(m.softwareVersion)}</span><span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
    marginsMm: { top: 16, bottom: 16, left: 15, right: 15 },
  };
}
