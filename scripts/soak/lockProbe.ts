import { toIpcError } from '../../src-shared/contract/result';
import { openProjectFile } from '../../src-main/store/projectFile';

export interface LockProbe {
  attempts: number;
  /** Refused with LOCKED, as a second NetTwin must be while the host has the project open. */
  locked: number;
  /** Opened for writing although the host held it: two writers on one file. */
  admitted: number;
  readOnlyReads: number;
  problems: string[];
}

/**
 * What a second NetTwin process does when a colleague's host has the project
 * open: try to open it for writing (must be refused with LOCKED, naming the
 * holder), then open it read-only and read it (must work while the host writes).
 */
export function probeLock(file: string): LockProbe {
  const r: LockProbe = { attempts: 1, locked: 0, admitted: 0, readOnlyReads: 0, problems: [] };
  try {
    const intruder = openProjectFile(file);
    r.admitted++;
    intruder.close();
  } catch (err) {
    const e = toIpcError(err);
    if (e.code === 'LOCKED') r.locked++;
    else r.problems.push(`lock probe on ${file}: expected LOCKED, got ${e.code} ${e.message}`);
  }
  try {
    const reader = openProjectFile(file, { readOnly: true });
    try {
      reader.topologies.count();
      r.readOnlyReads++;
    } finally {
      reader.close();
    }
  } catch (err) {
    const e = toIpcError(err);
    r.problems.push(`read-only peek at ${file} failed while the host writes: ${e.code} ${e.message}`);
  }
  return r;
}
