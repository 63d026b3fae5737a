/**
 * One `nettwin simulate … --scenarios n1,srlg --threads 2 --json` run of a
 * checkout's built CLI under /usr/bin/time, shared by the REPETITA benches
 * (sprint-simulate.ts, repetita-simulate.ts): whole-process wall, CPU of
 * every thread, peak RSS, the 1-minute load beside it, and the report
 * without what differs run to run so two checkouts' reports can be compared.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

export interface Run {
  wall: number;
  cpu: number;
  rssMb: number;
  load: number;
  json: string;
}

/** The REPETITA folder: NETTWIN_REPETITA, else ../shared/data/repetita beside the repository. */
export const repetitaDir = (repo: string): string => process.env['NETTWIN_REPETITA'] ?? path.resolve(repo, '../shared/data/repetita');

/** The report without what differs run to run (elapsedMs, threads). */
export const comparable = (text: string): string => JSON.stringify(JSON.parse(text), (k, v: unknown) => (k === 'elapsedMs' || k === 'threads' ? undefined : v));

export function timedSimulate(checkout: string, net: string, traffic: string): Run {
  const args = [path.join(checkout, 'bin', 'nettwin.mjs'), 'simulate', net, '--traffic', traffic, '--scenarios', 'n1,srlg', '--threads', '2', '--json'];
  const load = os.loadavg()[0]!;
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0 || m === null) throw new Error(`${checkout}: simulate ${path.basename(net)} failed: ${(r.stderr ?? '').trim().split('\n')[0]}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMb: Number(m[4]) / 1024, load, json: comparable(r.stdout) };
}
