import fs from 'node:fs';
import path from 'node:path';
import { parseIntent, type Intent } from '../../src-shared/model/intent';

/**
 * The realistic intent set (test/fixtures/intents/realistic, see its
 * README): hand-written from published enterprise cases, independent of the
 * intent generator. Read by bench:learning; the tests read the same folder.
 * A file that does not parse stops the bench with its name and problems.
 */
export const REALISTIC_DIR = path.resolve('test', 'fixtures', 'intents', 'realistic');

export function readRealisticIntents(dir = REALISTIC_DIR): { file: string; intent: Intent }[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.intent.json')).sort();
  return files.map((file) => {
    const r = parseIntent(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    if (!r.ok) throw new Error(`${file}: ${r.problems.join('; ')}`);
    return { file, intent: r.intent };
  });
}
