import { writeFileAtomic } from '../store/atomicFile';
import path from 'node:path';
import { parsePriceBook, type PriceBook } from '../../src-shared/cost/pricebook';
import { APP_VERSION } from '../../src-shared/lib/version';
import { AppError } from '../../src-shared/contract/result';
import { gatherReport, ReportInputError } from '../../src-shared/report/gather';
import type { ReportOutputShape } from '../../src-shared/contract/learn-types';
import { renderReportHtml } from '../../src-shared/report/html';
import type { ReportInput, ReportModel } from '../../src-shared/report/model';
import { printSettings, type PrintSettings } from '../../src-shared/report/print';
import { PROJECT_EXTENSION, type ProjectFile } from '../store/projectFile';
import type { ProjectLocator } from './locator';
import type { ProjectService } from './projects';
import { switchedOnCalibrations } from './learnt-effects';

/**
 * Turns a self-contained HTML document into PDF bytes. Two engines: headless
 * Chromium (CLI and browser host, pdf-chromium.ts) and Electron's
 * printToPDF (desktop app, app/pdf.ts); both honour the same PrintSettings.
 */
export interface PdfRenderer {
  render(html: string, settings: PrintSettings): Promise<Uint8Array>;
}

/** Newest audit entries printed; a long-lived project keeps the rest in its file. */
export const AUDIT_PRINTED = 400;

/** A stored price book, or null when there is none or it cannot be read (designs then price with the default). */
function readPriceBook(raw: string | undefined): PriceBook | null {
  if (raw === undefined) return null;
  try {
    const parsed = parsePriceBook(JSON.parse(raw));
    return parsed.ok ? parsed.book : null;
  } catch {
    return null;
  }
}

/** Reads everything the report needs from an open project (read-only use). */
export function reportInputFor(project: ProjectFile, opts: { designId?: string; now?: number } = {}): ReportInput {
  const designs = project.topologies.list().map((s) => project.topologies.get(s.id));
  const audit = project.audit.list(100_000);
  const created = Number(project.meta.get('created_at'));
  // A project's own price book lives in meta under 'price_book' (services/designs.ts owns the key).
  const book = readPriceBook(project.meta.get('price_book'));
  return {
    project: {
      name: project.name,
      fileName: path.basename(project.path),
      schemaVersion: project.schemaVersion,
      createdAt: Number.isFinite(created) && created > 0 ? created : null,
      createdBy: project.meta.get('created_by') ?? null,
    },
    priceBook: book,
    generatedAt: opts.now ?? Date.now(),
    softwareVersion: APP_VERSION,
    designs,
    intents: project.intents.list(),
    validations: designs.flatMap((d) => project.validations.listFor(d.id)),
    simulations: designs.flatMap((d) => project.simulations.listFor(d.id)),
    audit: audit.slice(0, AUDIT_PRINTED),
    auditTotal: audit.length,
    recommendations: project.recommendations.list(1000),
    optimisations: project.optimisations.list(),
    decisions: project.decisions.list(),
    outcomes: project.outcomes.list(),
    costCalibrations: switchedOnCalibrations(project),
    ...(opts.designId !== undefined ? { designId: opts.designId } : {}),
    sweepResult: (id) => project.simulations.result(id),
    capacityPlan: (id) => project.capacity.list(id)[0] ?? null,
  };
}

/** The report model and its HTML for an open project. Throws ReportInputError for an unknown design. */
export function reportHtmlFor(project: ProjectFile, opts: { designId?: string; now?: number } = {}): { model: ReportModel; html: string } {
  const model = gatherReport(reportInputFor(project, opts));
  return { model, html: renderReportHtml(model) };
}

export async function reportPdfFor(
  project: ProjectFile,
  renderer: PdfRenderer,
  opts: { designId?: string; now?: number } = {},
): Promise<{ model: ReportModel; pdf: Uint8Array }> {
  const { model, html } = reportHtmlFor(project, opts);
  return { model, pdf: await renderer.render(html, printSettings(model)) };
}

/** Reports are written through a temp and a rename (store/atomicFile), so a half-written report never replaces a good one. */
export { writeFileAtomic };

/** "Retail 2027" + 2026-11-24T02:13Z → "Retail 2027 report 2026-11-24 0213.pdf" */
export function reportFileName(projectFile: string, now: number, ext: 'pdf' | 'html'): string {
  const iso = new Date(now).toISOString();
  return `${path.basename(projectFile, PROJECT_EXTENSION)} report ${iso.slice(0, 10)} ${iso.slice(11, 13)}${iso.slice(14, 16)}.${ext}`;
}

export type ReportOutput = ReportOutputShape;

/** The `report:generate` use case: the decision pack of one project as HTML text or a PDF file. */
export class ReportService {
  constructor(
    private readonly projects: ProjectService,
    private readonly locator: ProjectLocator,
    private readonly pdf: () => PdfRenderer,
    private readonly now: () => number = Date.now,
  ) {}

  /** The decision pack as HTML text or PDF bytes, written nowhere (the command line writes it where it was told). */
  async render(input: { projectId: string; designId?: string; format: 'html' | 'pdf' }): Promise<{ data: string | Uint8Array; presented: string }> {
    const project = this.projects.get(input.projectId);
    const opts = { now: this.now(), ...(input.designId !== undefined ? { designId: input.designId } : {}) };
    try {
      const { model, html } = reportHtmlFor(project, opts);
      const presented = model.chosen?.record.name ?? 'no design';
      if (input.format === 'html') return { data: html, presented };
      return { data: await this.pdf().render(html, printSettings(model)), presented };
    } catch (err) {
      if (err instanceof ReportInputError) throw new AppError('NOT_FOUND', err.message);
      throw err;
    }
  }

  async generate(input: { projectId: string; designId?: string; format: 'html' | 'pdf'; deliver?: 'file' | 'data' }): Promise<ReportOutput> {
    const project = this.projects.get(input.projectId);
    const now = this.now();
    const opts = { now, ...(input.designId !== undefined ? { designId: input.designId } : {}) };
    try {
      if (input.format === 'html') {
        return { format: 'html', fileName: reportFileName(project.path, now, 'html'), html: reportHtmlFor(project, opts).html };
      }
      const { pdf } = await reportPdfFor(project, this.pdf(), opts);
      const fileName = reportFileName(project.path, now, 'pdf');
      if (input.deliver === 'data') {
        if (!project.readOnly) project.audit.append('user', 'report.generate', input.designId ?? null, { format: 'pdf', file: fileName, delivered: 'download' });
        return { format: 'pdf-data', fileName, base64: Buffer.from(pdf).toString('base64'), bytes: pdf.byteLength };
      }
      const file = path.join(this.locator.projectsDir, fileName);
      writeFileAtomic(file, pdf);
      if (!project.readOnly) project.audit.append('user', 'report.generate', input.designId ?? null, { format: 'pdf', file: fileName });
      return { format: 'pdf', fileName, path: file, bytes: pdf.byteLength };
    } catch (err) {
      if (err instanceof ReportInputError) throw new AppError('NOT_FOUND', err.message);
      throw err;
    }
  }
}
