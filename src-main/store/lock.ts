import fs from 'node:fs';
import os from 'node:os';

/**
 * An advisory lock beside a project file (`<file>.lock`), so a second
 * process that opens the same project learns who has it and can offer a
 * read-only view instead of two writers racing.
 */
export interface LockInfo {
  pid: number;
  host: string;
  app: string;
  openedAt: number;
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

/** Whether a process with this id runs on this machine (EPERM: it runs, as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8')) as LockInfo;
    return typeof info.pid === 'number' && typeof info.host === 'string' ? info : null;
  } catch {
    return null;
  }
}

/** A lock held by a live process other than this one (same host), or by another host. */
export function foreignHolder(file: string): LockInfo | null {
  const info = readLock(file);
  if (info === null) return null;
  if (info.host === os.hostname()) {
    if (info.pid === process.pid || !processAlive(info.pid)) return null; // ours, or left by a crash
  }
  return info;
}

/** Takes the lock or throws ProjectLockedError naming the holder. Returns a release function. */
export function acquireLock(file: string, app: string, now: () => number = Date.now): () => void {
  const holder = foreignHolder(file);
  if (holder !== null) {
    throw new ProjectLockedError(
      `this project is open in another NetTwin (${holder.app}, process ${holder.pid} on ${holder.host} since ${new Date(holder.openedAt).toISOString()}); open it read-only instead`,
      holder,
    );
  }
  const info: LockInfo = { pid: process.pid, host: os.hostname(), app, openedAt: now() };
  const tmp = `${lockPathFor(file)}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(info));
  fs.renameSync(tmp, lockPathFor(file));
  return () => {
    const current = readLock(file);
    if (current?.pid === process.pid && current.host === info.host) fs.rmSync(lockPathFor(file), { force: true });
  };
}
