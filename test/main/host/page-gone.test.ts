import fs from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, startTestHost, TOKEN, type TestHost } from './helpers';

// A tab closed without its project:close getting through: when the last
// page's event stream closes and none comes back within the grace period,
// the browser host releases the projects it holds open.

const GRACE_MS = 300;

/** A page's event stream; resolves once the host has answered with the stream's headers. */
function eventStream(port: number): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: `/api/events?token=${TOKEN}`, agent: false }, (res) => {
      expect(res.statusCode).toBe(200);
      res.resume();
      resolve(req);
    });
    req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
  });
}

describe('the browser host releases projects when every page has gone', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost({ limits: { clientsGoneGraceMs: GRACE_MS } });
  });
  afterAll(() => t.close());

  const create = async (name: string): Promise<string> => {
    const r = JSON.parse((await t.call('project:create', { name })).body) as { ok: boolean; value: { path: string } };
    expect(r.ok).toBe(true);
    return `${r.value.path}.lock`;
  };

  it('keeps the lock while a page is connected and across a reload within the grace period, then releases it', async () => {
    const lock = await create('Page gone');
    const page = await eventStream(t.port);
    expect(fs.existsSync(lock)).toBe(true);
    // A reload: the stream closes and a new one opens at once.
    page.destroy();
    const reloaded = await eventStream(t.port);
    await sleep(GRACE_MS * 2);
    expect(fs.existsSync(lock)).toBe(true);
    // The tab is closed: no stream comes back.
    reloaded.destroy();
    await sleep(GRACE_MS * 3);
    expect(fs.existsSync(lock)).toBe(false);
    expect(t.logs).toContain('events: every page has gone; releasing open projects');
    // The project opens again for the next page.
    expect((JSON.parse((await t.call('project:open', { id: 'Page gone.nettwin' })).body) as { ok: boolean }).ok).toBe(true);
  });
});
