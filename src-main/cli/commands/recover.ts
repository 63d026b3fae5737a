import { parseCli } from '../args';
import { CliError, type Command } from '../command';
import { withServices } from '../session';

const USAGE = 'nettwin recover DAMAGED.nettwin [--out NEW.nettwin] [--json]';

/**
 * Copies what can still be read from a damaged project into a new project
 * file; the damaged file is only read. Exit 0 when every table was read to
 * its end, 1 when rows were lost (the report says where), 2 on bad input.
 */
export const recoverCommand: Command = {
  name: 'recover',
  summary: 'Copy what can still be read from a damaged project into a new project file',
  usage: USAGE,
  run: async (args, io) => {
    const { values, positionals } = parseCli(args, { out: { type: 'string' }, json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new CliError(`expected one DAMAGED.nettwin (usage: ${USAGE})`);
    const src = positionals[0]!;
    const report = await withServices({}, (s) => s.projects.recoverFile(src, values.out));
    const out = report.dest;
    const lost = report.tables.some((t) => t.error !== undefined || t.unreadable > 0 || t.orphaned > 0);
    if (values.json) {
      io.out(JSON.stringify(report, null, 2));
    } else {
      io.out(`recovered into ${out}`);
      for (const t of report.tables) {
        const extra = [
          t.unreadable > 0 ? `${t.unreadable} unreadable` : '',
          t.orphaned > 0 ? `${t.orphaned} dropped (their parent was lost)` : '',
          t.error !== undefined ? `stopped at: ${t.error}` : '',
        ].filter(Boolean).join('; ');
        io.out(`  ${t.table}: ${t.copied} rows${extra ? ` (${extra})` : ''}`);
      }
    }
    return lost ? 1 : 0;
  },
};
