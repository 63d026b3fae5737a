import path from 'node:path';
import { parseCli } from '../args';
import { CliError, type Command } from '../command';
import { openProject, withServices } from '../session';
import { readText } from './import';

const USAGE = 'nettwin outcomes import FILE.nettwin --file MEASURED.csv|json [--json]';

export const outcomesCommand: Command = {
  name: 'outcomes',
  summary: 'Import measured utilisation, latency, incidents and cost (capex, monthly, circuits) per design and compare them with predictions',
  usage: USAGE,
  run: async (args, io) => {
    const { values, positionals } = parseCli(args, { file: { type: 'string' }, json: { type: 'boolean', default: false } });
    if (positionals[0] !== 'import' || positionals.length !== 2) throw new CliError(`expected "import FILE.nettwin" (usage: ${USAGE})`);
    if (values.file === undefined) throw new CliError(`--file is required (usage: ${USAGE})`);
    const data = readText(values.file);
    const file = positionals[1]!;
    const source = path.basename(values.file);
    // Outcomes live in the project; the knowledge base is not opened to compare them.
    const r = await withServices({}, (s) => s.learning.importOutcomes({ projectId: openProject(s, file), text: data, source }));
    if (values.json) io.out(JSON.stringify(r));
    else {
      io.out(`imported ${r.imported} measurement(s)`);
      for (const row of r.rows) {
        io.out(`  ${row.design} ${row.metric}: predicted ${row.predicted === null ? 'n/a' : row.predicted.toPrecision(4)}, measured ${row.actual.toPrecision(4)}${row.errorPct === null ? '' : ` (${row.errorPct.toFixed(1)} % off)`}`);
      }
      for (const [m, v] of Object.entries(r.mapePct)) io.out(`MAPE ${m}: ${v.toFixed(1)} %`);
    }
    return 0;
  },
};
