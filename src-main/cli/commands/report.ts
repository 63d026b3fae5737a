import path from 'node:path';
import { ChromiumLaunchError, ChromiumNotFoundError } from '../../services/pdf-chromium';
import { writeFileAtomic } from '../../services/report';
import { parseCli } from '../args';
import { CliError, type Command } from '../command';
import { openProject, withServices } from '../session';

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
    const file = positionals[0]!;
    let data: Uint8Array | string;
    let presented: string;
    try {
      ({ data, presented } = await withServices({}, (s) =>
        s.reports.render({ projectId: openProject(s, file, { readOnly: true }), format, ...(values.design === undefined ? {} : { designId: values.design }) })));
    } catch (err) {
      // No browser to print with is not the input's fault: exit 1.
      if (err instanceof ChromiumNotFoundError || err instanceof ChromiumLaunchError) throw new CliError(err.message, 1);
      throw err;
    }
    try {
      writeFileAtomic(out, data);
    } catch (err) {
      throw new CliError(`cannot write ${out}: ${(err as Error).message}`);
    }
    const size = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    // A confirmation, not data: stderr, like every line that only says a file was written.
    io.err(`wrote ${out} (${format.toUpperCase()}, ${Math.max(1, Math.round(size / 1024))} KB): decision pack for design "${presented}"`);
    return 0;
  },
};
