import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSession, FakeWebContents, app, session } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electron);

const { hardenApp, hardenSession, hardenWebContents, isAllowedRequest, isAppUrl } = await import('../../../src-main/app/security');

const root = path.resolve(__dirname, '../../..');
const indexFile = path.join(root, 'out', 'renderer', 'index.html');
const prod = { devServerUrl: undefined, indexFile };
const dev = { devServerUrl: 'http://localhost:5173', indexFile };
const appUrl = pathToFileURL(indexFile).href;

describe('our page and nothing else', () => {
  it('isAppUrl accepts the built index.html (with hash or query) and refuses every other place', () => {
    expect(isAppUrl(appUrl, prod)).toBe(true);
    expect(isAppUrl(`${appUrl}#/design`, prod)).toBe(true);
    for (const url of [
      'https://evil.example/',
      pathToFileURL(path.join(root, 'out', 'renderer', 'other.html')).href,
      'file:///etc/passwd',
      'http://localhost:5173/',
      'not a url',
      '',
    ]) expect(isAppUrl(url, prod), url).toBe(false);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:51730/', dev)).toBe(false);
    expect(isAppUrl(appUrl, dev)).toBe(false);
  });

  it('isAllowedRequest lets only local schemes through (and the dev server in development)', () => {
    for (const url of [appUrl, 'data:image/png;base64,AAAA', 'blob:file:///3f2a', 'devtools://devtools/bundled/inspector.html']) {
      expect(isAllowedRequest(url, prod), url).toBe(true);
    }
    for (const url of ['https://evil.example/x.js', 'http://127.0.0.1:8080/api', 'ws://localhost:5173/', 'ftp://x/', 'http://localhost:5173/']) {
      expect(isAllowedRequest(url, prod), url).toBe(false);
    }
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedRequest('https://evil.example/', dev)).toBe(false);
  });
});

describe('session hardening', () => {
  let ses: FakeSession;
  beforeEach(() => {
    ses = new FakeSession();
    hardenSession(ses as never, prod);
  });

  it('denies every permission request and check, and every device', () => {
    const wc = new FakeWebContents(appUrl);
    const permissions = [
      'media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'clipboard-sanitized-write',
      'display-capture', 'fullscreen', 'midi', 'midiSysex', 'pointerLock', 'keyboardLock', 'window-management',
      'idle-detection', 'storage-access', 'fileSystem', 'unknown',
    ];
    for (const p of permissions) {
      const granted = vi.fn();
      ses.permissionRequest!(wc, p, granted, { requestingUrl: appUrl });
      expect(granted, p).toHaveBeenCalledExactlyOnceWith(false);
      expect(ses.permissionCheck!(wc, p, 'file://', {}), p).toBe(false);
    }
    expect(ses.devicePermission!({ deviceType: 'usb', origin: 'file://' })).toBe(false);
  });

  it('cancels every remote request and keeps local ones', () => {
    expect(ses.request('https://evil.example/beacon')).toEqual({ cancel: true });
    expect(ses.request('http://192.168.1.10/')).toEqual({ cancel: true });
    expect(ses.request('wss://evil.example/socket')).toEqual({ cancel: true });
    expect(ses.request(appUrl)).toEqual({ cancel: false });
    expect(ses.request(pathToFileURL(path.join(root, 'out', 'renderer', 'assets', 'index.js')).href)).toEqual({ cancel: false });
  });
});

/** `name 'value …'` pairs of a CSP string. */
function directives(csp: string): Map<string, string> {
  return new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name!, values.join(' ')];
  }));
}

describe('Content-Security-Policy', () => {
  const html = fs.readFileSync(path.join(root, 'src-renderer', 'index.html'), 'utf8');
  const meta = directives(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '');

  it('the <meta> policy of index.html is strict: nothing by default, scripts from our bundle only', () => {
    expect(meta.get('default-src')).toBe("'none'");
    expect(meta.get('script-src')).toBe("'self'");
    expect(meta.get('object-src')).toBe("'none'");
    expect(meta.get('base-uri')).toBe("'none'");
    expect(meta.get('frame-src')).toBe("'none'");
    for (const [name, value] of meta) {
      expect(value, name).not.toMatch(/unsafe-eval|https?:|\*/);
      if (name !== 'style-src') expect(value, name).not.toContain('unsafe-inline');
    }
  });

  it('Electron adds the same policy as a header on our page, with no fetch and no framing', () => {
    const ses = new FakeSession();
    hardenSession(ses as never, prod);
    const answer = ses.headers({
      url: appUrl, resourceType: 'mainFrame',
      responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['kept'] },
    }) as { responseHeaders: Record<string, string[]> };
    expect(Object.keys(answer.responseHeaders).sort()).toEqual(['Content-Security-Policy', 'X-Other']);
    const header = directives(answer.responseHeaders['Content-Security-Policy']![0]!);
    const expected = new Map(meta);
    expected.set('connect-src', "'none'");
    expected.set('frame-ancestors', "'none'");
    expect(header).toEqual(expected);
  });

  it('leaves other responses alone (the PDF window, sub-resources)', () => {
    const ses = new FakeSession();
    hardenSession(ses as never, prod);
    expect(ses.headers({ url: 'file:///tmp/nettwin-report-1/report.html', resourceType: 'mainFrame', responseHeaders: {} })).toEqual({});
    expect(ses.headers({ url: appUrl, resourceType: 'script', responseHeaders: {} })).toEqual({});
  });
});

describe('page hardening', () => {
  let wc: FakeWebContents;
  beforeEach(() => {
    wc = new FakeWebContents(appUrl);
    hardenWebContents(wc as never, prod);
  });

  it('will-navigate: anywhere but a reload of our page is prevented', () => {
    expect(wc.prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(wc.prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(wc.prevented('will-navigate', pathToFileURL(path.join(root, 'out', 'renderer', 'other.html')).href)).toBe(true);
    expect(wc.prevented('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(wc.prevented('will-navigate', appUrl)).toBe(false);
  });

  it('a page that is not ours cannot even reload itself', () => {
    const foreign = new FakeWebContents('https://evil.example/');
    hardenWebContents(foreign as never, prod);
    expect(foreign.prevented('will-navigate', 'https://evil.example/')).toBe(true);
  });

  it('sub-frame navigation, redirects and webviews are prevented', () => {
    const sub = { isMainFrame: false, url: 'https://evil.example/', preventDefault: vi.fn() };
    wc.emit('will-frame-navigate', sub);
    expect(sub.preventDefault).toHaveBeenCalled();
    expect(wc.prevented('will-redirect', 'https://evil.example/')).toBe(true);
    expect(wc.prevented('will-attach-webview', { preload: '/evil.js' }, { src: 'https://evil.example/' })).toBe(true);
  });

  it('window.open is denied whatever the URL', () => {
    for (const url of ['https://evil.example/', appUrl, 'about:blank', 'file:///etc/passwd']) {
      expect(wc.windowOpenHandler!({ url }), url).toEqual({ action: 'deny' });
    }
  });
});

describe('hardenApp', () => {
  it('hardens the default session and every web contents created afterwards', () => {
    hardenApp(prod);
    expect(session.defaultSession.permissionRequest).toBeTypeOf('function');
    expect(session.defaultSession.beforeRequest).toBeTypeOf('function');
    expect(app.count('web-contents-created')).toBe(1);
    const later = new FakeWebContents(appUrl);
    app.emit('web-contents-created', {}, later);
    for (const e of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) expect(later.count(e), e).toBe(1);
    expect(later.prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(later.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});
