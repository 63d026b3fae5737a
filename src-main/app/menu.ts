import { Menu, dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import type { Services } from '../services/container';

/** File menu: New / Open / Save As / Open Recent, carried out in main, announced to the renderer. */
export function buildMenu(win: BrowserWindow, services: Services, recent: () => string[], current: () => string | undefined): void {
  const announce = (projectId: string): void =>
    services.bus.emit('menu:invoked', { command: 'open', projectId });
  const filters = [{ name: 'NetTwin project', extensions: ['nettwin'] }];
  const report = (err: unknown): void => {
    void dialog.showMessageBox(win, { type: 'error', message: err instanceof Error ? err.message : String(err) });
  };
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      {
        label: 'New Project…', accelerator: 'CmdOrCtrl+N',
        click: () => void (async () => {
          const r = await dialog.showSaveDialog(win, { defaultPath: path.join(services.locator.projectsDir, 'Untitled.nettwin'), filters });
          if (r.canceled || !r.filePath) return;
          try {
            const info = services.projects.create(path.basename(r.filePath, '.nettwin'), r.filePath);
            announce(info.id);
          } catch (err) { report(err); }
        })(),
      },
      {
        label: 'Open…', accelerator: 'CmdOrCtrl+O',
        click: () => void (async () => {
          const r = await dialog.showOpenDialog(win, { properties: ['openFile'], filters });
          const f = r.filePaths[0];
          if (r.canceled || f === undefined) return;
          try { announce(services.projects.openById(f).id); } catch (err) { report(err); }
        })(),
      },
      {
        label: 'Open Recent',
        submenu: recent().map((f) => ({
          label: f,
          click: () => { try { announce(services.projects.openById(f).id); } catch (err) { report(err); } },
        })),
      },
      {
        label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S',
        click: () => void (async () => {
          const id = current();
          if (id === undefined) return;
          const r = await dialog.showSaveDialog(win, { filters });
          if (r.canceled || !r.filePath) return;
          try {
            const info = await services.projects.saveAs(id, path.basename(r.filePath, '.nettwin'), r.filePath);
            announce(info.id);
          } catch (err) { report(err); }
        })(),
      },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([file, { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' }]),
  );
}
