/**
 * npm run bench:sndlib — reads every SNDlib native file in
 * ../shared/data/sndlib/native (ZIB's academic licence: the data is never
 * copied into this repository, so this is a benchmark, not a test) and checks
 * node, link and demand counts and total demand against the table in that
 * folder's README. Prints one line per network and the read time; when the
 * folder is absent it says so and exits 0, since a clone has no ../shared.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSndlib } from '../../src-shared/io/sndlib';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.resolve(repo, '../shared/data/sndlib/native');

if (!fs.existsSync(dir)) {
  console.log(`bench:sndlib: ${dir} is absent (SNDlib data is not in the repository); nothing to read`);
  process.exit(0);
}
const readme = fs.readFileSync(path.join(dir, '../README.md'), 'utf8');
const rows = [...readme.matchAll(/^\| ([\w-]+) \| (\d+) \| (\d+) \| \d+ \| (\d+) \| (\d+) \|/gm)];
let bad = 0;
for (const [, name, nodes, links, demands, total] of rows) {
  const t0 = performance.now();
  const net = parseSndlib(fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8'), `${name}.txt`);
  const ms = performance.now() - t0;
  const got = [net.nodes.length, net.links.length, net.demands.length, Math.round(net.demands.reduce((s, d) => s + d.value, 0))];
  const want = [Number(nodes), Number(links), Number(demands), Number(total)];
  const ok = got.every((v, i) => v === want[i]);
  if (!ok) bad++;
  console.log(`${ok ? 'ok  ' : 'DIFF'} ${name!.padEnd(14)} nodes ${got[0]} links ${got[1]} demands ${got[2]} total ${got[3]} ${net.meta['unit'] ?? '(no unit)'}  ${ms.toFixed(1)} ms${ok ? '' : `  README: ${want.join(' / ')}`}`);
}
console.log(`${rows.length} networks, ${bad} differing from the README`);
process.exit(rows.length === 0 || bad > 0 ? 1 : 0);
