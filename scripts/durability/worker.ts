// A second process for the race tests: reads one JSON command per line on
// stdin and answers one JSON line on stdout. Commands:
//  {op:'lock', file, at}    spin until Date.now() >= at, take the project lock, report held/refused,
//                           then keep holding it until {op:'unlock'}.
//  {op:'create', file, at}  spin until `at`, then do what `nettwin generate --out file` does: open
//                           the project creating it if missing, record one design in one
//                           transaction, close; report the design id once committed (acknowledged).
import readline from 'node:readline';
import { acquireLock } from '../../src-main/store/lock';
import { openProjectFile } from '../../src-main/store/projectFile';

let release: (() => void) | null = null;

function spinUntil(at: number): void {
  while (Date.now() < at) {
    // busy wait: both processes leave the line at the same millisecond
  }
}

function answer(x: unknown): void {
  process.stdout.write(`${JSON.stringify(x)}\n`);
}

const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const cmd = JSON.parse(line) as { op: string; file: string; at: number; tag?: string };
  try {
    if (cmd.op === 'lock') {
      spinUntil(cmd.at);
      try {
        release = acquireLock(cmd.file, `race ${process.pid}`);
        answer({ held: true });
      } catch (err) {
        answer({ held: false, error: (err as Error).name });
      }
    } else if (cmd.op === 'unlock') {
      release?.();
      release = null;
      answer({ released: true });
    } else if (cmd.op === 'create') {
      spinUntil(cmd.at);
      const p = openProjectFile(cmd.file, { create: { name: 'from the CLI' } });
      try {
        const id = p.transaction(() => p.topologies.insert({
          name: `cli ${cmd.tag}`,
          topology: { formatVersion: 1, name: `cli ${cmd.tag}`, sites: [], nodes: [{ id: 'a', name: 'a', role: 'router', ports: 4 }], links: [] },
          source: 'generated',
        }).id);
        answer({ ok: true, id });
      } finally {
        p.close();
      }
    }
  } catch (err) {
    answer({ ok: false, error: `${(err as Error).name}: ${(err as Error).message}` });
  }
});
process.stdout.write('{"ready":true}\n');
