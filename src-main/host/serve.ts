import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createServices, type Services } from '../services/container';
import { createDispatch } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { createHttpHost, type HostLimits } from '../ipc/http';

export interface HostOptions {
  port: number;
  projectsDir: string;
  dataDir: string;
  staticDir: string | null;
  token?: string;
  /** Shorter timeouts in tests; the defaults suit a person's browser (see DEFAULT_LIMITS). */
  limits?: Partial<HostLimits>;
  log?: (line: string) => void;
  /** Fit the learning predictor in a worker once listening (LearningService.warm); tests of the transport turn it off. */
  warmLearning?: boolean;
}

export interface RunningHost {
  url: string;
  token: string;
  port: number;
  server: http.Server;
  /** The services behind the host (tests emit events on its bus). */
  services: Services;
  stop(): Promise<void>;
}

/** Starts the browser host; resolves once it listens, with its URL and a stop function. */
export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const log = opts.log ?? ((l: string) => console.error(l));
  const services = createServices({ mode: 'browser', projectsDir: opts.projectsDir, dataDir: opts.dataDir });
  const dispatch = createDispatch(createHandlers(services), log);
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const files = {
    dir: services.locator.projectsDir,
    download: (id: string) => services.projects.fileForDownload(id),
    adopt: (tmp: string, name: string) => services.projects.adoptUpload(tmp, name),
  };
  let server: http.Server;
  try {
    server = createHttpHost({
      dispatch, bus: services.bus, staticDir: opts.staticDir, port: opts.port, token, files, log,
      // A tab closed without its project:close getting through: release the locks, unless work is still running on them.
      onClientsGone: () => {
        if (services.jobs.activeCount === 0) services.projects.closeAll();
      },
      ...(opts.limits ? { limits: opts.limits } : {}),
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, '127.0.0.1', () => resolve());
    });
  } catch (err) {
    services.dispose(); // a refused token or a taken port must not leave projects open
    throw err;
  }
  // History read and the predictor fitted (in a worker) before the first recommendation asks.
  if (opts.warmLearning !== false) services.learning.warm();
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    server,
    services,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          services.dispose();
          resolve();
        });
      }),
  };
}

export function defaultDataDir(): string {
  const base = process.env['XDG_DATA_HOME'] ?? path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'nettwin');
}

/** `npm run serve` entry. */
export async function runHostFromEnv(repoRoot: string): Promise<void> {
  const port = Number(process.env['PORT'] ?? 5174);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got ${process.env['PORT']}`);
  const projectsDir = path.resolve(process.env['NETTWIN_PROJECTS_DIR'] ?? path.join(repoRoot, 'projects'));
  const staticDir = path.join(repoRoot, 'out', 'renderer');
  const host = await startHost({
    port, projectsDir, dataDir: process.env['NETTWIN_DATA_DIR'] ?? defaultDataDir(),
    staticDir: fs.existsSync(path.join(staticDir, 'index.html')) ? staticDir : null,
    ...(process.env['NETTWIN_TOKEN'] ? { token: process.env['NETTWIN_TOKEN'] } : {}),
  });
  console.log(`NetTwin browser app: ${host.url}`);
  console.log(`Projects folder: ${projectsDir}`);
  const stop = (): void => void host.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
