import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';

/**
 * `nettwin simulate NET.graph --traffic NET.demands`: a REPETITA network with
 * its own demand matrix (the form the Rocketfuel ISP backbones come in), the
 * reader's assumptions printed, the city-pair duct failing as one SRLG.
 */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

// A square of four cities, Paris–London doubled in one duct; 1 Gbit/s London → Madrid.
const GRAPH = `NODES 4
label x y
London1 0 0
Paris2 0 0
Madrid3 0 0
Berlin4 0 0

EDGES 10
label src dest weight bw delay
L0 0 1 1 10000000 3
L1 1 0 1 10000000 3
L2 0 1 1 10000000 3
L3 1 0 1 10000000 3
L4 1 2 1 1000000 9
L5 2 1 1 1000000 9
L6 2 3 1 10000000 12
L7 3 2 1 10000000 12
L8 3 0 5 10000000 8
L9 0 3 5 10000000 8
`;
const DEMANDS = `DEMANDS 1
label src dest bw
d0 0 2 1000000
`;

describe('nettwin simulate on a REPETITA network', () => {
  it('reads the network and its own demands; the duct of the doubled link fails as one SRLG', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-repetita-'));
    fs.writeFileSync(path.join(dir, 'square.graph'), GRAPH);
    fs.writeFileSync(path.join(dir, 'square.0000.demands'), DEMANDS);
    const r = await run('simulate', path.join(dir, 'square.graph'), '--traffic', path.join(dir, 'square.0000.demands'), '--scenarios', 'n1,srlg', '--threads', '1', '--json');
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.baseline.totalVolume).toBeCloseTo(1, 9);
    // London → Paris → Madrid (weights 1+1) carries it: 1 Gbit/s on the 1 Gbit/s Paris–Madrid link.
    expect(report.baseline.maxUtilisation).toBeCloseTo(1, 6);
    const ducts = report.scenarios.filter((s: { cls: string }) => s.cls === 'srlg');
    expect(ducts).toHaveLength(1);
    expect(ducts[0].label).toBe('SRLG duct London – Paris');
    expect(ducts[0].failedLinks).toHaveLength(2);
    // Both Paris links down at once: London → Berlin → Madrid (weights 5+1) takes the demand, nothing stranded.
    expect(ducts[0].strandedDemand).toBe(0);
    const text = await run('simulate', path.join(dir, 'square.graph'), '--traffic', path.join(dir, 'square.0000.demands'), '--scenarios', 'srlg', '--threads', '1');
    expect(text.out).toContain('read square.graph as REPETITA: 4 routers in 4 city sites');
    expect(text.out).toContain('1 shared-risk groups assumed');
  }, 120_000);

  it('a broken file is refused with its name, line and field, exit 2', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-repetita-'));
    fs.writeFileSync(path.join(dir, 'bad.graph'), GRAPH.replace('L4 1 2 1', 'L4 1 9 1'));
    const r = await run('simulate', path.join(dir, 'bad.graph'), '--scenarios', 'n1');
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad.graph: line 14: edge L4: dest 9 is not one of the 4 nodes (0–3)');
  });
});
