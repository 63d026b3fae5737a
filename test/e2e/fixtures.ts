import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';

export { expect } from '@playwright/test';

/** One Playwright worker's host: its own process, port and folders, so workers running side by side share nothing. */
export interface E2eHost {
  url: string;
  pid: number;
  projectsDir: string;
}

const root = path.resolve(import.meta.dirname, '..', '..');

/**
 * `test` with a host per worker (scripts/e2e-host.mjs, started once a worker and stopped with it) and the
 * worker's `baseURL` pointing at it. The host takes any free port (PORT=0) and prints its address once it
 * listens; a host that fails to start fails the worker with its output, never reaches a stranger's host.
 */
export const test = base.extend<{ host: E2eHost }, { workerHost: E2eHost }>({
  workerHost: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; the host needs none
    async ({}, use, workerInfo) => {
      const n = workerInfo.workerIndex;
      const projectsDir = path.join(root, 'test-results', `e2e-projects-${n}`);
      const child = spawn(process.execPath, [path.join(root, 'scripts', 'e2e-host.mjs')], {
        cwd: root,
        env: {
          ...process.env, PORT: '0', NETTWIN_TOKEN: E2E_TOKEN,
          E2E_PROJECTS_DIR: projectsDir, E2E_DATA_DIR: path.join(root, 'test-results', `e2e-data-${n}`),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const killOnExit = (): void => void child.kill('SIGKILL');
      process.on('exit', killOnExit);
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (s: string) => {
          output += s;
          const m = /NetTwin browser app: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
          if (m) resolve(m[1]!);
        });
        child.stderr.setEncoding('utf8').on('data', (s: string) => {
          output += s;
          process.stderr.write(`[e2e host ${n}] ${s}`);
        });
        child.once('exit', (code) => reject(new Error(`the e2e host of worker ${n} ended (exit ${code}) before listening:\n${output}`)));
      });
      fs.mkdirSync(projectsDir, { recursive: true });
      await use({ url, pid: child.pid!, projectsDir });
      const ended = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await ended;
      clearTimeout(timer);
      process.off('exit', killOnExit);
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  host: async ({ workerHost }, use) => use(workerHost),
  baseURL: async ({ workerHost }, use) => use(workerHost.url),
});
