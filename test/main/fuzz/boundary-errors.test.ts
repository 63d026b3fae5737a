import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toIpcError } from '../../../src-shared/contract/result';
import { electronTransport, type Transport } from '../../helpers/transports';

/** Cases the IPC fuzz found, kept as plain examples so they stay fixed whatever the fuzz seed. */
describe('errors at the boundary found by the fuzz', () => {
  let t: Transport;
  let dir: string;
  beforeAll(() => {
    t = electronTransport();
    dir = t.services.locator.projectsDir;
    fs.writeFileSync(path.join(dir, 'foreign.nettwin'), 'plain text\n');
  });
  afterAll(() => t.close());

  it('a project name with a lone surrogate is refused before any file is made', async () => {
    for (const name of ['\ud800', 'x\udfff y']) {
      const r = await t.call('project:create', { name });
      expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_INPUT');
      if (!r.ok) expect(r.error.message).toContain('valid Unicode');
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['foreign.nettwin']);
    const emoji = await t.call('project:create', { name: 'Réseau 🔥 東京' }); // well-formed pairs are fine
    expect(emoji.ok).toBe(true);
  });

  it('any text with a lone surrogate is refused with its field, so what is stored reads back identical', async () => {
    const intent = { name: 'ok', siteGroups: [{ role: 'hq', count: 1 }, { role: 'branch', sites: [{ name: 'b\udc00' }] }] };
    const r = await t.call('design:generate', { projectId: 'Réseau 🔥 東京.nettwin', intent, family: 'ring' });
    expect(r.ok ? 'ok' : r.error.message).toBe('design:generate: intent.siteGroups.1.sites.0.name: text must be valid Unicode (a lone surrogate cannot be stored or named on disk)');
    const fine = await t.call('design:generate', { projectId: 'Réseau 🔥 東京.nettwin', intent: { ...intent, name: '🛰️' , siteGroups: [{ role: 'hq', count: 2 }] }, family: 'ring' });
    expect(fine.ok ? (fine.value as { name: string }).name : fine.error).toBe('🛰️ — ring');
  });

  it('a file that is not a project is named without its folder', async () => {
    const r = await t.call('design:list', { projectId: 'foreign.nettwin' });
    expect(r).toEqual({ ok: false, error: { code: 'NOT_A_PROJECT', message: 'foreign.nettwin is not a NetTwin project (not an SQLite file)' } });
  });

  it('an unplanned error keeps file names but not the folders of this machine', () => {
    const fsError = toIpcError(new Error(`ENOENT: no such file or directory, open '${path.join(dir, 'x.nettwin.tmp-1')}'`));
    expect(fsError).toEqual({ code: 'INTERNAL', message: "internal error: ENOENT: no such file or directory, open 'x.nettwin.tmp-1'" });
    expect(toIpcError(new Error("EACCES: permission denied, open 'C:\\Users\\ada\\x.nettwin'")).message).toBe(
      "internal error: EACCES: permission denied, open 'x.nettwin'",
    );
    expect(toIpcError(new Error('3/4 sites placed')).message).toBe('internal error: 3/4 sites placed');
  });
});
