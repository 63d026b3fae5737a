/**
 * Writes impact-sweep.golden.json: the impact sweep of impact-sweep-cases.ts
 * as the code before the issue-18 impact-sweep speed work computed it
 * (5353c08: demands as objects and Maps in every worker, one scenario at a
 * time over every destination), so the test compares the current sweep
 * with the old one figure for figure. Run by hand, against an old source tree:
 *   git archive 5353c08 src-shared | tar -x -C /tmp/old && ln -s "$PWD/node_modules" /tmp/old/node_modules
 *   npx tsx test/shared/sim/impact-sweep-golden.ts /tmp/old/src-shared
 */
import fs from 'node:fs';
import path from 'node:path';
import { measureAll } from './impact-sweep-cases';

const root = process.argv[2];
if (root === undefined) throw new Error('usage: tsx test/shared/sim/impact-sweep-golden.ts <old src-shared directory>');
const out = path.join(path.dirname(new URL(import.meta.url).pathname), 'impact-sweep.golden.json');
fs.writeFileSync(out, `${JSON.stringify(await measureAll(root))}\n`);
console.log(`wrote ${out}`);
