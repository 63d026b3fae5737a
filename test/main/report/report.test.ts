import fs from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_SECTIONS } from '../../../src-shared/report/html';
import { main } from '../../../src-main/cli/main';
import { ChromiumPdfRenderer } from '../../../src-main/services/pdf-chromium';
import { reportHtmlFor, ReportService } from '../../../src-main/services/report';
import { openProjectFile } from '../../../src-main/store/projectFile';
import { tempDir } from '../../helpers/tmp';
import { buildProject, HOSTILE, type RichProject } from './fixture';
import { readPdf } from '../../helpers/pdf';

const parse = (html: string) => new new Window().DOMParser().parseFromString(html, 'text/html');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

let tmp: ReturnType<typeof tempDir>;
let rich: RichProject;
let bare: RichProject;

beforeAll(async () => {
  tmp = tempDir('nettwin-report-');
  fs.mkdirSync(path.join(tmp.dir, 'rich'));
  fs.mkdirSync(path.join(tmp.dir, 'bare'));
  rich = await buildProject(path.join(tmp.dir, 'rich'), { name: `Board pack <&> "Zürich"` });
  bare = await buildProject(path.join(tmp.dir, 'bare'), { name: 'Bare', bare: true });
}, 120_000);

afterAll(() => {
  rich.projects.closeAll();
  bare.projects.closeAll();
  tmp.cleanup();
});

describe('report of a project built through the services', () => {
  it('lists the same failure sets that cut a site off as nettwin simulate, in names', async () => {
    const { model, html } = reportHtmlFor(rich.projects.get(rich.projectId), { now: Date.UTC(2026, 10, 24) });
    const sets = model.chosen!.sweep!.isolation;
    expect(sets).not.toBeNull(); // sim:run stored the full impact report
    const packLines = [...parse(html).querySelectorAll('ul.isolation li')].map((li) => li.textContent);
    const out: string[] = [];
    const code = await main(['simulate', rich.file, '--design', rich.chosenId, '--scenarios', 'n1', '--traffic', 'uniform'], { out: (t) => out.push(t), err: () => undefined });
    expect(code).toBe(0);
    const lines = out.join('\n').split('\n');
    const at = lines.findIndex((l) => l.startsWith('failure sets of at most 2 elements that isolate a site: '));
    expect(Number(lines[at]!.split(': ')[1])).toBe(sets!.length);
    const cliLines = lines.slice(at + 1, at + 1 + Math.min(10, sets!.length)).map((l) => l.trim());
    expect(cliLines).toEqual(packLines.slice(0, cliLines.length));
    if (sets!.length > 0) expect(cliLines[0]).toMatch(/^(link|device) .* cut off (site|device) /);
  }, 120_000);

  it('presents the design the board chose, with its sweep, predictions, approvals and the whole audit trail', () => {
    const project = rich.projects.get(rich.projectId);
    const { model, html } = reportHtmlFor(project, { now: Date.UTC(2026, 10, 24) });
    const doc = parse(html);
    expect(model.chosen?.record.id).toBe(rich.chosenId);
    expect(model.chosen?.basis).toMatch(/^Chosen by Architecture board on \d{4}-\d{2}-\d{2}: Best balance/);
    expect([...doc.querySelectorAll('section.chapter h2')].map((h) => h.textContent.replace(/^\d+\s*/, '').trim())).toEqual(
      REPORT_SECTIONS.map((s) => s.title),
    );
    // Options: one row per generated design, the chosen one marked.
    expect(doc.querySelectorAll('table.options tbody tr').length).toBe(rich.designIds.length);
    expect(doc.querySelectorAll('table.options tr.chosen').length).toBe(1);
    // Predictions from the recorded recommendation: one row per family it ranked.
    expect(model.recommendations[0]!.options.length).toBeGreaterThan(3);
    expect(doc.querySelectorAll('table.predicted tbody tr').length).toBe(model.recommendations[0]!.options.length);
    // The sweep of the chosen design, its traffic model, its worst scenarios.
    expect(model.chosen?.sweep?.summary?.scenarioCount).toBeGreaterThan(100);
    expect(doc.querySelector('#resilience')!.textContent).toContain('traffic model uniform');
    expect(doc.querySelectorAll('table.worst tbody tr').length).toBeGreaterThan(0);
    // The optimiser's step that needed a person, approved by name.
    const steps = doc.querySelector('table.steps')!.textContent;
    expect(steps).toContain('approved');
    expect(steps).toContain('Ana <ops> & "net"');
    // Every audit entry, none made up.
    const audit = project.audit.list(1000);
    expect(doc.querySelectorAll('table.audit tbody tr').length).toBe(audit.length);
    expect(audit.some((a) => a.action === 'optimize.approved')).toBe(true);
    // Hostile names everywhere, all inert.
    expect(doc.querySelectorAll('script, b').length).toBe(0);
    expect(doc.body.textContent.split(HOSTILE).length - 1).toBeGreaterThan(15);
  });

  it('a project with designs only says it has no sweep, no recommendation, no optimisation, no decision', () => {
    const { model, html } = reportHtmlFor(bare.projects.get(bare.projectId));
    const text = parse(html).body.textContent;
    expect(model.chosen?.basis).toMatch(/No decision choosing a design is recorded/);
    expect(text).toContain('No recommendation has been recorded in this project');
    expect(text).toContain('No failure sweep has been recorded for this design');
    expect(text).toContain('No optimisation has been run on this project');
    expect(text).toContain('No decision is recorded in this project');
    expect(text).not.toMatch(/NaN|undefined|\[object Object\]/);
  });
});

describe('PDF through headless Chromium', () => {
  it("delivers the PDF's bytes for a browser tab to download, writing no file", async () => {
    const fake = { render: () => Promise.resolve(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])) };
    const service = new ReportService(rich.projects, rich.locator, () => fake, () => Date.UTC(2026, 10, 24, 3, 6));
    const before = fs.readdirSync(rich.locator.projectsDir).sort();
    const out = await service.generate({ projectId: rich.projectId, format: 'pdf', deliver: 'data' });
    expect(out).toEqual({ format: 'pdf-data', fileName: 'Board pack <&> "Zürich" report 2026-11-24 0306.pdf', base64: 'JVBERi0x', bytes: 6 });
    expect(fs.readdirSync(rich.locator.projectsDir).sort()).toEqual(before);
  });

  it('writes a PDF into the projects folder that opens, renders every page and reads back every section', async () => {
    const service = new ReportService(rich.projects, rich.locator, () => new ChromiumPdfRenderer(), () => Date.UTC(2026, 10, 24, 3, 5));
    const out = await service.generate({ projectId: rich.projectId, format: 'pdf' });
    if (out.format !== 'pdf') throw new Error('expected a PDF');
    expect(path.dirname(out.path)).toBe(rich.locator.projectsDir);
    expect(out.fileName).toBe('Board pack <&> "Zürich" report 2026-11-24 0305.pdf');
    const bytes = fs.readFileSync(out.path);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBe(out.bytes);
    const pdf = await readPdf(bytes);
    const pages = pdf.pages;
    expect(pdf.tagged).toBe(true);
    expect(bytes.includes('/Outlines')).toBe(true); // chapter bookmarks
    expect(pdf.outline.length).toBeGreaterThanOrEqual(REPORT_SECTIONS.length);
    expect(pages).toBeGreaterThanOrEqual(REPORT_SECTIONS.length + 1);
    // Every page renders and draws something (a blank page would be 0 inked pixels).
    expect(pdf.inkedPixels).toHaveLength(pages);
    for (const [i, ink] of pdf.inkedPixels.entries()) expect(ink, `page ${i + 1}`).toBeGreaterThan(100);
    // pdf.js returns letter-spaced headings glyph by glyph: compare without spaces or case.
    const squash = (t: string) => t.replace(/\s+/g, '').toLowerCase();
    const text = squash(pdf.text);
    for (const s of REPORT_SECTIONS) expect(text).toContain(squash(s.title));
    expect(text).toContain(squash('<script>alert("pwn")</script>'));
    expect(text).toContain(squash(`page 1 of ${pages}`));
    const last = rich.projects.get(rich.projectId).audit.list(1)[0]!;
    expect(last.action).toBe('report.generate');
  }, 60_000);

  it('html output comes back as text, and an unknown design is NOT_FOUND', async () => {
    const service = new ReportService(rich.projects, rich.locator, () => { throw new Error('no PDF engine needed for HTML'); });
    const html = await service.generate({ projectId: rich.projectId, format: 'html', designId: rich.designIds[0]! });
    expect(html.format === 'html' && html.html.startsWith('<!DOCTYPE html>')).toBe(true);
    await expect(service.generate({ projectId: rich.projectId, format: 'html', designId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('nettwin report', () => {
  it('writes HTML and PDF, choosing the format from the file name', async () => {
    for (const name of ['pack.html', 'pack.pdf']) {
      const c = capture();
      const target = path.join(tmp.dir, name);
      expect(await main(['report', rich.file, '--out', target, '--design', rich.designIds[0]!], c.io)).toBe(0);
      expect(c.err.join('')).toMatch(new RegExp(`^wrote .*${name.replace('.', '\\.')} \\((HTML|PDF), \\d+ KB\\)`));
      expect(c.out).toEqual([]);
      expect(fs.statSync(target).size).toBeGreaterThan(1000);
    }
    expect(fs.readFileSync(path.join(tmp.dir, 'pack.pdf')).subarray(0, 4).toString()).toBe('%PDF');
  }, 60_000);

  it('bad input is one line and exit 2; no Chromium is one clear line and exit 1', async () => {
    const cases: [string[], RegExp, number][] = [
      [['report', rich.file, '--out', path.join(tmp.dir, 'x.docx')], /--out must end in \.pdf or \.html/, 2],
      [['report', rich.file], /--out FILE\.pdf or --out FILE\.html is required/, 2],
      [['report', rich.file, '--out', path.join(tmp.dir, 'x.html'), '--design', 'no such design'], /no design "no such design"/, 2],
      [['report', path.join(tmp.dir, 'missing.nettwin'), '--out', path.join(tmp.dir, 'x.html')], /does not exist/, 2],
    ];
    for (const [argv, message, code] of cases) {
      const c = capture();
      expect(await main(argv, c.io)).toBe(code);
      expect(c.err).toHaveLength(1);
      expect(c.err[0]).toMatch(message);
    }
    const saved = process.env['CHROMIUM_PATH'];
    process.env['CHROMIUM_PATH'] = path.join(tmp.dir, 'no-chromium-here');
    try {
      const c = capture();
      expect(await main(['report', rich.file, '--out', path.join(tmp.dir, 'y.pdf')], c.io)).toBe(1);
      expect(c.err).toEqual([`nettwin report: CHROMIUM_PATH is ${path.join(tmp.dir, 'no-chromium-here')}, but no file is there`]);
      expect(fs.existsSync(path.join(tmp.dir, 'y.pdf'))).toBe(false);
      // A file that is there but is no browser.
      process.env['CHROMIUM_PATH'] = '/bin/true';
      const d = capture();
      expect(await main(['report', rich.file, '--out', path.join(tmp.dir, 'y.pdf')], d.io)).toBe(1);
      expect(d.err).toHaveLength(1);
      expect(d.err[0]).toMatch(/^nettwin report: could not start Chromium at \/bin\/true \(set CHROMIUM_PATH/);
      expect(fs.existsSync(path.join(tmp.dir, 'y.pdf'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env['CHROMIUM_PATH'];
      else process.env['CHROMIUM_PATH'] = saved;
    }
  });

  it('reads the project without changing it', async () => {
    const before = fs.readFileSync(bare.file);
    bare.projects.closeAll();
    const c = capture();
    expect(await main(['report', bare.file, '--out', path.join(tmp.dir, 'bare.html')], c.io)).toBe(0);
    expect(fs.readFileSync(bare.file).equals(before)).toBe(true);
    const peek = openProjectFile(bare.file, { readOnly: true });
    try {
      expect(peek.audit.list(1)[0]!.action).not.toBe('report.generate');
    } finally {
      peek.close();
    }
  });
});
