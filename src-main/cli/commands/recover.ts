import fs from 'node:fs';
import path from 'node:path';
import { parseCli } from '../args';
import { CliError, type Command } from '../command';
import { PROJECT_EXTENSION } from '../../store/projectFile';
import { salvageProject } from '../../store/salvage';

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
    if (!fs.existsSync(src)) throw new CliError(`${src}: no such file`);
    const out = values.out ?? path.join(path.dirname(src), `${path.basename(src, PROJECT_EXTENSION)} recovered${PROJECT_EXTENSION}`);
    if (!out.endsWith(PROJECT_EXTENSION)) throw new CliError(`${out}: a project file name ends in ${PROJECT_EXTENSION}`);
    let report;
    try {
      report = salvageProject(src, out);
    } catch (err) {
      const e = err as Error;
      throw new CliError(`${src}: ${e.name === 'TargetExistsError' ? `${out} already exists; choose another --out` : e.message.split('\n')[0]}`);
    }
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
