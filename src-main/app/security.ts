import { app, session, type WebContents } from 'electron';

/** Loaded pages may only be our own bundle: file:// in production, the dev server in development. */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  if (devServerUrl !== undefined && url.startsWith(devServerUrl)) return true;
  return url.startsWith('file://');
}

/** App-wide hardening: no permissions, no navigation, no new windows, no webviews. */
export function hardenSessions(devServerUrl: string | undefined): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerUrl) || url !== contents.getURL()) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
