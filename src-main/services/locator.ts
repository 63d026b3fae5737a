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

export class FolderLocator implements ProjectLocator {
  readonly mode = 'browser' as const;
  constructor(readonly projectsDir: string) {
    fs.mkdirSync(projectsDir, { recursive: true });
  }

  resolve(id: string): string {
    if (id !== path.basename(id) || id.includes('..') || id.includes('\0') || !id.endsWith(PROJECT_EXTENSION)) {
      throw new AppError('FORBIDDEN', `"${id}" is not a project file name inside the projects folder`);
    }
    const file = path.join(this.projectsDir, id);
    const real = fs.existsSync(file) ? fs.realpathSync(file) : file;
    const root = fs.realpathSync(this.projectsDir);
    if (path.dirname(real) !== root) {
      throw new AppError('FORBIDDEN', `"${id}" points outside the projects folder`);
    }
    return file;
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
