import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';
import { ZOO_DIR } from '../../helpers/data';

/**
 * `nettwin simulate` says when intent traffic carried nothing (a design
 * whose sites state no bandwidth: utilisation 0 by construction) and offers
 * the fallback; and prints the convergence headline from the design's
 * control plane.
 */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}
const abilene = path.join(ZOO_DIR, 'Abilene.graphml');

describe('nettwin simulate notes', () => {
  it('intent traffic on an import without site bandwidth: said on stderr with the fallback; gravity traffic is not flagged', async () => {
    const r = await run('simulate', abilene, '--scenarios', 'n1', '--threads', '1');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('Intent traffic carried nothing on "Abilene"');
    expect(r.err).toContain('run with --traffic gravity');
    expect(r.out).toMatch(/convergence: traffic restored in \d+ ms, IGP converged in \d+ ms \(BFD detection, no fast reroute; slowest of the worst scenarios: /);
    const json = await run('simulate', abilene, '--scenarios', 'n1', '--threads', '1', '--json');
    expect(JSON.parse(json.out).convergenceHeadline.detection).toBe('BFD'); // stdout stays parseable
    expect(json.err).toContain('Intent traffic carried nothing');
    const g = await run('simulate', abilene, '--scenarios', 'n1', '--threads', '1', '--traffic', 'gravity');
    expect(g.code, g.err).toBe(0);
    expect(g.err).not.toContain('carried nothing');
  }, 120_000);
});
