import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { releaseTemp, tempPathFor } from './atomicFile';
import { processAlive } from './processAlive';

/**
 * An advisory lock beside a project file (`<file>.lock`), so a second
 * process that opens the same project learns who has it and can offer a
 * read-only view instead of two writers racing.
 *
 * Taking it is one exclusive create (O_EXCL): of any number of processes
 * trying at once exactly one succeeds. A lock whose holder died (same host,
 * pid no longer running) is removed under a short-lived second lock
 * (`<file>.lock.takeover`, also O_EXCL) after re-reading it, so two
 * processes that both find the dead lock cannot remove each other's fresh one.
 */
export interface LockInfo {
  pid: number;
  host: string;
  app: string;
  openedAt: number;
  /** Random per acquisition: tells our lock from one a previous process with our pid left. */
  token?: string;
}

export class ProjectLockedError extends Error {
  override name = 'ProjectLockedError';
  constructor(
    message: string,
    readonly holder: LockInfo,
  ) {
    super(message);
  }
}

export const lockPathFor = (file: string): string => `${file}.lock`;

/** A lock file younger than this with no readable owner is being written right now. */
const UNWRITTEN_GRACE_MS = 5_000;

/** Locks this process holds: lock path → token and how many opens share it. */
const held = new Map<string, { token: string; count: number }>();

export { processAlive };

/** A lock file's owner: a pid and a host are what decide (anything less is an owner never fully written). */
function lockInfoOf(x: unknown): LockInfo | null {
  if (typeof x !== 'object' || x === null) return null;
  const o: Partial<Record<keyof LockInfo, unknown>> = x;
  if (typeof o.pid !== 'number' || typeof o.host !== 'string') return null;
  return {
    pid: o.pid,
    host: o.host,
    app: typeof o.app === 'string' ? o.app : '',
    openedAt: typeof o.openedAt === 'number' ? o.openedAt : 0,
    ...(typeof o.token === 'string' ? { token: o.token } : {}),
  };
}

function readLockFile(lockFile: string): { raw: string; info: LockInfo | null; mtimeMs: number } | null {
  try {
    const raw = fs.readFileSync(lockFile, 'utf8');
    const mtimeMs = fs.statSync(lockFile).mtimeMs;
    let info: LockInfo | null = null;
    try {
      info = lockInfoOf(JSON.parse(raw));
    } catch {
      info = null;
    }
    return { raw, info, mtimeMs };
  } catch {
    return null;
  }
}

/** Whether a lock's holder is provably gone: a dead pid on this host, or an owner never written. */
function isStale(lock: { info: LockInfo | null; mtimeMs: number }, now: number): boolean {
  if (lock.info === null) return now - lock.mtimeMs > UNWRITTEN_GRACE_MS;
  if (lock.info.host !== os.hostname()) return false;
  if (lock.info.pid === process.pid) return !isOurs(lock.info);
  return !processAlive(lock.info.pid);
}

function isOurs(info: LockInfo): boolean {
  return info.host === os.hostname() && info.pid === process.pid
    && [...held.values()].some((h) => h.token === info.token);
}

/**
 * One exclusive creation of the lock file, already holding our owner record:
 * written to a temp first and hard-linked into place (link refuses to
 * replace), so no process ever sees a lock without its owner, even one whose
 * writer was killed. False: the lock exists.
 */
function tryCreate(lockFile: string, info: LockInfo): boolean {
  const tmp = tempPathFor(lockFile);
  try {
    fs.writeFileSync(tmp, JSON.stringify(info));
    fs.linkSync(tmp, lockFile);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') return tryCreateRaw(lockFile, JSON.stringify(info));
    throw err;
  } finally {
    releaseTemp(tmp);
  }
}

/**
 * Removes the stale lock whose bytes were `staleRaw`, under the takeover
 * lock, only if the file still holds exactly those bytes. Returns false when
 * another process is doing the same (the caller tries again).
 */
function removeStale(lockFile: string, staleRaw: string, now: number): boolean {
  const guard = `${lockFile}.takeover`;
  const me = JSON.stringify({ pid: process.pid, host: os.hostname(), at: now, token: crypto.randomBytes(8).toString('hex') });
  if (!tryCreateRaw(guard, me)) {
    // A takeover guard outlives its critical section only if its process was killed inside it.
    const g = readLockFile(guard);
    if (g !== null && now - g.mtimeMs > UNWRITTEN_GRACE_MS) removeIfUnchanged(guard, g.raw);
    return false;
  }
  try {
    const current = readLockFile(lockFile);
    if (current !== null && current.raw === staleRaw) fs.rmSync(lockFile, { force: true });
    return true;
  } finally {
    removeIfUnchanged(guard, me);
  }
}

function tryCreateRaw(file: string, raw: string): boolean {
  try {
    fs.writeFileSync(file, raw, { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** Moves `file` aside and deletes it if it still held `raw`; otherwise puts it back. */
function removeIfUnchanged(file: string, raw: string): void {
  const aside = `${file}.${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return;
  }
  if (fs.readFileSync(aside, 'utf8') === raw) {
    fs.rmSync(aside, { force: true });
    return;
  }
  try {
    fs.linkSync(aside, file);
  } catch {
    // Someone created a new one meanwhile: theirs stands.
  }
  fs.rmSync(aside, { force: true });
}

function lockedError(holder: LockInfo): ProjectLockedError {
  return new ProjectLockedError(
    `this project is open in another NetTwin (${holder.app}, process ${holder.pid} on ${holder.host} since ${new Date(holder.openedAt).toISOString()}); open it read-only instead`,
    holder,
  );
}

function busyWait(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the lock or throws ProjectLockedError naming the holder. Returns a release function. */
export function acquireLock(file: string, app: string, now: () => number = Date.now): () => void {
  const lockFile = lockPathFor(file);
  const mine = held.get(lockFile);
  if (mine !== undefined && readLockFile(lockFile)?.info?.token === mine.token) {
    // This process already holds it (two opens of one project share one lock).
    mine.count++;
    return releaser(lockFile, mine.token);
  }
  const info: LockInfo = { pid: process.pid, host: os.hostname(), app, openedAt: now(), token: crypto.randomBytes(8).toString('hex') };
  for (let attempt = 0; attempt < 200; attempt++) {
    if (tryCreate(lockFile, info)) {
      held.set(lockFile, { token: info.token!, count: 1 });
      return releaser(lockFile, info.token!);
    }
    const current = readLockFile(lockFile);
    if (current === null) continue; // released between our create and our read: try again
    if (current.info !== null && isOurs(current.info)) {
      // Ours under another spelling of the path: share it.
      const entry = [...held.entries()].find(([, h]) => h.token === current.info!.token)!;
      entry[1].count++;
      return releaser(entry[0], entry[1].token);
    }
    if (!isStale(current, Date.now())) {
      if (current.info === null) {
        busyWait(5); // being written by its owner right now
        continue;
      }
      throw lockedError(current.info);
    }
    if (!removeStale(lockFile, current.raw, Date.now())) busyWait(2 + Math.floor(Math.random() * 5));
  }
  const last = readLockFile(lockFile)?.info;
  if (last) throw lockedError(last);
  throw new ProjectLockedError(
    `${path.basename(lockFile)} exists but names no owner (being written, or left by a crash in the last ${UNWRITTEN_GRACE_MS / 1000} s); try again`,
    { pid: 0, host: 'unknown', app: 'unknown', openedAt: 0 },
  );
}

function releaser(lockFile: string, token: string): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const mine = held.get(lockFile);
    if (mine === undefined || mine.token !== token) return;
    if (--mine.count > 0) return;
    held.delete(lockFile);
    const current = readLockFile(lockFile);
    if (current?.info?.token === token) removeIfUnchanged(lockFile, current.raw);
  };
}
