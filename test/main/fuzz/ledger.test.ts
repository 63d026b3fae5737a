import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/contract/result';
import { createDispatch } from '../../../src-main/ipc/dispatch';
import { createHandlers, type Handlers } from '../../../src-main/ipc/handlers';
import { createServices, type Services } from '../../../src-main/services/container';
import type { Transport } from '../../helpers/transports';
import { tempDir } from '../../helpers/tmp';
import { errorProblem, Ledger } from './ledger';
import { INTENT } from './world';

/**
 * The fuzz's checker must be able to fail: here handlers that half-write,
 * write too much, or write during a read are caught, and so are errors that
 * leak a stack or a folder.
 */

const P = 'Fuzz.nettwin';

describe('the fuzz ledger catches what it is there to catch', () => {
  const tmp = tempDir();
  let services: Services;
  let ledger: Ledger;
  let designId: string;
  beforeAll(async () => {
    services = createServices({ mode: 'browser', projectsDir: path.join(tmp.dir, 'projects'), dataDir: path.join(tmp.dir, 'data') });
    const real = createHandlers(services);
    const project = () => services.projects.writable(P);
    const fakes: Partial<Handlers> = {
      // Half-written: a row lands, then the call fails outside any transaction.
      'design:rename': ({ designId: id }) => {
        project().audit.append('user', 'design.rename', id);
        throw new AppError('CONFLICT', 'renamed elsewhere');
      },
      // Writes one validation more than its channel allows.
      'design:validate': (input) => {
        void real['design:validate'](input, {});
        return real['design:validate'](input, {});
      },
      // A read that changes a row in place (no count changes).
      'design:list': ({ projectId }) => {
        const p = services.projects.writable(projectId);
        const first = p.topologies.list()[0];
        if (first) p.topologies.rename(first.id, 'changed by a read');
        return p.topologies.list();
      },
    };
    const dispatch = createDispatch({ ...real, ...fakes });
    const t: Transport = {
      name: 'electron',
      services,
      call: (channel, input) => dispatch(channel, input),
      listen: () => Promise.reject(new Error('not used')),
      close: async () => services.dispose(),
    };
    ledger = new Ledger(t);
    const created = await ledger.call('project:create', { name: 'Fuzz' });
    expect(created.ok).toBe(true);
    ledger.watched.push(P);
    const d = await ledger.call('design:generate', { projectId: P, intent: INTENT, family: 'ring' });
    designId = d.ok ? (d.value as { id: string }).id : '';
  });
  afterAll(() => {
    services.dispose();
    tmp.cleanup();
  });

  it('a failed call that left a row behind', async () => {
    await expect(ledger.call('design:rename', { projectId: P, designId, name: 'x' })).rejects.toThrow(
      /a failed call changed Fuzz\.nettwin: audit_log: \d+ → \d+/,
    );
  });

  it('a successful call that wrote more rows than its channel allows', async () => {
    await expect(ledger.call('design:validate', { projectId: P, designId })).rejects.toThrow(
      /validation_records: \d+ → \d+ \(changed by 2, allowed 1\)/,
    );
  });

  it('a read that changed a row in place', async () => {
    await expect(ledger.call('design:list', { projectId: P })).rejects.toThrow(/a read changed Fuzz\.nettwin: rows changed in place/);
  });

  it('rows written behind the ledger show at the end', () => {
    const audited = () => /audit_log: \d+ → (\d+)/.exec(ledger.verifyAll().join('\n'))?.[1];
    const before = Number(audited()); // the half-written row above is already unaccounted for
    expect(before).toBeGreaterThan(0);
    services.projects.writable(P).audit.append('user', 'unaccounted', null);
    expect(Number(audited())).toBe(before + 1);
  });

  it('errors that leak a stack, a folder, an internal name, or are INTERNAL', () => {
    const dir = services.locator.projectsDir;
    expect(errorProblem({ code: 'NOT_FOUND', message: 'x\n    at f (/a.js:1:1)' }, {}, dir)).toMatch(/stack/);
    expect(errorProblem({ code: 'NOT_FOUND', message: `${dir}/a.nettwin missing` }, {}, dir)).toMatch(/leaks/);
    expect(errorProblem({ code: 'INVALID_INPUT', message: 'SQLITE_CONSTRAINT: NOT NULL' }, {}, dir)).toMatch(/leaks "SQLITE_"/);
    expect(errorProblem({ code: 'INTERNAL', message: 'internal error: boom' }, {}, dir)).toMatch(/INTERNAL/);
    expect(errorProblem({ code: 'OOPS', message: 'x' }, {}, dir)).toMatch(/unknown error code/);
    // The caller's own words may come back: "/tmp/x.nettwin" was sent, so echoing it is no leak.
    expect(errorProblem({ code: 'FORBIDDEN', message: '"/tmp/x.nettwin" is outside' }, { id: '/tmp/x.nettwin' }, dir)).toBeNull();
  });
});
