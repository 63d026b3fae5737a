/**
 * Writes fast-path.golden.json: the measurements of fast-path-cases.ts made
 * by the code before the capacity / availability speed work (issue 17,
 * commit dfe2817), so the test compares the fast path with the old one.
 * Run by hand, against an old source tree:
 *   git archive dfe2817 src-shared | tar -x -C /tmp/old && ln -s "$PWD/node_modules" /tmp/old/node_modules
 *   npx tsx test/shared/model/fast-path-golden.ts /tmp/old/src-shared
 */
import fs from 'node:fs';
import path from 'node:path';
import { measureAll } from './fast-path-cases';

const root = process.argv[2];
if (root === undefined) throw new Error('usage: tsx test/shared/model/fast-path-golden.ts <old src-shared directory>');
const out = path.join(path.dirname(new URL(import.meta.url).pathname), 'fast-path.golden.json');
fs.writeFileSync(out, `${JSON.stringify(await measureAll(root))}\n`);
console.log(`wrote ${out}`);
