import { app, session, type Session, type WebContents } from 'electron';
import { pathToFileURL } from 'node:url';

/** Where the app's own page lives: the dev server in development, else the built index.html. */
export interface AppOrigin {
  readonly devServerUrl: string | undefined;
  /** Absolute path of out/renderer/index.html. */
  readonly indexFile: string;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for our own page (any query or hash), never for another file:// path or another port. */
export function isAppUrl(url: string, origin: AppOrigin): boolean {
  const u = parse(url);
  if (u === null) return false;
  if (origin.devServerUrl !== undefined) {
    const dev = parse(origin.devServerUrl);
    return dev !== null && u.origin === dev.origin;
  }
  return u.protocol === 'file:' && u.pathname === pathToFileURL(origin.indexFile).pathname;
}

// Schemes that never leave the machine. devtools: is Chromium's own inspector.
const LOCAL_SCHEMES = new Set(['file:', 'data:', 'blob:', 'devtools:']);

/** No remote content, ever: only local schemes, plus the dev server (http and its HMR websocket) in development. */
export function isAllowedRequest(url: string, origin: AppOrigin): boolean {
  const u = parse(url);
  if (u === null) return false;
  if (LOCAL_SCHEMES.has(u.protocol)) return true;
  if (origin.devServerUrl === undefined) return false;
  const dev = parse(origin.devServerUrl);
  if (dev === null) return false;
  return (u.protocol === dev.protocol || u.protocol === (dev.protocol === 'https:' ? 'wss:' : 'ws:')) && u.host === dev.host;
}

/** Session-wide: no permission, no device, no remote request; the CSP header on our page. */
export function hardenSession(ses: Session, origin: AppOrigin): void {
  // NetTwin uses no web permission (no camera, notifications, clipboard API, openExternal…): deny all.
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, origin) }));
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (details.resourceType !== 'mainFrame' || !isAppUrl(details.url, origin)) {
      callback({});
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([k]) => k.toLowerCase() !== 'content-security-policy'),
    );
    // The <meta> policy of src-renderer/index.html, tightened: over IPC the page needs no fetch at all,
    // so connect-src 'none' keeps a compromised page from reading other file:// paths. Both are enforced.
    // Written out in full (not built from a constant) so Electronegativity can evaluate it.
    callback({
      responseHeaders: {
        ...headers,
        'Content-Security-Policy': [
          "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'none'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
}

/** Per page: it stays on our page, opens no window, attaches no webview. */
export function hardenWebContents(contents: WebContents, origin: AppOrigin): void {
  contents.on('will-navigate', (event, url) => {
    // Only a reload of our own page is a navigation we accept.
    if (!isAppUrl(url, origin) || url !== contents.getURL()) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault(); // the app has no frames
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Must run before `app` is ready: every renderer sandboxed, whatever its webPreferences say. */
export function enableProcessSandbox(): void {
  app.enableSandbox();
}

/** App-wide hardening, after `app` is ready and before the first window. */
export function hardenApp(origin: AppOrigin): void {
  hardenSession(session.defaultSession, origin);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origin));
}
