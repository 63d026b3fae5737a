// `npm run soak`: the browser host under 20 concurrent clients for 5 minutes
// (loopback only, its own temp folders), then integrity, acknowledged writes,
// memory and descriptors checked. Exit code 1 on FAIL, 2 on bad arguments.
import { formatReport } from './soak/report';
import { runSoak } from './soak/run';

function parseArgs(argv: string[]): { seconds: number; clients: number } {
  const num = (name: string, raw: string | undefined, min: number, max: number): number => {
    const n = Number(raw);
    if (raw === undefined || !Number.isInteger(n) || n < min || n > max) {
      console.error(`soak: ${name} must be a whole number from ${min} to ${max}, got ${raw ?? 'nothing'}`);
      process.exit(2);
    }
    return n;
  };
  let seconds = num('SOAK_SECONDS', process.env['SOAK_SECONDS'] ?? '300', 1, 86_400);
  let clients = num('SOAK_CLIENTS', process.env['SOAK_CLIENTS'] ?? '20', 1, 500);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--seconds') seconds = num('--seconds', inline ?? argv[++i], 1, 86_400);
    else if (flag === '--clients') clients = num('--clients', inline ?? argv[++i], 1, 500);
    else {
      console.error(`soak: unknown option ${a} (use --seconds N, --clients N)`);
      process.exit(2);
    }
  }
  return { seconds, clients };
}

const { seconds, clients } = parseArgs(process.argv.slice(2));
const report = await runSoak({ seconds, clients, log: (l) => console.log(`[soak] ${l}`) });
console.log(formatReport(report));
process.exit(report.pass ? 0 : 1);
