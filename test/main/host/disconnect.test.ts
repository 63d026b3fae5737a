import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zooGraphml } from '../../shared/io/huge-graphml';
import { startTestHost, TOKEN, type TestHost } from './helpers';

describe('a client that goes away stops the work it asked for', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(() => t.close());

  it('design:import of a large file: the worker is stopped when the client disconnects, nothing is stored, the host answers on', async () => {
    const projectId = (JSON.parse((await t.call('project:create', { name: 'Disconnect' })).body) as { value: { id: string } }).value.id;
    const exchange = t.host.services.exchange;
    const real = exchange.importDesign.bind(exchange);
    const seen: { signal?: AbortSignal | undefined; outcome?: string; settledAt?: number } = {};
    let settled!: () => void;
    const done = new Promise<void>((r) => (settled = r));
    exchange.importDesign = (req, job) => {
      seen.signal = job?.signal;
      const p = real(req, job);
      p.then(
        () => (seen.outcome = 'finished'),
        (e: Error) => (seen.outcome = e.name),
      ).finally(() => {
        seen.settledAt = performance.now();
        settled();
      });
      return p;
    };
    // 40,000 Zoo-style nodes (about 20 MB): seconds of parsing in the import worker.
    const body = JSON.stringify({ projectId, fileName: 'big.graphml', text: zooGraphml(40_000) });
    const req = http.request({
      host: '127.0.0.1', port: t.port, method: 'POST', path: '/api/call/design:import', agent: false,
      headers: { 'Content-Type': 'application/json', 'X-NetTwin-Token': TOKEN },
    });
    req.on('error', () => undefined); // we are the ones hanging up
    req.end(body);
    // Hang up once the host has the request and the import has started.
    while (seen.signal === undefined) await new Promise((r) => setTimeout(r, 20));
    const hungUp = performance.now();
    req.destroy();
    await done;
    expect(seen.signal.aborted).toBe(true);
    expect(seen.outcome).toBe('AbortError');
    expect(seen.settledAt! - hungUp).toBeLessThan(2_000);
    exchange.importDesign = real;
    const list = JSON.parse((await t.call('design:list', { projectId })).body) as { ok: boolean; value: unknown[] };
    expect(list).toMatchObject({ ok: true, value: [] });
  }, 60_000);
});
