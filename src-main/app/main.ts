import { app, dialog } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices } from '../services/container';
import { createDispatch } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { useNativeBinding } from '../store/db';
import { NativeBindingMissingError, selectNativeBinding, type RuntimeFacts } from '../store/nativeBinding';
import { buildElectronBinding } from './nativeBuild';
import { ElectronPdfRenderer } from './pdf';
import { forwardEvents, registerElectronIpc } from './ipc';
import { buildMenu } from './menu';
import { enableProcessSandbox, hardenApp, isAppUrl, type AppOrigin } from './security';
import { createMainWindow } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const appRoot = path.resolve(here, '..', '..');
const origin: AppOrigin = {
  devServerUrl: process.env['ELECTRON_RENDERER_URL'],
  indexFile: path.join(here, '..', 'renderer', 'index.html'),
};

/** A `.nettwin` given on the command line (first launch or a second instance). */
function projectArg(argv: string[]): string | undefined {
  return argv.slice(1).find((a) => a.endsWith('.nettwin') && fs.existsSync(a));
}

async function prepareNativeBinding(): Promise<void> {
  const facts: RuntimeFacts = {
    electron: process.versions.electron,
    modules: process.versions.modules,
    platform: process.platform,
    arch: process.arch,
  };
  const baseDir = app.isPackaged ? path.join(app.getPath('userData'), 'native') : path.join(appRoot, 'native');
  try {
    useNativeBinding(selectNativeBinding(facts, baseDir, fs.existsSync));
  } catch (err) {
    if (!(err instanceof NativeBindingMissingError)) throw err;
    const moduleDir = path.join(appRoot, 'node_modules', 'better-sqlite3');
    const nodeGypBin = path.join(appRoot, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    const built = await buildElectronBinding({
      facts: { ...facts, electron: process.versions.electron },
      baseDir, moduleDir, nodeGypBin, log: (l) => console.log(l),
    });
    useNativeBinding(built);
  }
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  hardenApp(origin);
  try {
    await prepareNativeBinding();
  } catch (err) {
    dialog.showErrorBox('NetTwin cannot open project files',
      `The database engine for this Electron version is missing and could not be built:\n${(err as Error).message}`);
    app.quit();
    return;
  }
  const services = createServices({
    mode: 'electron',
    projectsDir: path.join(app.getPath('documents'), 'NetTwin'),
    dataDir: app.getPath('userData'),
    pdf: () => new ElectronPdfRenderer(),
  });
  const dispatch = createDispatch(createHandlers(services), (l) => console.error(l));
  const win = createMainWindow(path.join(here, '..', 'preload', 'index.cjs'));
  const isTrusted = (url: string): boolean => isAppUrl(url, origin);
  registerElectronIpc(dispatch, isTrusted);
  forwardEvents(services.bus, () => win.webContents, isTrusted);
  const recentFiles = (): string[] => services.projects.recentFiles();
  buildMenu(win, services, recentFiles, () => services.projects.current);
  services.bus.subscribe((name) => {
    if (name === 'menu:invoked' || name === 'project:changed') buildMenu(win, services, recentFiles, () => services.projects.current);
  });
  const openArg = (argv: string[]): void => {
    const f = projectArg(argv);
    if (f === undefined) return;
    try {
      services.bus.emit('menu:invoked', { command: 'open', projectId: services.projects.openById(path.resolve(f)).id });
    } catch (err) {
      dialog.showErrorBox('Cannot open project', (err as Error).message);
    }
  };
  app.on('second-instance', (_e, argv) => {
    if (win.isMinimized()) win.restore();
    win.focus();
    openArg(argv);
  });
  // The page went away without its project:close (a crash): release the locks, unless work is still running on them.
  // Closing the window disposes the services, which closes every project.
  win.webContents.on('render-process-gone', () => {
    if (services.jobs.activeCount === 0) services.projects.closeAll();
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.once('did-finish-load', () => {
    openArg(process.argv);
    // History read and the predictor fitted (in a worker) before the first recommendation asks.
    services.learning.warm();
  });
  // Only ever our own page: the dev server in development, the built file otherwise.
  if (origin.devServerUrl !== undefined) await win.loadURL(origin.devServerUrl);
  else await win.loadFile(origin.indexFile);
  app.on('window-all-closed', () => {
    services.dispose();
    app.quit();
  });
}

// Before `ready`: sandbox every renderer, including ones a future change forgets to configure.
enableProcessSandbox();
void start();
