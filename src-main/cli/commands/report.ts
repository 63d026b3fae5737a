import path from 'node:path';
import { ReportInputError } from '../../../src-shared/report/gather';
import { ChromiumLaunchError, ChromiumNotFoundError, ChromiumPdfRenderer } from '../../services/pdf-chromium';
import { reportHtmlFor, reportPdfFor, writeFileAtomic } from '../../services/report';
import { parseCli } from '../args';
import { CliError, type Command } from '../command';
import { openProject } from './import';

const USAGE = 'nettwin report PROJECT.nettwin --out FILE.pdf|FILE.html [--design ID|NAME]';

function formatOf(out: string): 'pdf' | 'html' {
  const ext = path.extname(out).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.html' || ext === '.htm') return 'html';
  throw new CliError(`--out must end in .pdf or .html, got "${out}"`);
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'Governance decision pack of a project as PDF or HTML: intent, options, design, resilience, cost, assumptions, approvals, audit',
  usage: USAGE,
  run: async (args, io) => {
    const { values, positionals } = parseCli(args, { out: { type: 'string' }, design: { type: 'string' } });
    if (positionals.length !== 1) throw new CliError(`expected one PROJECT.nettwin (usage: ${USAGE})`);
    if (values.out === undefined) throw new CliError('--out FILE.pdf or --out FILE.html is required');
    const out = values.out;
    const format = formatOf(out);
    const project = openProject(positionals[0]!, { readOnly: true });
    const opts = values.design === undefined ? {} : { designId: values.design };
    let data: Uint8Array | string;
    let presented: string;
    try {
      if (format === 'html') {
        const { model, html } = reportHtmlFor(project, opts);
        data = html;
        presented = model.chosen?.record.name ?? 'no design';
      } else {
        const { model, pdf } = await reportPdfFor(project, new ChromiumPdfRenderer(), opts);
        data = pdf;
        presented = model.chosen?.record.name ?? 'no design';
      }
    } catch (err) {
      if (err instanceof ReportInputError) throw new CliError(err.message);
      if (err instanceof ChromiumNotFoundError || err instanceof ChromiumLaunchError) throw new CliError(err.message, 1);
      throw err;
    } finally {
      project.close();
    }
    try {
      writeFileAtomic(out, data);
    } catch (err) {
      throw new CliError(`cannot write ${out}: ${(err as Error).message}`);
    }
    const size = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    io.out(`wrote ${out} (${format.toUpperCase()}, ${Math.max(1, Math.round(size / 1024))} KB): decision pack for design "${presented}"`);
    return 0;
  },
};
