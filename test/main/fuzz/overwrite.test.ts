import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-shared/contract/result';
import { electronTransport, type Transport } from '../../helpers/transports';

/** Found by the IPC fuzz: a name that is another project's must be refused, open or closed, not written over. */
describe('Save As and export by name never replace another project', () => {
  let t: Transport;
  beforeAll(async () => {
    t = electronTransport();
    for (const name of ['Keep', 'Other']) expect((await t.call('project:create', { name })).ok).toBe(true);
    const d = await t.call('design:generate', { projectId: 'Other.nettwin', intent: { siteGroups: [{ role: 'hq', count: 1 }, { role: 'branch', count: 2 }] }, family: 'ring' });
    expect(d.ok).toBe(true);
  });
  afterAll(() => t.close());

  const designsOf = async (id: string) => {
    const r = (await t.call('design:list', { projectId: id })) as Result<unknown[]>;
    return r.ok ? r.value.length : r.error.code;
  };

  for (const closed of [false, true]) {
    it(`refuses with CONFLICT when the other project is ${closed ? 'closed' : 'open'}`, async () => {
      if (closed) expect((await t.call('project:close', { id: 'Other.nettwin' })).ok).toBe(true);
      for (const [channel, input] of [
        ['project:saveAs', { id: 'Keep.nettwin', name: 'Other' }],
        ['project:export', { id: 'Keep.nettwin', name: 'Other', includeHistory: true }],
        ['project:export', { id: 'Keep.nettwin', name: 'Other.nettwin', includeHistory: false }],
      ] as const) {
        if (closed) expect((await t.call('project:close', { id: 'Other.nettwin' })).ok).toBe(true);
        const r = await t.call(channel, input);
        expect(r.ok ? 'ok' : r.error.code, `${channel} ${JSON.stringify(input)}`).toBe('CONFLICT');
        expect(await designsOf('Other.nettwin')).toBe(1);
      }
    });
  }
});
