import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processAlive } from './processAlive';

/**
 * Files NetTwin writes beside a project go through a temporary file that is
 * published in one step. Temp names carry the writer's process id (so a
 * later process can prove the writer is dead) and a random part (so two
 * writers in one process, or two processes started in the same millisecond,
 * never share a name).
 */

const TEMP_MARK = '.tmp-';
/** Temps of projects, reports, shares and host uploads (`.upload-<pid>-…`); other files in a user's folder are never swept. */
const OUR_TEMP = /\.(nettwin|pdf|html|csv|lock)\.tmp-\d+-[0-9a-f]+|^\.upload-\d+-/;
/** This machine, in temp names: a project folder on a network share is swept only of this machine's dead temps. */
const HOST_TAG = crypto.createHash('sha256').update(os.hostname()).digest('hex').slice(0, 8);

/** `<dest>.tmp-<pid>-<host>-<random>`: unique, and tells a later process whose it was. */
export function tempPathFor(dest: string, suffix = ''): string {
  return `${dest}${TEMP_MARK}${process.pid}-${HOST_TAG}-${crypto.randomBytes(6).toString('hex')}${suffix}`;
}

/** Removes a temp (and a journal SQLite may have left beside it). */
export function releaseTemp(tmp: string): void {
  fs.rmSync(tmp, { force: true });
  fs.rmSync(`${tmp}-journal`, { force: true });
}

/**
 * The pid of this machine's process that wrote a temp, or null when the name
 * is not one of our temps or was written on another machine. Names before
 * the host tag (`.tmp-<pid>-<ms>`, `.upload-<pid>-…`) count as this machine's.
 */
export function tempOwner(name: string): number | null {
  const upload = /^\.upload-(\d+)-/.exec(name);
  if (upload) return Number(upload[1]);
  const at = name.lastIndexOf(TEMP_MARK);
  if (at < 0) return null;
  const rest = name.slice(at + TEMP_MARK.length);
  const tagged = /^(\d+)-([0-9a-f]{8})-[0-9a-f]{12}/.exec(rest);
  if (tagged) return tagged[2] === HOST_TAG ? Number(tagged[1]) : null;
  const legacy = /^(\d+)-\d+/.exec(rest);
  return legacy ? Number(legacy[1]) : null;
}

/**
 * Removes temps in `dir` whose writer provably died: a pid that no longer
 * runs on this machine. A temp of a live process — this one or another — is
 * left alone (a pid reused by an unrelated process keeps its temp until that
 * process ends: the safe side). Returns the names removed.
 */
export function sweepDeadTemps(dir: string, only?: (name: string) => boolean): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (only && !only(name)) continue;
    const pid = tempOwner(name);
    if (pid === null || !OUR_TEMP.test(name)) continue;
    // This process removes its own temps when it finishes with them (releaseTemp); here only the dead's.
    if (pid === process.pid || processAlive(pid)) continue;
    const full = path.resolve(dir, name);
    try {
      fs.rmSync(full, { force: true });
      removed.push(name);
    } catch {
      // Someone else removed it, or the folder is read-only: nothing of ours to lose.
    }
  }
  return removed;
}

export class TargetExistsError extends Error {
  override name = 'TargetExistsError';
  constructor(readonly target: string) {
    super(`${path.basename(target)} already exists`);
  }
}

/**
 * Publishes a finished temp as `dest` only if `dest` does not exist, in one
 * step: a hard link fails with EEXIST instead of replacing anything, so a
 * project another process created meanwhile is never overwritten. The temp
 * is removed either way. Falls back to an exclusive reservation plus rename
 * on file systems without hard links (FAT, some network shares).
 */
export function publishNew(tmp: string, dest: string): void {
  fsyncFile(tmp);
  try {
    fs.linkSync(tmp, dest);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      releaseTemp(tmp);
      throw new TargetExistsError(dest);
    }
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') {
      releaseTemp(tmp);
      throw err;
    }
    publishByReservation(tmp, dest);
    return;
  }
  releaseTemp(tmp);
  fsyncDir(path.dirname(dest));
}

/** Without hard links: claim the name with O_EXCL, then rename our own placeholder away. */
function publishByReservation(tmp: string, dest: string): void {
  let fd: number;
  try {
    fd = fs.openSync(dest, 'wx');
  } catch (err) {
    releaseTemp(tmp);
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new TargetExistsError(dest);
    throw err;
  }
  fs.closeSync(fd);
  fs.renameSync(tmp, dest);
  fsyncDir(path.dirname(dest));
}

/** Replaces `dest` with a finished temp (a destination the user confirmed overwriting). */
export function publishReplacing(tmp: string, dest: string): void {
  fsyncFile(tmp);
  try {
    fs.renameSync(tmp, dest);
  } catch (err) {
    releaseTemp(tmp);
    throw err;
  }
  fsyncDir(path.dirname(dest));
}

/** Writes `data` to a new temp and publishes it over `file` (reports: replacing is intended). */
export function writeFileAtomic(file: string, data: Uint8Array | string): void {
  const tmp = tempPathFor(file);
  try {
    fs.writeFileSync(tmp, data);
  } catch (err) {
    releaseTemp(tmp);
    throw err;
  }
  publishReplacing(tmp, file);
}

/** Forces a file's bytes to disk before it is published. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some platforms cannot open a directory for fsync; the link/rename is still atomic.
  }
}
