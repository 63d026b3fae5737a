import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost } from '../../../src-main/host/serve';
import { DEFAULT_LIMITS, createHttpHost } from '../../../src-main/ipc/http';
import { EventBus } from '../../../src-main/services/events';
import { tempDir } from '../../helpers/tmp';
import { TOKEN, expectNothingLeaked, raw, startTestHost, statusOf, type TestHost } from './helpers';

// Who may talk to the browser host: its own page on its own loopback origin, holding the session token.
let t: TestHost;
const staticTmp = tempDir('nettwin-static-');

beforeAll(async () => {
  fs.writeFileSync(path.join(staticTmp.dir, 'index.html'), '<!doctype html><title>NetTwin</title>');
  t = await startTestHost({ staticDir: staticTmp.dir });
});
afterAll(async () => {
  expectNothingLeaked(t.replies, t.logs);
  await t.close();
  staticTmp.cleanup();
});

const info = { method: 'POST', path: '/api/call/app:info', body: '{}' };

describe('browser host: Host and Origin (DNS rebinding, cross-site requests)', () => {
  it('answers only to the loopback name and port it serves', async () => {
    const p = t.port;
    expect((await t.request({ ...info, headers: { Host: `127.0.0.1:${p}` } })).status).toBe(200);
    expect((await t.request({ ...info, headers: { Host: `localhost:${p}` } })).status).toBe(200);
    for (const host of ['evil.example:80', `127.0.0.1.evil.example:${p}`, `localhost.:${p}`, `localhost.evil.example:${p}`, '127.0.0.1', `127.0.0.1:${p + 1}`, `[::1]:${p}`, `LOCALHOST:${p}`]) {
      const r = await t.request({ ...info, headers: { Host: host } });
      expect(r.status, `Host: ${host}`).toBe(421);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // The static app is refused to a rebound name as well.
    expect((await t.request({ path: '/', token: null, headers: { Host: `127.0.0.1.evil.example:${p}` } })).status).toBe(421);
  });

  it('refuses a request with no Host at all', async () => {
    // HTTP/1.1 requires Host: Node's parser refuses; HTTP/1.0 gets through the parser and our check refuses.
    const v11 = raw(t.port, `POST /api/call/app:info HTTP/1.1\r\nX-NetTwin-Token: ${TOKEN}\r\nContent-Length: 2\r\n\r\n{}`);
    expect(statusOf((await v11.closed).data)).toBe(400);
    const v10 = raw(t.port, `POST /api/call/app:info HTTP/1.0\r\nX-NetTwin-Token: ${TOKEN}\r\nContent-Length: 2\r\n\r\n{}`);
    const r10 = (await v10.closed).data;
    expect(statusOf(r10)).toBe(421);
    expect(r10).not.toContain('"ok":true');
    const empty = raw(t.port, `POST /api/call/app:info HTTP/1.1\r\nHost: \r\nX-NetTwin-Token: ${TOKEN}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
    expect(statusOf((await empty.closed).data)).toBe(421);
  });

  it('refuses another origin, and a cross-site request that sends no Origin', async () => {
    const p = t.port;
    expect((await t.request({ ...info, headers: { Origin: `http://127.0.0.1:${p}` } })).status).toBe(200);
    expect((await t.request({ ...info, headers: { Origin: `http://localhost:${p}` } })).status).toBe(200);
    for (const origin of ['http://evil.example', 'null', `https://127.0.0.1:${p}`, `http://127.0.0.1:${p + 1}`, `127.0.0.1:${p}`, `http://127.0.0.1:${p}.evil.example`]) {
      expect((await t.request({ ...info, headers: { Origin: origin } })).status, `Origin: ${origin}`).toBe(403);
    }
    // A form POSTed from another site (old browsers omit Origin; every current one says cross-site here).
    const form = { method: 'POST', path: '/api/call/project:create', body: '{"name":"csrf"}', headers: { 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'text/plain' } };
    expect((await t.request(form)).status).toBe(403);
    expect((await t.request({ ...form, headers: { ...form.headers, 'Sec-Fetch-Site': 'same-site' } })).status).toBe(403); // another port of localhost
    expect(fs.existsSync(path.join(t.projectsDir, 'csrf.nettwin'))).toBe(false);
    expect((await t.request({ ...info, headers: { 'Sec-Fetch-Site': 'same-origin' } })).status).toBe(200);
    expect((await t.request({ ...info, headers: { 'Sec-Fetch-Site': 'none' } })).status).toBe(200);
  });
});

describe('browser host: the session token', () => {
  it('is required on every /api/ path, and not on the static app', async () => {
    const paths: [string, string][] = [
      ['POST', '/api/call/app:info'],
      ['POST', '/api/call/project:list'],
      ['GET', '/api/events'],
      ['GET', '/api/files/anything.nettwin'],
      ['POST', '/api/upload?name=x'],
      ['GET', '/api/nothing-here'],
      ['GET', '/api/'],
    ];
    for (const [method, p] of paths) {
      const r = await t.request({ method, path: p, token: null, ...(method === 'POST' ? { body: '{}' } : {}) });
      expect(r.status, `${method} ${p}`).toBe(401);
      expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'missing or wrong session token' } });
    }
    const page = await t.request({ path: '/', token: null });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>NetTwin</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('must match exactly: empty, wrong, wrong-case, truncated or extended tokens are refused', async () => {
    // (A leading or trailing space is optional whitespace in HTTP: the parser strips it, so it is not a different token.)
    for (const bad of ['', ' ', 'wrong', TOKEN.toUpperCase(), TOKEN.toLowerCase(), TOKEN.slice(0, -1), `${TOKEN}x`, `${TOKEN} x`, `${TOKEN},${TOKEN}`]) {
      expect((await t.request({ ...info, token: bad })).status, JSON.stringify(bad)).toBe(401);
    }
    // Header names are case-insensitive in HTTP, so any spelling of the name works; the value never does.
    expect((await t.request({ ...info, token: null, headers: { 'x-nettwin-token': TOKEN } })).status).toBe(200);
    expect((await t.request({ ...info, token: null, headers: { 'X-NETTWIN-TOKEN': TOKEN } })).status).toBe(200);
    expect((await t.request({ ...info, token: null, headers: { 'X-NetTwin-Token': TOKEN.toUpperCase() } })).status).toBe(401);
  });

  it('is taken from ?token= only on GET (event streams and download links cannot set headers)', async () => {
    expect((await t.request({ method: 'POST', path: `/api/call/app:info?token=${TOKEN}`, token: null, body: '{}' })).status).toBe(401);
    const r = await t.request({ path: `/api/files/none.nettwin?token=${TOKEN}`, token: null });
    expect(r.status).toBe(404); // past the token check, into the route
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.request({ path: `/api/files/none.nettwin?token=${TOKEN.slice(1)}`, token: null })).status).toBe(401);
  });

  it('a host never starts with an empty or short token', async () => {
    const tmp = tempDir();
    try {
      for (const token of ['', 'short', 'has space in it']) {
        await expect(startHost({ port: 0, projectsDir: path.join(tmp.dir, 'p'), dataDir: path.join(tmp.dir, 'd'), staticDir: null, token })).rejects.toThrow(/session token/);
      }
    } finally {
      tmp.cleanup();
    }
  });

  it('the production limits are the documented ones', () => {
    const server = createHttpHost({ dispatch: async () => ({ ok: true, value: null }), bus: new EventBus(), staticDir: null, port: 0, token: TOKEN });
    expect(server.headersTimeout).toBe(10_000);
    expect(server.requestTimeout).toBe(120_000);
    expect(server.keepAliveTimeout).toBe(5_000);
    // The connection cap is kept by the host's own guard (who leaves first), not by Node's maxConnections.
    expect(DEFAULT_LIMITS).toMatchObject({ maxConnections: 256, maxEventStreams: 32, idleTimeoutMs: 30_000, maxBodyBytes: 32 * 1024 * 1024, maxUploadBytes: 1024 ** 3, sseMaxQueuedBytes: 8 * 1024 * 1024 });
  });
});
