import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { startHost, type RunningHost } from '../../../src-main/host/serve';
import type { HostLimits } from '../../../src-main/ipc/http';
import { tempDir } from '../../helpers/tmp';

export const TOKEN = 'host-test-token-Zq8xK2';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** What was asked, for messages. */
  what: string;
}

/** One real host on an ephemeral loopback port, with every reply and log line it produced kept for the leak checks. */
export interface TestHost {
  host: RunningHost;
  port: number;
  dir: string;
  projectsDir: string;
  replies: Reply[];
  logs: string[];
  request(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; token?: string | null }): Promise<Reply>;
  call(channel: string, input: unknown): Promise<Reply>;
  close(): Promise<void>;
}

export async function startTestHost(opts: { limits?: Partial<HostLimits>; staticDir?: string | null } = {}): Promise<TestHost> {
  const tmp = tempDir('nettwin-host-');
  const projectsDir = path.join(tmp.dir, 'projects');
  const logs: string[] = [];
  const host = await startHost({
    port: 0,
    projectsDir,
    dataDir: path.join(tmp.dir, 'data'),
    staticDir: opts.staticDir ?? null,
    token: TOKEN,
    log: (l) => logs.push(l),
    warmLearning: false, // transport tests: no predictor fit in a worker behind each host
    ...(opts.limits ? { limits: opts.limits } : {}),
  });
  const replies: Reply[] = [];
  const t: TestHost = {
    host,
    port: host.port,
    dir: tmp.dir,
    projectsDir,
    replies,
    logs,
    request: async ({ method = 'GET', path: p, headers = {}, body, token = TOKEN }) => {
      const all: Record<string, string> = { ...(token === null ? {} : { 'X-NetTwin-Token': token }), ...headers };
      const r = await request(host.port, method, p, all, body);
      replies.push(r);
      return r;
    },
    call: (channel, input) => t.request({ method: 'POST', path: `/api/call/${channel}`, body: JSON.stringify(input), headers: { 'Content-Type': 'application/json' } }),
    close: async () => {
      await host.stop();
      tmp.cleanup();
    },
  };
  return t;
}

/** A plain HTTP/1.1 request on its own connection (no pooling, so one stalled socket never delays another). */
export function request(port: number, method: string, p: string, headers: Record<string, string>, body?: string | Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: p, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), what: `${method} ${p}` }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A raw TCP client: writes `text`, collects what comes back until the host closes the socket. */
export function raw(port: number, text: string | null): { socket: net.Socket; closed: Promise<{ data: string; afterMs: number }> } {
  const socket = net.connect(port, '127.0.0.1');
  const started = Date.now();
  let data = '';
  socket.on('data', (d: Buffer) => (data += d.toString('latin1')));
  socket.on('error', () => undefined); // a reset is one way of being closed
  if (text !== null) socket.write(text);
  const closed = new Promise<{ data: string; afterMs: number }>((resolve) => socket.on('close', () => resolve({ data, afterMs: Date.now() - started })));
  return { socket, closed };
}

export const statusOf = (rawReply: string): number => Number(/^HTTP\/1\.[01] (\d{3})/.exec(rawReply)?.[1] ?? 0);

/** Time for an ordinary `app:info` call on a fresh connection, and proof it answered. */
export async function timedInfo(h: TestHost): Promise<number> {
  const t0 = performance.now();
  const r = await h.call('app:info', {});
  const ms = performance.now() - t0;
  expect(r.status, r.body).toBe(200);
  expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { mode: 'browser' } });
  return ms;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Open file descriptors of this process (the host runs in it). */
export const openFds = (): number => fs.readdirSync('/proc/self/fd').length;

/**
 * What no reply may carry: the session token anywhere; and in an error, a
 * stack frame, an absolute server path or a bare Node error prefix. API
 * replies are JSON (or SSE / a download), never cached, never sniffed.
 */
export function expectNothingLeaked(replies: Reply[], logs: string[], token = TOKEN): void {
  expect(replies.length).toBeGreaterThan(0);
  const tmpRoot = fs.realpathSync(os.tmpdir());
  for (const r of replies) {
    const all = `${JSON.stringify(r.headers)}\n${r.body}`;
    expect(all.includes(token), `${r.what} echoed the token`).toBe(false);
    if (r.status >= 400) {
      expect(r.body, r.what).not.toMatch(/\n\s+at |^\s+at /m);
      for (const p of ['/work/', '/tmp/', `${tmpRoot}/`, os.homedir() + '/']) expect(r.body.includes(p), `${r.what} leaks a path: ${r.body}`).toBe(false);
      expect(r.body, r.what).not.toMatch(/(^|")(\w*Error|TypeError|RangeError): /);
    }
    if (new URL(r.what.split(' ')[1] ?? '/', 'http://x').pathname.startsWith('/api/')) {
      expect(r.headers['cache-control'], r.what).toBe('no-store');
      expect(r.headers['x-content-type-options'], r.what).toBe('nosniff');
      const type = r.headers['content-type'] ?? '';
      if (!type.startsWith('text/event-stream') && !type.startsWith('application/x-nettwin')) {
        expect(type, r.what).toBe('application/json; charset=utf-8');
        expect(() => JSON.parse(r.body) as unknown, `${r.what}: ${r.body}`).not.toThrow();
      }
    }
  }
  for (const l of logs) expect(l.includes(token), `log line carries the token: ${l}`).toBe(false);
}
