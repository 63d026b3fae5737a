import type { AuditEntry } from '../store/repos/audit';
import type { ProjectFile } from '../store/projectFile';

/**
 * `audit:list`: a project's audit log, newest first. Its own service: every
 * use case appends to the log (designs, simulations, governance), and
 * reading it needs no write access, so a read-only view shows it too.
 */
export class AuditService {
  constructor(private readonly project: (projectId: string) => ProjectFile) {}

  list(input: { projectId: string; limit?: number }): AuditEntry[] {
    return this.project(input.projectId).audit.list(input.limit ?? 500);
  }
}
