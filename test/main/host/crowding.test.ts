import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN, raw, sleep, startTestHost, timedInfo, type TestHost } from './helpers';

// Issue 14: 300 slow sockets without a token made legitimate calls fail for
// about 10 s, and 256 event streams (with the token) locked everyone else out
// indefinitely: Node's maxConnections refused the newcomer, whoever it was.
// Now sockets that never showed the token leave first, and event streams
// have a cap of their own. Long timeouts here, so nothing frees itself.

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost({ limits: { maxConnections: 20, maxEventStreams: 4, headersTimeoutMs: 30_000, requestTimeoutMs: 60_000, idleTimeoutMs: 30_000, keepAliveTimeoutMs: 30_000 } });
});
afterAll(async () => {
  await t.close();
});

describe('a crowded host still serves the token holder', () => {
  it('60 sockets without a token (silent, or trickling headers): every call with the token is answered at once', async () => {
    const crowd = Array.from({ length: 60 }, (_, i) => raw(t.port, i % 2 === 0 ? null : `GET /api/call/app:info HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\n`));
    await sleep(200);
    for (let i = 0; i < 10; i++) expect(await timedInfo(t)).toBeLessThan(2000);
    // The crowd was thinned, not the host's capacity: at most the cap is open.
    const open = await new Promise<number>((r, j) => t.host.server.getConnections((e, n) => (e ? j(e) : r(n))));
    expect(open).toBeLessThanOrEqual(20);
    for (const c of crowd) c.socket.destroy();
  });

  it('30 event streams with the token: at most 4 stay open and calls keep working', async () => {
    const streams = Array.from({ length: 30 }, () => raw(t.port, `GET /api/events?token=${TOKEN} HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\n\r\n`));
    await sleep(300);
    const alive = streams.filter((s) => !s.socket.destroyed && s.socket.readyState === 'open').length;
    for (let i = 0; i < 5; i++) expect(await timedInfo(t)).toBeLessThan(2000);
    expect(alive).toBeGreaterThan(0);
    const closed = (await Promise.all(streams.map((s) => Promise.race([s.closed.then(() => 1), sleep(200).then(() => 0)])))).reduce((a: number, b) => a + b, 0);
    expect(closed).toBeGreaterThanOrEqual(26);
    for (const s of streams) s.socket.destroy();
  });
});
