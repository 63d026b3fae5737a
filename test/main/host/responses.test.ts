import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN, expectNothingLeaked, raw, sleep, startTestHost, statusOf, type TestHost } from './helpers';

// What the host answers to requests that are wrong in shape rather than in permission: always a JSON Result error
// with the right status, never a 500, a stack or a path; and a body too large is cut off, not read to the end.
const MAX_BODY = 64 * 1024;
const MAX_UPLOAD = 256 * 1024;
let t: TestHost;

beforeAll(async () => {
  t = await startTestHost({ limits: { maxBodyBytes: MAX_BODY, maxUploadBytes: MAX_UPLOAD, idleTimeoutMs: 2000, headersTimeoutMs: 2000, requestTimeoutMs: 5000 } });
});
afterAll(async () => {
  expectNothingLeaked(t.replies, t.logs);
  await t.close();
});

const json = (body: string): { ok: boolean; error: { code: string; message: string } } => JSON.parse(body) as { ok: boolean; error: { code: string; message: string } };

describe('browser host: answers to malformed requests', () => {
  it('a wrong method is 405 with the allowed one named, in JSON', async () => {
    for (const [method, p, allowed] of [
      ['GET', '/api/call/app:info', 'POST'],
      ['PUT', '/api/call/app:info', 'POST'],
      ['POST', '/api/events', 'GET'],
      ['DELETE', '/api/files/x.nettwin', 'GET'],
      ['GET', '/api/upload?name=x', 'POST'],
      ['POST', '/', 'GET, HEAD'],
    ] as const) {
      const r = await t.request({ method, path: p });
      expect(r.status, `${method} ${p}`).toBe(405);
      expect(r.headers['allow']).toBe(allowed);
      expect(json(r.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining(`use ${allowed.split(',')[0]}`) } });
    }
    const unknown = await t.request({ method: 'POST', path: '/api/call/no-colon' });
    expect(unknown.status).toBe(404);
    expect(json(unknown.body).error.code).toBe('UNKNOWN_CHANNEL');
  });

  it('a body that is not a JSON object is INVALID_INPUT, naming the channel and what it got', async () => {
    for (const [body, got] of [
      ['[1,2]', 'an array'],
      ['42', 'number'],
      ['"text"', 'string'],
      ['null', 'null'],
      ['true', 'boolean'],
    ] as const) {
      const r = await t.request({ method: 'POST', path: '/api/call/app:info', body });
      expect(r.status, body).toBe(400);
      expect(json(r.body)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: `app:info: request body must be a JSON object, not ${got}` } });
    }
    for (const body of ['{', '{"a":1}}', '\u0000', '\uFEFF{}']) {
      const r = await t.request({ method: 'POST', path: '/api/call/project:list', body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(json(r.body).error).toEqual({ code: 'INVALID_INPUT', message: 'project:list: request body is not JSON' });
    }
    // An object the channel's schema refuses is a Result error from dispatch, answered 200 like every Result.
    const schema = await t.request({ method: 'POST', path: '/api/call/project:open', body: '{"id":5}' });
    expect(schema.status).toBe(200);
    expect(json(schema.body).error.code).toBe('INVALID_INPUT');
  });

  it('a declared body over the limit is refused before it is read', async () => {
    const c = raw(t.port, `POST /api/call/app:info HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nX-NetTwin-Token: ${TOKEN}\r\nContent-Length: ${MAX_BODY + 1}\r\n\r\n`);
    const { data, afterMs } = await c.closed;
    expect(statusOf(data)).toBe(413);
    expect(data).toContain(`"code":"TOO_LARGE","message":"request larger than ${MAX_BODY} bytes"`);
    expect(afterMs).toBeLessThan(1500);
  });

  it('a chunked body that keeps coming past the limit gets 413 and its socket closed', async () => {
    const c = raw(t.port, `POST /api/call/app:info HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nX-NetTwin-Token: ${TOKEN}\r\nTransfer-Encoding: chunked\r\n\r\n`);
    const chunk = `${(16 * 1024).toString(16)}\r\n${'x'.repeat(16 * 1024)}\r\n`;
    let sent = 0;
    const pump = setInterval(() => {
      if (c.socket.destroyed || !c.socket.writable) return clearInterval(pump);
      c.socket.write(chunk);
      sent += 16 * 1024;
    }, 5); // an endless body: the client never stops on its own
    const { data, afterMs } = await c.closed;
    clearInterval(pump);
    expect(statusOf(data)).toBe(413);
    expect(data.toLowerCase()).toContain('connection: close');
    expect(sent).toBeGreaterThan(MAX_BODY);
    expect(afterMs).toBeLessThan(2000);
    expect((await t.call('app:info', {})).status).toBe(200);
  });

  it('an upload over its limit is 413, and its temp file is gone', async () => {
    const r = await t.request({ method: 'POST', path: '/api/upload?name=Huge', body: Buffer.alloc(MAX_UPLOAD + 1) });
    expect(r.status).toBe(413);
    expect(json(r.body).error).toEqual({ code: 'TOO_LARGE', message: `upload larger than ${MAX_UPLOAD} bytes` });
    await sleep(50);
    expect(fs.readdirSync(t.projectsDir).filter((f) => f.startsWith('.upload-') || f.startsWith('Huge'))).toEqual([]);
    const notProject = await t.request({ method: 'POST', path: '/api/upload?name=Plain', body: 'name,cost\n' });
    expect(json(notProject.body).error.code).toBe('NOT_A_PROJECT');
    expect(fs.existsSync(path.join(t.projectsDir, 'Plain.nettwin'))).toBe(false);
  });

  it("oversize headers get 431 and a malformed request 400, both in JSON (Node's refusals, our shape)", async () => {
    const big = raw(t.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nX-Big: ${'a'.repeat(20 * 1024)}\r\n\r\n`);
    const b = (await big.closed).data;
    expect(statusOf(b)).toBe(431);
    expect(b).toContain('{"ok":false,"error":{"code":"INVALID_INPUT","message":"request headers are too large"}}');
    const bad = raw(t.port, 'HELLO THERE\r\n\r\n');
    const d = (await bad.closed).data;
    expect(statusOf(d)).toBe(400);
    expect(d).toContain('"message":"malformed HTTP request"');
    for (const reply of [b, d]) {
      expect(reply).toContain('Cache-Control: no-store');
      expect(reply).toContain('X-Content-Type-Options: nosniff');
      expect(reply).not.toContain(TOKEN);
    }
    // The raw packet of a refused request may carry the token; it is never echoed or logged.
    const leaky = raw(t.port, `GET /api/events?token=${TOKEN} HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n`);
    expect((await leaky.closed).data).not.toContain(TOKEN);
  });

  it('every event-stream and download answer carries no-store and nosniff too', async () => {
    await t.call('project:create', { name: 'Headers' });
    const file = await t.request({ path: '/api/files/Headers.nettwin' });
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toBe('attachment; filename="Headers.nettwin"');
    const sse = raw(t.port, `GET /api/events?token=${TOKEN} HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\n\r\n`);
    const head = await new Promise<string>((r) => sse.socket.once('data', (d: Buffer) => r(d.toString())));
    sse.socket.destroy();
    expect(head).toMatch(/Content-Type: text\/event-stream/);
    expect(head).toMatch(/Cache-Control: no-store/);
    expect(head).toMatch(/X-Content-Type-Options: nosniff/);
  });
});
