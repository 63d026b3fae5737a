import { BrowserWindow } from 'electron';

/**
 * The one app window, with our sandboxed preload. The webPreferences are
 * literal here (not spread from a shared constant) so Electronegativity can
 * read them; test/main/security/window.test.ts asserts every key. Most equal
 * Electron's defaults today: written out so an upstream default cannot
 * loosen them silently.
 */
export function createMainWindow(preload: string): BrowserWindow {
  return new BrowserWindow({
    width: 1440, height: 900, show: false, title: 'NetTwin', backgroundColor: '#0f172a',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick', // middle-click would try to open links in a new window
    },
  });
}
