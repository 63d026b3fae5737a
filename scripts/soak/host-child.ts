// The browser host as its own process for the soak, so its memory and file
// descriptors are measured apart from the load generator. It is the same
// startHost as `npm run serve`, on an ephemeral 127.0.0.1 port, API only.
import { startHost } from '../../src-main/host/serve';

const projectsDir = process.env['SOAK_PROJECTS_DIR'];
const dataDir = process.env['SOAK_DATA_DIR'];
const token = process.env['SOAK_TOKEN'];
if (!projectsDir || !dataDir || !token) {
  console.error('soak host: SOAK_PROJECTS_DIR, SOAK_DATA_DIR and SOAK_TOKEN must be set');
  process.exit(2);
}

const host = await startHost({ port: 0, projectsDir, dataDir, staticDir: null, token });
// One JSON line on stdout is the parent's signal that the host listens.
process.stdout.write(`${JSON.stringify({ ready: true, port: host.port, url: host.url.replace(/token=.*/, 'token=…') })}\n`);

// Soak only (this file is not part of the app): with --expose-gc, SIGUSR2 runs a full
// collection and reports the process's memory, so readings compare live data, not garbage.
const gc = (globalThis as { gc?: () => void }).gc;
if (gc) {
  process.on('SIGUSR2', () => {
    gc();
    process.stdout.write(`${JSON.stringify({ memory: process.memoryUsage() })}\n`);
  });
}

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  host.stop().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(`soak host: stop failed: ${String(err)}`);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
