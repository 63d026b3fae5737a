import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';
import { ZOO_DIR } from '../../helpers/data';

/**
 * `nettwin simulate` on a terminal names the worst scenarios finished so far
 * while the sweep runs (the sweep's streamed results), on stderr; piped or
 * redirected, it prints nothing of the kind (scripts read the report).
 */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}
const abilene = path.join(ZOO_DIR, 'Abilene.graphml');
const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
const setTty = (value: boolean): void => void Object.defineProperty(process.stderr, 'isTTY', { value, configurable: true });
afterEach(() => {
  if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
  else delete (process.stderr as { isTTY?: boolean }).isTTY;
});

describe('nettwin simulate streams the worst scenarios on a terminal', () => {
  it('a line naming the worst by utilisation, the one the report puts first', async () => {
    setTty(true);
    const r = await run('simulate', abilene, '--scenarios', 'n1', '--threads', '2', '--traffic', 'gravity', '--json');
    expect(r.code, r.err).toBe(0);
    const lines = r.err.split('\n').filter((l) => l.includes('worst so far:'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/^ {2}\d+\.\d s, \d+ scenarios done — worst so far: .* \d+ % utilisation$/);
    // The last line printed names a scenario with the largest utilisation of those done then; the sweep's
    // final heartbeat reads every row, so when it was printed it names the report's worst.
    const report = JSON.parse(r.out) as { scenarios: { maxUtilisation: number }[] };
    const worst = Math.max(...report.scenarios.map((s) => s.maxUtilisation));
    const last = lines.at(-1)!;
    if (last.includes(`${report.scenarios.length} scenarios done`)) expect(last).toContain(`${(100 * worst).toFixed(0)} % utilisation`);
  }, 120_000);

  it('nothing of it when stderr is not a terminal', async () => {
    setTty(false);
    const r = await run('simulate', abilene, '--scenarios', 'n1', '--threads', '2', '--traffic', 'gravity', '--json');
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toContain('worst so far');
  }, 120_000);
});
