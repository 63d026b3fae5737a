import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostLimits } from '../../../src-main/ipc/http';
import { TOKEN, expectNothingLeaked, openFds, raw, sleep, startTestHost, statusOf, timedInfo, type TestHost } from './helpers';

// Slow, stuck and vanishing clients against a real host on a loopback port. Timeouts are short here so the suite is
// quick; production uses DEFAULT_LIMITS (see src-main/ipc/http.ts). While each stall is under way an ordinary client
// must still be answered promptly: the bound is generous (2 s) because five engineers share two cores.
const LIMITS: Partial<HostLimits> = {
  headersTimeoutMs: 500,
  idleTimeoutMs: 500,
  requestTimeoutMs: 3000, // longer than the idle cut-off, so the idle timer is what the body-stall test sees
  keepAliveTimeoutMs: 500,
  sseMaxQueuedBytes: 1024 * 1024,
  ssePingMs: 200,
};
const PROMPT_MS = 2000;
/** The longest a stalled socket may live: its timeout, plus one check period, plus a loaded machine's slack. */
const CUT_OFF_MS = 500 + 125 + 1000;

let t: TestHost;
const figures: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestHost({ limits: LIMITS });
});
afterAll(async () => {
  expectNothingLeaked(t.replies, t.logs);
  await t.close();
  console.log(`normal app:info latency during each stall (max of 5 calls, ms):\n${Object.entries(figures).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
});

/** Five ordinary calls while a stall is going on; records and checks the slowest. */
async function probeWhile(scenario: string): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push(await timedInfo(t));
  const worst = Math.max(...times);
  figures[scenario] = `${worst.toFixed(1)} (median ${times.sort((a, b) => a - b)[2]!.toFixed(1)})`;
  expect(worst, scenario).toBeLessThan(PROMPT_MS);
}

async function waitFor(cond: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return true;
    await sleep(25);
  }
  return cond();
}

const connections = (): Promise<number> => new Promise((r, j) => t.host.server.getConnections((e, n) => (e ? j(e) : r(n))));

describe('browser host: slow or broken clients cannot stall it', () => {
  it('slowloris: headers a byte at a time are cut off at the headers timeout (408), others are served meanwhile', async () => {
    const head = `GET /api/call/app:info HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nX-NetTwin-Token: ${TOKEN}\r\nX-Padding: ${'a'.repeat(200)}\r\n\r\n`;
    const clients = Array.from({ length: 5 }, () => {
      const c = raw(t.port, null);
      let i = 0;
      const drip = setInterval(() => (c.socket.destroyed ? clearInterval(drip) : c.socket.write(head[i++ % head.length]!)), 100);
      c.closed.then(() => clearInterval(drip), () => clearInterval(drip));
      return c;
    });
    await sleep(100);
    await probeWhile('slowloris (5 clients, 1 header byte / 100 ms)');
    for (const c of clients) {
      const { data, afterMs } = await c.closed;
      expect(statusOf(data)).toBe(408);
      expect(data).toContain('"code":"CANCELLED"');
      expect(afterMs).toBeLessThan(CUT_OFF_MS);
    }
  });

  it('a body that stops half way is cut off at the idle timeout, with or without a token', async () => {
    const partial = (token: boolean): ReturnType<typeof raw> =>
      raw(t.port, `POST /api/call/app:info HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\n${token ? `X-NetTwin-Token: ${TOKEN}\r\n` : ''}Content-Length: 1000\r\n\r\n{"a":`);
    const stalled = [partial(true), partial(true), partial(false)];
    await sleep(100);
    await probeWhile('body stalls after 5 of 1000 bytes (3 clients)');
    for (const c of stalled) expect((await c.closed).afterMs).toBeLessThan(CUT_OFF_MS);
    expect(statusOf((await stalled[2]!.closed).data)).toBe(401);
  });

  it('200 idle connections are served alongside and closed at the headers timeout', async () => {
    const before = await connections();
    const idle = Array.from({ length: 200 }, () => raw(t.port, null));
    await waitFor(async () => (await connections()) >= before + 200, 1000);
    expect(await connections()).toBeGreaterThanOrEqual(before + 200);
    await probeWhile('200 idle connections');
    const closed = await Promise.all(idle.map((c) => c.closed));
    expect(Math.max(...closed.map((c) => c.afterMs))).toBeLessThan(CUT_OFF_MS + 500);
    expect(closed.every((c) => statusOf(c.data) === 408)).toBe(true);
  });

  it('an event-stream client that never reads is dropped once its queue passes the limit; a reading one keeps its stream', async () => {
    const open = (): { c: ReturnType<typeof raw>; got: () => number; ready: Promise<void> } => {
      const c = raw(t.port, `GET /api/events?token=${TOKEN} HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\n\r\n`);
      let n = 0;
      let resolveReady!: () => void;
      const ready = new Promise<void>((r) => (resolveReady = r));
      c.socket.on('data', (d: Buffer) => {
        n += d.length;
        if (d.includes(': connected')) resolveReady();
      });
      return { c, got: () => n, ready };
    };
    const stuck = open();
    const reader = open();
    await Promise.all([stuck.ready, reader.ready]);
    stuck.c.socket.pause(); // from here on the kernel buffers fill, then Node's queue for this client grows
    const withStuck = await connections();
    // 16 MB in all, well past the kernel's socket buffers and the 1 MB per-client limit, paced so a reader keeps up.
    const payload = { jobId: 'flood', kind: 'sim:run', done: 1, total: 2, note: 'x'.repeat(64 * 1024) };
    const flood = (async () => {
      for (let i = 0; i < 256; i++) {
        t.host.services.bus.emit('job:progressed', payload as never);
        await sleep(1);
      }
    })();
    await probeWhile('event stream never read, 16 MB of events');
    await flood;
    expect(await waitFor(() => t.logs.some((l) => l.startsWith('events: dropped a client that stopped reading')), CUT_OFF_MS)).toBe(true);
    expect(await waitFor(async () => (await connections()) <= withStuck - 1, CUT_OFF_MS)).toBe(true);
    const dropped = t.logs.find((l) => l.startsWith('events: dropped'))!;
    const queued = Number(/\((\d+) bytes queued\)/.exec(dropped)![1]);
    expect(queued).toBeLessThanOrEqual(1024 * 1024 + 70 * 1024); // the limit plus at most one event
    expect(await waitFor(() => reader.got() > 256 * 64 * 1024, CUT_OFF_MS)).toBe(true);
    expect(reader.c.socket.destroyed).toBe(false);
    expect(t.logs.filter((l) => l.startsWith('events: dropped'))).toHaveLength(1); // only the stuck client
    reader.c.socket.destroy();
    stuck.c.socket.destroy();
  });

  it('clients that leave mid-download, or stop reading one, leave no file or socket open behind them', async () => {
    fs.writeFileSync(path.join(t.projectsDir, 'big.nettwin'), randomBytes(16 * 1024 * 1024));
    const get = `GET /api/files/big.nettwin HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nX-NetTwin-Token: ${TOKEN}\r\n\r\n`;
    const baseline = openFds();
    const firstChunk = (c: ReturnType<typeof raw>): Promise<void> => new Promise((r) => c.socket.once('data', () => r()));
    const leavers = Array.from({ length: 10 }, () => raw(t.port, get));
    await Promise.all(leavers.map(firstChunk));
    for (const c of leavers) c.socket.destroy();
    const stoppers = Array.from({ length: 10 }, () => raw(t.port, get));
    await Promise.all(stoppers.map(firstChunk));
    for (const c of stoppers) c.socket.pause();
    await probeWhile('10 downloads abandoned, 10 downloads no longer read');
    // Leavers: nothing left. Stoppers: cut off at the idle timeout; only our own 10 client sockets remain open.
    expect(await waitFor(() => openFds() <= baseline + 10 + 2, CUT_OFF_MS), `fds ${openFds()} vs baseline ${baseline}`).toBe(true);
    for (const c of stoppers) c.socket.destroy();
    expect(await waitFor(() => openFds() <= baseline + 2, CUT_OFF_MS)).toBe(true);
    fs.rmSync(path.join(t.projectsDir, 'big.nettwin'));
  });
});

describe('browser host: connection and call caps', () => {
  let small: TestHost;
  beforeAll(async () => {
    small = await startTestHost({ limits: { ...LIMITS, maxConnections: 20, maxInFlightCalls: 2 } });
  });
  afterAll(async () => {
    expectNothingLeaked(small.replies, small.logs);
    await small.close();
  });

  it('connections past the cap are closed at once, and the host serves again when the idle ones time out', async () => {
    const started = Date.now();
    const idle = Array.from({ length: 30 }, () => raw(small.port, null));
    const closed = await Promise.all(idle.map((c) => c.closed));
    const atOnce = closed.filter((c) => c.afterMs < 300 && c.data === '').length;
    expect(atOnce).toBeGreaterThanOrEqual(10);
    expect(closed.filter((c) => statusOf(c.data) === 408).length).toBeGreaterThanOrEqual(1);
    expect(Date.now() - started).toBeLessThan(CUT_OFF_MS + 500);
    expect(await timedInfo(small)).toBeLessThan(PROMPT_MS);
  });

  it('calls past the in-flight cap get 503 in JSON instead of queueing without bound', async () => {
    const stalled: net.Socket[] = [];
    for (let i = 0; i < 2; i++) {
      const c = raw(small.port, `POST /api/call/app:info HTTP/1.1\r\nHost: 127.0.0.1:${small.port}\r\nX-NetTwin-Token: ${TOKEN}\r\nContent-Length: 100\r\n\r\n{`);
      stalled.push(c.socket);
    }
    await sleep(150);
    const busy = await small.call('app:info', {});
    expect(busy.status).toBe(503);
    expect(JSON.parse(busy.body)).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('busy') } });
    await sleep(LIMITS.idleTimeoutMs! + 300); // the stalled bodies are cut off and free their slots
    expect((await small.call('app:info', {})).status).toBe(200);
    for (const s of stalled) s.destroy();
  });
});

