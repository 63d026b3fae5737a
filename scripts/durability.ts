// `npm run durability`: the file-safety figures of issue 14, measured.
//   kill loop: DURABILITY_KILLS (default 200) SIGKILLs of a child that creates, saves, exports,
//              copies, imports and optimizes; after each, integrity and every acknowledged write checked
//   killed creates: DURABILITY_CREATES (default 60) SIGKILLs of a child that only creates projects
//   lock race: DURABILITY_LOCK_ROUNDS (default 300) rounds of two processes taking one lock at once
//   Save As vs CLI: DURABILITY_SAVEAS_ROUNDS (default 100) rounds of a host Save As racing a CLI create
// Prints the figures; exit 1 when anything failed. Works in its own temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { killLoop } from './durability/killLoop';
import { lockRace, saveAsRace } from './durability/races';

const num = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`durability: ${name} must be a whole number, got ${raw}`);
    process.exit(2);
  }
  return n;
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-durability-'));
const failures: string[] = [];
try {
  const lock = await lockRace(path.join(dir, 'lock'), num('DURABILITY_LOCK_ROUNDS', 300));
  console.log(`lock race: ${lock.rounds} rounds (${lock.staleRounds} over a dead holder's lock), both held ${lock.bothHeld}, none held ${lock.noneHeld}, ${lock.seconds.toFixed(1)} s`);
  failures.push(...lock.failures);

  const saveAs = await saveAsRace(path.join(dir, 'saveas'), num('DURABILITY_SAVEAS_ROUNDS', 100));
  console.log(`Save As vs CLI create: ${saveAs.rounds} rounds; both succeeded ${saveAs.bothOk}, Save As refused ${saveAs.saveAsRefused}, CLI refused ${saveAs.cliRefused}; acknowledged writes lost ${saveAs.lost}; ${saveAs.seconds.toFixed(1)} s`);
  failures.push(...saveAs.failures);

  const creates = await killLoop({ dir: path.join(dir, 'creates'), kills: num('DURABILITY_CREATES', 60), mode: 'create', maxDelayMs: 150 });
  console.log(`killed creates: ${creates.kills} kills (${JSON.stringify(creates.killedDuring)}), ${creates.acknowledged} creates acknowledged, ${creates.tempsSwept} temps swept, ${creates.filesChecked} files checked, ${creates.seconds.toFixed(0)} s`);
  failures.push(...creates.failures);

  const mixed = await killLoop({ dir: path.join(dir, 'mixed'), kills: num('DURABILITY_KILLS', 200), mode: 'mixed', log: (l) => process.stderr.write(`${l}\r`) });
  console.log(`\nkill loop: ${mixed.kills} kills during ${JSON.stringify(mixed.killedDuring)}; ${mixed.acknowledged} acknowledged writes ${JSON.stringify(mixed.ackedByOp)} all checked after every kill; ${mixed.journalsRolledBack} journals rolled back, ${mixed.tempsSwept} temps swept, ${mixed.filesChecked} file checks; ${mixed.seconds.toFixed(0)} s`);
  failures.push(...mixed.failures);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.log(`FAIL (${failures.length}):`);
  for (const f of failures.slice(0, 40)) console.log(`  ${f}`);
  process.exit(1);
}
console.log('PASS');
