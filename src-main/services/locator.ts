import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/contract/result';
import { PROJECT_EXTENSION } from '../store/projectFile';

/**
 * Maps a project id from the renderer to a file. In the browser host the id
 * is a file name inside the projects folder and nothing outside it can be
 * reached; on the desktop it is an absolute path the user chose in a dialog.
 */
export interface ProjectLocator {
  readonly mode: 'electron' | 'browser';
  readonly projectsDir: string;
  resolve(id: string): string;
  idFor(file: string): string;
  fileForName(name: string): string;
}

export function fileNameFor(name: string): string {
  const base = name.trim().replace(/\.nettwin$/i, '');
  return `${base}${PROJECT_EXTENSION}`;
}

/** The id as it can be shown in a message: quoted, escaped, bounded. */
function shown(id: string): string {
  const q = JSON.stringify(id);
  return q.length > 122 ? `${q.slice(0, 118)}…"` : q;
}

/** Why a name is not a plain file name of this folder, or null when it is. */
function nameProblem(name: string): string | null {
  if (name.length === 0) return 'it is empty';
  if (name.includes('\0')) return 'it contains a NUL byte';
  if ([...name].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127)) return 'it contains a control character';
  if (name.split(/[/\\]/).some((part) => part === '..')) return 'it contains ".." (a parent folder)';
  if (path.isAbsolute(name) || path.win32.isAbsolute(name)) return 'it is an absolute path';
  if (name.includes('/') || name.includes('\\')) return 'it contains a path separator (/ or \\)';
  if (name.startsWith('.')) return 'it is a hidden file name (starts with ".")';
  return null;
}

/**
 * A plain file `name` inside `dir`, refused (FORBIDDEN, naming the file and
 * why) if the name could reach another folder or if the file there is a
 * symbolic link whose target is outside `dir`, or dangling: writing through
 * a dangling link would create its target wherever it points. A file that
 * does not exist yet is fine: it will be created in `dir` itself.
 */
export function fileInside(dir: string, name: string, what = 'file name'): string {
  const problem = nameProblem(name);
  if (problem) throw new AppError('FORBIDDEN', `${what} ${shown(name)} refused: ${problem}`);
  const file = path.join(dir, name);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return file; // not there yet
  }
  if (stat.isSymbolicLink()) {
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch {
      throw new AppError('FORBIDDEN', `${what} ${shown(name)} refused: it is a symbolic link to nothing`);
    }
    if (path.dirname(real) !== fs.realpathSync(dir)) {
      throw new AppError('FORBIDDEN', `${what} ${shown(name)} refused: it is a symbolic link that points outside the projects folder`);
    }
    stat = fs.statSync(real);
  }
  if (!stat.isFile()) throw new AppError('FORBIDDEN', `${what} ${shown(name)} refused: it is a folder or device, not a file`);
  return file;
}

export class FolderLocator implements ProjectLocator {
  readonly mode = 'browser' as const;
  constructor(readonly projectsDir: string) {
    fs.mkdirSync(projectsDir, { recursive: true });
  }

  resolve(id: string): string {
    if (!id.endsWith(PROJECT_EXTENSION)) {
      throw new AppError('FORBIDDEN', `project id ${shown(id)} refused: it does not end in ${PROJECT_EXTENSION}`);
    }
    return fileInside(this.projectsDir, id, 'project id');
  }

  idFor(file: string): string {
    return path.basename(file);
  }

  fileForName(name: string): string {
    return this.resolve(fileNameFor(name));
  }
}

export class AbsolutePathLocator implements ProjectLocator {
  readonly mode = 'electron' as const;
  constructor(readonly projectsDir: string) {
    fs.mkdirSync(projectsDir, { recursive: true });
  }

  resolve(id: string): string {
    if (!path.isAbsolute(id) || !id.endsWith(PROJECT_EXTENSION) || id.includes('\0')) {
      throw new AppError('INVALID_INPUT', `"${id}" is not an absolute path to a ${PROJECT_EXTENSION} file`);
    }
    return path.normalize(id);
  }

  idFor(file: string): string {
    return path.resolve(file);
  }

  fileForName(name: string): string {
    return path.join(this.projectsDir, fileNameFor(name));
  }
}
