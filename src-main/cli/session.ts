import fs from 'node:fs';
import os from 'node:os';
import { createServices, type Services } from '../services/container';
import { findBootstrapKnowledge } from '../services/learning';
import { CliError } from './command';

export interface SessionOptions {
  /** --knowledge FILE: the knowledge base to read and write (else the shipped bootstrap, read-only). */
  knowledge?: string | undefined;
  /** The command answers from history: refuse to start without any knowledge base. */
  needsKnowledge?: boolean;
}

/**
 * The application's services for one command-line run, the same ones the
 * desktop app and the browser host use: project ids are absolute paths (as
 * on the desktop), no recent list is kept, and every project opened during
 * the run is closed when it ends.
 */
export async function withServices<T>(opts: SessionOptions, run: (s: Services) => Promise<T> | T): Promise<T> {
  const bootstrap = findBootstrapKnowledge();
  if (opts.needsKnowledge === true && opts.knowledge === undefined && bootstrap === null) {
    throw new CliError('no knowledge base: pass --knowledge FILE (the shipped resources/knowledge/bootstrap.nettwin is missing; build it with npm run knowledge:build)');
  }
  if (opts.knowledge !== undefined && fs.existsSync(opts.knowledge) && fs.statSync(opts.knowledge).isDirectory()) {
    throw new CliError(`${opts.knowledge} is a folder`);
  }
  const file = opts.knowledge ?? bootstrap;
  const services = createServices({
    mode: 'electron',
    projectsDir: process.cwd(),
    dataDir: os.tmpdir(),
    recent: false,
    ...(file !== null ? { knowledge: { file, readOnly: opts.knowledge === undefined } } : {}),
  });
  try {
    return await run(services);
  } finally {
    services.dispose();
  }
}

/** Opens a project file for the run (creating it, named after the file, when `create` is set and it is missing); returns its id. */
export function openProject(s: Services, file: string, opts: { readOnly?: boolean; create?: boolean } = {}): string {
  const name = file.replace(/^.*[\\/]/, '').replace(/\.nettwin$/i, '');
  return s.projects.openFile(file, { ...(opts.readOnly ? { readOnly: true } : {}), ...(opts.create ? { create: name } : {}) });
}
