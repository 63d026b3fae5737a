import fs from 'node:fs';
import path from 'node:path';
import type { ProjectInfo } from '../../src-shared/model/records';
import { AppError } from '../../src-shared/contract/result';
import { publishNew, sweepDeadTemps } from '../store/atomicFile';
import { openProjectFile, PROJECT_EXTENSION, type ProjectFile } from '../store/projectFile';
import { acquireLock } from '../store/lock';
import { salvageProject, type SalvageReport } from '../store/salvage';
import type { EventBus } from './events';
import { fileInside, type ProjectLocator } from './locator';
import type { RecentProjects } from './recent';

/** Open projects by file, one connection each, shared by every caller. */
export class ProjectService {
  private readonly open = new Map<string, ProjectFile>();
  /** Called when a project is opened (its records join the knowledge base); failures are logged in its audit trail. */
  onOpened: ((projectId: string) => unknown) | null = null;
  /** The project the user last created or opened (the desktop menu's Save As acts on it). */
  current: string | undefined;

  constructor(
    private readonly locator: ProjectLocator,
    private readonly bus: EventBus,
    private readonly recent: RecentProjects,
    private readonly now: () => number = Date.now,
  ) {}

  info(project: ProjectFile): ProjectInfo {
    const stat = fs.statSync(project.path);
    return {
      id: this.locator.idFor(project.path),
      name: project.name,
      path: project.path,
      readOnly: project.readOnly,
      schemaVersion: project.schemaVersion,
      createdAt: Number(project.meta.get('created_at') ?? stat.birthtimeMs),
      modifiedAt: Math.round(stat.mtimeMs),
      designCount: project.topologies.count(),
    };
  }

  /**
   * The files the desktop menu's Open Recent lists: the projects folder's
   * project files and the recent list, newest first. Only names and dates
   * are read: no project is opened (the menu is rebuilt after every change,
   * and a design's save must not open every other project).
   */
  recentFiles(): string[] {
    const files = new Set<string>();
    for (const name of fs.readdirSync(this.locator.projectsDir)) {
      if (name.endsWith(PROJECT_EXTENSION)) files.add(path.join(this.locator.projectsDir, name));
    }
    for (const f of this.recent.list()) files.add(f);
    const dated: { file: string; at: number }[] = [];
    for (const file of files) {
      try {
        dated.push({ file, at: fs.statSync(file).mtimeMs });
      } catch {
        // gone since: not listed
      }
    }
    return dated.sort((a, b) => b.at - a.at).map((d) => d.file);
  }

  /** Projects in the projects folder and recently opened ones, newest first. */
  list(): ProjectInfo[] {
    // Temps of saves, exports and creates whose process was killed: ours to remove (no project is touched).
    sweepDeadTemps(this.locator.projectsDir);
    const files = new Set<string>();
    for (const name of fs.readdirSync(this.locator.projectsDir)) {
      if (name.endsWith(PROJECT_EXTENSION)) files.add(path.join(this.locator.projectsDir, name));
    }
    for (const f of this.recent.list()) if (fs.existsSync(f)) files.add(f);
    const out: ProjectInfo[] = [];
    for (const file of files) {
      const open = this.open.get(file);
      try {
        // Browser mode: a link out of the projects folder, or a recent file elsewhere, is neither listed nor read.
        if (path.resolve(this.locator.resolve(this.locator.idFor(file))) !== path.resolve(file)) continue;
        if (open?.isOpen) {
          out.push(this.info(open));
          continue;
        }
        // Peek read-only and without the lock: listing must not claim projects.
        const peek = openProjectFile(file, { readOnly: true, now: this.now });
        try {
          out.push(this.info(peek));
        } finally {
          peek.close();
        }
      } catch {
        // A damaged or foreign file in the folder is not listed; opening it says why.
      }
    }
    return out.sort((a, b) => b.modifiedAt - a.modifiedAt);
  }

  create(name: string, file: string = this.locator.fileForName(name)): ProjectInfo {
    // Built in a temp and published only if the name is free at that instant (no check-then-create).
    const project = this.exclusive(file, () => openProjectFile(file, { create: { name, mustBeNew: true }, now: this.now }));
    this.open.set(file, project);
    project.audit.append('user', 'project.create', null, { name });
    this.recent.add(file);
    this.current = this.locator.idFor(file);
    return this.info(project);
  }

  openById(id: string, readOnly = false): ProjectInfo {
    const file = this.locator.resolve(id);
    this.pendingClose.delete(file); // opened again before its jobs ended: it stays open
    const existing = this.open.get(file);
    if (existing && existing.readOnly !== readOnly) {
      existing.close();
      this.open.delete(file);
    }
    const project = this.get(id, readOnly);
    this.recent.add(file);
    this.current = this.locator.idFor(file);
    if (!readOnly) {
      try {
        this.onOpened?.(this.locator.idFor(file));
      } catch (err) {
        project.audit.append('system', 'knowledge.merge.failed', null, { reason: (err as Error).message });
      }
    }
    return this.info(project);
  }

  /**
   * Opens a project by its file (the command line), creating it under
   * `create` when it does not exist yet; returns its id. Unlike `openById`
   * it neither joins the knowledge base nor changes the recent list.
   */
  openFile(file: string, opts: { readOnly?: boolean; create?: string } = {}): string {
    if (!file.endsWith(PROJECT_EXTENSION)) throw new AppError('INVALID_INPUT', `${file}: a project file name ends in ${PROJECT_EXTENSION}`);
    const abs = path.resolve(file);
    // Created whole or not at all (store/projectFile.ts); an empty file a killed create left is taken over.
    if (opts.create !== undefined && (!fs.existsSync(abs) || fs.statSync(abs).size === 0)) {
      const project = openProjectFile(abs, { create: { name: opts.create }, now: this.now });
      this.open.set(abs, project);
      return this.locator.idFor(abs);
    }
    if (!fs.existsSync(abs)) throw new AppError('NOT_FOUND', `${path.basename(abs)} does not exist`);
    this.get(this.locator.idFor(abs), opts.readOnly ?? false);
    return this.locator.idFor(abs);
  }

  /** The open project for an id, opening it on first use. */
  get(id: string, readOnly = false): ProjectFile {
    const file = this.locator.resolve(id);
    let project = this.open.get(file);
    if (!project || !project.isOpen) {
      if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `project ${path.basename(file)} not found`);
      project = openProjectFile(file, { readOnly, now: this.now });
      this.open.set(file, project);
    }
    return project;
  }

  writable(id: string): ProjectFile {
    const project = this.get(id);
    if (project.readOnly) throw new AppError('READ_ONLY', `${project.name} is open read-only`);
    return project;
  }

  /**
   * A copy under a new name. By name (the call from the renderer) it never
   * replaces an existing project, even one another process creates while the
   * copy is written: the copy is published with a link that refuses to
   * replace. An explicit `dest` is a file the user confirmed in the desktop
   * Save dialog. Either way a project open here, or locked by another
   * process, is not replaced.
   */
  async saveAs(id: string, name: string, explicitDest?: string): Promise<ProjectInfo> {
    const dest = explicitDest ?? this.locator.fileForName(name);
    const project = this.get(id);
    if (path.resolve(dest) === path.resolve(project.path)) {
      throw new AppError('CONFLICT', 'Save As needs a different name than the open project');
    }
    if (this.open.has(dest)) throw new AppError('CONFLICT', `${path.basename(dest)} is open; close it first or pick another name`);
    // Holding the destination's lock while copying keeps a CLI or second NetTwin from writing there meanwhile.
    const release = acquireLock(dest, 'NetTwin Save As', this.now);
    try {
      await this.exclusive(dest, () => project.saveCopy(dest, { replace: explicitDest !== undefined, name }));
      const copy = openProjectFile(dest, { now: this.now });
      copy.audit.append('user', 'project.saveAs', null, { from: path.basename(project.path) });
      this.open.set(dest, copy);
      this.recent.add(dest);
      this.bus.emit('project:changed', { projectId: this.locator.idFor(dest), what: 'created' });
      return this.info(copy);
    } finally {
      release();
    }
  }

  /** Writes a shareable copy, with or without its history, next to the other projects; never over an existing one. */
  async exportShare(id: string, name: string, includeHistory: boolean, dest: string = this.locator.fileForName(name)): Promise<ProjectInfo> {
    const project = this.get(id);
    if (path.resolve(dest) === path.resolve(project.path)) throw new AppError('CONFLICT', 'choose a different name for the shared copy');
    await this.exclusive(dest, () => project.exportCopy(dest, { includeHistory, name }));
    project.audit.append('user', 'project.export', null, { to: path.basename(dest), includeHistory });
    const peek = openProjectFile(dest, { readOnly: true, now: this.now });
    try {
      return this.info(peek);
    } finally {
      peek.close();
    }
  }

  /** Runs a create/publish step; a name taken meanwhile becomes CONFLICT naming the project. */
  private exclusive<T>(dest: string, step: () => T): T {
    const conflict = (): AppError => new AppError('CONFLICT', `a project named "${path.basename(dest)}" already exists`);
    try {
      const out = step();
      return out instanceof Promise
        ? (out.catch((err: unknown) => { throw (err as Error).name === 'TargetExistsError' ? conflict() : err; }) as T)
        : out;
    } catch (err) {
      throw (err as Error).name === 'TargetExistsError' ? conflict() : err;
    }
  }

  /** The file behind a project id, for a download (browser host). */
  fileForDownload(id: string): string {
    const file = /\.(pdf|html)$/i.test(id) ? this.reportFile(id) : this.locator.resolve(id);
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `project ${path.basename(file)} not found`);
    this.open.get(file)?.checkpoint();
    return file;
  }

  /** A generated report in the projects folder (plain file name only). */
  private reportFile(name: string): string {
    return fileInside(this.locator.projectsDir, name, 'report file');
  }

  /**
   * Takes an uploaded file into the projects folder under `name` if it is a
   * NetTwin project this version can read; otherwise it is deleted and the
   * reason given. An existing project of that name is never overwritten.
   */
  adoptUpload(tmpFile: string, name: string): ProjectInfo {
    try {
      const dest = this.locator.fileForName(name);
      if (fs.existsSync(dest)) throw new AppError('CONFLICT', `a project named "${path.basename(dest)}" already exists`);
      const peek = openProjectFile(tmpFile, { readOnly: true, now: this.now }); // inspects: SQLite, ours, intact, not from the future
      peek.close();
      // A link refuses to replace a project of that name created since the check above.
      this.exclusive(dest, () => publishNew(tmpFile, dest));
      return this.openById(this.locator.idFor(dest));
    } finally {
      fs.rmSync(tmpFile, { force: true });
    }
  }

  /**
   * "Recover what can be read": copies every readable row of a damaged
   * project file into a new project `dest` (default: "<name> recovered"
   * beside it), never changing the damaged file and never replacing `dest`.
   */
  recoverFile(file: string, dest?: string): SalvageReport {
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `${path.basename(file)} does not exist`);
    const out = dest ?? path.join(path.dirname(file), `${path.basename(file, PROJECT_EXTENSION)} recovered${PROJECT_EXTENSION}`);
    if (!out.endsWith(PROJECT_EXTENSION)) throw new AppError('INVALID_INPUT', `${out}: a project file name ends in ${PROJECT_EXTENSION}`);
    return this.exclusive(out, () => salvageProject(file, out, this.now));
  }

  close(id: string): void {
    const file = this.locator.resolve(id);
    this.pendingClose.delete(file);
    this.open.get(file)?.close();
    this.open.delete(file);
  }

  /** Closes waiting for work on them, by file: a token per request, dropped when the project is opened again. */
  private readonly pendingClose = new Map<string, symbol>();

  /**
   * A close asked while work still runs on the project (a tab closed during
   * its sweep): the project stays open until `idle` resolves, so the job can
   * store its result, then closes — unless it was opened again meanwhile (a
   * reload of the same tab), which keeps it open.
   */
  closeWhenIdle(id: string, idle: Promise<void>): void {
    const file = this.locator.resolve(id);
    const token = Symbol(file);
    this.pendingClose.set(file, token);
    void idle.then(() => {
      if (this.pendingClose.get(file) !== token) return;
      this.pendingClose.delete(file);
      this.open.get(file)?.close();
      this.open.delete(file);
    });
  }

  closeAll(): void {
    for (const p of this.open.values()) p.close();
    this.open.clear();
  }
}
