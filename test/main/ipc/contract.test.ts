import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../../src-shared/contract/channels';
import type { Result } from '../../../src-shared/contract/result';
import { electronTransport, httpTransport, type Transport } from '../../helpers/transports';

const intent = { name: 'Contract', siteGroups: [{ role: 'hq', count: 1 }, { role: 'branch', count: 5 }] };

/** Replaces what legitimately differs between two runs: ids, times, temp paths. */
function normalise(v: unknown): unknown {
  return JSON.parse(
    JSON.stringify(v)
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
      .replace(/"(createdAt|updatedAt|modifiedAt|decidedAt|builtAt|elapsedMs|ms|at)":[\d.e+-]+/g, '"$1":0')
      .replace(/"(path|projectsDir)":"[^"]*"/g, '"$1":"<path>"'),
  );
}

const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

/** Drives every channel once with valid input, in an order where each has what it needs. */
async function scenario(t: Transport): Promise<Record<Channel, unknown>> {
  const out: Partial<Record<Channel, unknown>> = {};
  const run = async (c: Channel, input: unknown) => (out[c] = normalise(value(await t.call(c, input))));
  await run('app:info', {});
  const created = value<{ id: string }>(await t.call('project:create', { name: 'Alpha' }));
  out['project:create'] = normalise(created);
  const projectId = created.id;
  await run('project:list', {});
  await run('project:open', { id: projectId });
  const summary = value<{ id: string }>(await t.call('design:generate', { projectId, intent, family: 'hub-spoke', seed: 7 }));
  out['design:generate'] = normalise(summary);
  await run('design:list', { projectId });
  const rec = value<{ intentId: string; topology: { nodes: { id: string; name: string }[]; links: { id: string }[] } }>(await t.call('design:get', { projectId, designId: summary.id }));
  out['design:get'] = normalise(rec);
  await run('design:savePositions', { projectId, designId: summary.id, positions: [{ id: rec.topology.nodes[0]!.id, x: 10, y: 20 }] });
  await run('design:rename', { projectId, designId: summary.id, name: 'Renamed' });
  await run('design:validate', { projectId, designId: summary.id });
  const validated = await t.listen('job:finished', (p) => p['kind'] === 'design:validate');
  const validateJob = value<{ jobId: string }>(await t.call('design:validateJob', { projectId, designId: summary.id }));
  out['design:validateJob'] = { jobId: typeof validateJob.jobId };
  expect((await validated.event)['ok']).toBe(true);
  const edited = { ...rec.topology, nodes: rec.topology.nodes.map((n, i) => (i === 0 ? { ...n, name: 'Edited HQ' } : n)) };
  await run('design:update', { projectId, designId: summary.id, revision: 2, topology: edited });
  const stale = await t.call('design:update', { projectId, designId: summary.id, revision: 2, topology: edited });
  expect(stale.ok ? null : stale.error.code).toBe('CONFLICT'); // revision 2 is no longer current: refused, not overwritten
  await run('intent:get', { projectId, intentId: rec.intentId });
  await run('intent:revise', { projectId, intentId: rec.intentId, edit: { kind: 'redundancy', from: 'STANDARD', to: 'HIGH' } });
  // The stored intent no longer says what the edit starts from: refused, not applied twice.
  const revised = value<{ id: string }>(await t.call('intent:revise', { projectId, intentId: rec.intentId, edit: { kind: 'redundancy', from: 'STANDARD', to: 'HIGH' } }));
  const twice = await t.call('intent:revise', { projectId, intentId: revised.id, edit: { kind: 'redundancy', from: 'STANDARD', to: 'HIGH' } });
  expect(twice.ok ? null : twice.error.code).toBe('CONFLICT');
  const book = value<{ book: { devices: unknown } }>(await t.call('pricebook:get', { projectId })).book;
  out['pricebook:get'] = normalise(book);
  await run('pricebook:set', { projectId, book });
  expect(value<{ custom: boolean }>(await t.call('pricebook:get', { projectId })).custom).toBe(true);
  const { event } = await t.listen('job:finished', () => true);
  const job = value<{ jobId: string }>(await t.call('design:generateAll', { projectId, intent, seed: 3 }));
  out['design:generateAll'] = { jobId: typeof job.jobId };
  const finished = await event;
  expect(finished['jobId']).toBe(job.jobId);
  expect(finished['ok']).toBe(true);
  const sweepDone = await t.listen('job:finished', (p) => p['kind'] === 'sim:run');
  const sweep = value<{ jobId: string }>(await t.call('sim:run', { projectId, designId: summary.id, scenarios: ['n1-links', 'n1-nodes'], traffic: 'uniform' }));
  out['sim:run'] = { jobId: typeof sweep.jobId };
  const swept = await sweepDone.event;
  expect(swept['ok']).toBe(true);
  const simulationId = (swept['value'] as { simulationId: string }).simulationId;
  await run('sim:list', { projectId, designId: summary.id });
  const report = value<{ scenarios: unknown[] }>(await t.call('sim:result', { projectId, simulationId }));
  expect(report.scenarios.length).toBe(rec.topology.nodes.length + 5); // 5 links + 6 nodes of a 6-site hub-spoke
  out['sim:result'] = normalise(report);
  await run('design:export', { projectId, designId: summary.id, format: 'json' });
  const exported = value<{ files: Record<string, string> }>(await t.call('design:export', { projectId, designId: summary.id, format: 'graphml' }));
  const imported = await t.call('design:import', { projectId, fileName: 'again.graphml', text: exported.files['topology.graphml']! });
  out['design:import'] = normalise(value(imported));
  const importDone = await t.listen('job:finished', (p) => p['kind'] === 'design:import');
  const importJob = value<{ jobId: string }>(await t.call('design:importJob', { projectId, fileName: 'job.graphml', text: exported.files['topology.graphml']! }));
  out['design:importJob'] = { jobId: typeof importJob.jobId };
  expect((await importDone.event)['ok']).toBe(true);
  const instant = value<{ options: { family: string }[] }>(await t.call('recommend:instant', { intent, projectId }));
  expect(instant.options.length).toBe(9);
  // Model figures depend on the order of history rows (random ids), so compare the answer's structure.
  out['recommend:instant'] = { mode: 'instant', families: instant.options.map((o) => o.family).sort() };
  await run('recommend:upFront', { intent });
  const verifiedDone = await t.listen('job:finished', (p) => p['kind'] === 'recommend:verified');
  const verifiedJob = value<{ jobId: string }>(await t.call('recommend:verified', { intent, projectId, options: 1 }));
  out['recommend:verified'] = { jobId: typeof verifiedJob.jobId };
  const verified = await verifiedDone.event;
  expect(verified['ok']).toBe(true);
  const learned = value<Record<string, unknown>>(await t.call('learn:report', { projectId }));
  out['learn:report'] = Object.keys(learned).sort();
  const csv = `design,metric,value,unit\n${summary.id},utilisation,42,%\n`;
  await run('outcomes:import', { projectId, text: csv, source: 'contract.csv' });
  const measuredLink = rec.topology.links[0]!.id;
  const counters = `time,link,in_bps,out_bps\n2027-01-04T10:00:00Z,${measuredLink},1e9,2e9\n2027-01-04T10:05:00Z,${measuredLink},1.5e9,2.5e9\n`;
  await run('traffic:import', { projectId, designId: summary.id, text: counters, source: 'counters.csv', period: 'day' });
  await run('traffic:periods', { projectId, designId: summary.id });
  await run('traffic:estimate', { projectId, designId: summary.id, method: 'nnls' });
  await run('optimise:setPolicy', { projectId, actor: 'Ada', policy: { autoApproveMaxCostUsd: 0, autoStrategies: [] } });
  await run('optimise:policy', { projectId });
  const optimised = await t.listen('job:finished', (p) => p['kind'] === 'optimise:run');
  const optJob = value<{ jobId: string }>(await t.call('optimise:run', { projectId, designId: summary.id, strategy: 'resilience', maxSteps: 2 }));
  out['optimise:run'] = { jobId: typeof optJob.jobId };
  const optimisedValue = (await optimised.event) as { ok: boolean; value: { steps: { id: string; status: string }[] } };
  expect(optimisedValue.ok).toBe(true);
  const step = optimisedValue.value.steps[0]!;
  expect(step.status).toBe('proposed'); // nothing is auto-approved under this policy
  await run('optimise:list', { projectId, designId: summary.id });
  await run('optimise:decide', { projectId, stepId: step.id, decision: 'approve', actor: 'Ada', reason: 'removes the single point of failure' });
  await run('optimise:undo', { projectId, stepId: step.id, actor: 'Ada', reason: 'board asked to keep the original' });
  // The capacity plan under the same policy (nothing auto-approved): plan, decide, build, compare outcomes.
  const planned = await t.listen('job:finished', (p) => p['kind'] === 'capacity:plan');
  const capJob = value<{ jobId: string }>(await t.call('capacity:plan', { projectId, designId: summary.id, basis: 'intent', growth: '100%', periods: 3 }));
  out['capacity:plan'] = { jobId: typeof capJob.jobId };
  const capDone = await planned.event;
  expect(capDone['ok'], JSON.stringify(capDone['error'] ?? null)).toBe(true);
  const capPlan = capDone['value'] as { id: string; steps: { id: string; status: string }[] };
  expect(capPlan.steps.length).toBeGreaterThan(0);
  expect(capPlan.steps[0]!.status).toBe('proposed');
  await run('capacity:list', { projectId, designId: summary.id });
  await run('capacity:decide', { projectId, stepId: capPlan.steps[0]!.id, decision: 'approve', actor: 'Ada', reason: 'needed before the growth arrives' });
  await run('capacity:built', { projectId, stepId: capPlan.steps[0]!.id, actor: 'Ada' });
  await run('capacity:outcomes', { projectId, planId: capPlan.id });
  await run('design:choose', { projectId, designId: summary.id, actor: 'Ada', reason: 'cheapest that meets the class' });
  await run('design:choices', { projectId });
  // Figures of the search order rest on history (random row order): compare which effects there are and their switches.
  const effectIds = (r: Result<unknown>) => value<{ effects: { id: string; enabled: boolean }[] }>(r).effects.map((e) => `${e.id}=${e.enabled}`);
  out['learn:effects'] = effectIds(await t.call('learn:effects', { projectId }));
  expect(out['learn:effects']).toContain('calibration:utilisation=false'); // one measured design: listed, off until someone opts in
  out['learn:setEffect'] = effectIds(await t.call('learn:setEffect', { projectId, effectId: 'search-order', enabled: false, actor: 'Ada' }));
  expect(out['learn:setEffect']).toContain('search-order=false');
  await run('learn:calibrations', { projectId }); // one measured design: nothing learnt, nothing applied
  expect(out['learn:calibrations']).toEqual([]);
  await run('audit:list', { projectId, limit: 50 });
  const html = value<{ format: string; html: string }>(await t.call('report:generate', { projectId, designId: summary.id, format: 'html' }));
  expect(html.html).toContain('<html');
  out['report:generate'] = { format: html.format };
  await run('job:cancel', { jobId: 'no-such-job' });
  await run('job:status', { jobIds: ['no-such-job'] });
  await run('project:saveAs', { id: projectId, name: 'Beta' });
  await run('project:export', { id: projectId, name: 'Alpha shared', includeHistory: false });
  await run('design:delete', { projectId, designId: summary.id });
  await run('project:close', { id: projectId });
  return out as Record<Channel, unknown>;
}

/** Inputs every channel must refuse with INVALID_INPUT before a handler runs. */
const INVALID: Record<Channel, unknown[]> = {
  'app:info': ['x', { extra: 1 }],
  'project:list': [[], { extra: 1 }],
  'project:create': [{}, { name: '' }, { name: 'a/b' }, { name: 'x'.repeat(500) }],
  'project:open': [{}, { id: 5 }],
  'project:saveAs': [{ id: 'a.nettwin' }, { id: 'a.nettwin', name: '..\\x' }],
  'project:close': [{ id: '' }],
  'project:export': [{ id: 'a.nettwin', name: 'x' }, { id: 'a.nettwin', name: 'x', includeHistory: 'yes' }],
  'design:list': [{ projectId: null }],
  'design:get': [{ projectId: 'a.nettwin' }],
  'design:generate': [{ projectId: 'a.nettwin', intent: { siteGroups: [] }, family: 'hub-spoke' }, { projectId: 'a.nettwin', intent, family: 'star' }],
  'design:generateAll': [{ projectId: 'a.nettwin', intent: { siteGroups: [{ role: 'moon', count: 1 }] } }],
  'design:savePositions': [{ projectId: 'a.nettwin', designId: 'd', positions: [] }, { projectId: 'a.nettwin', designId: 'd', positions: [{ id: 'n', x: 'left', y: 0 }] }],
  'design:rename': [{ projectId: 'a.nettwin', designId: 'd', name: '   ' }],
  'design:delete': [{ projectId: 'a.nettwin' }],
  'design:validate': [{ projectId: 'a.nettwin' }],
  'design:validateJob': [{ projectId: 'a.nettwin' }, { projectId: 'a.nettwin', designId: 'd', extra: 1 }],
  'design:update': [
    { projectId: 'a.nettwin', designId: 'd', revision: 0, topology: { nodes: [], links: [] } },
    { projectId: 'a.nettwin', designId: 'd', revision: 1, topology: { nodes: [{ id: 'a', name: 'A', role: 'moon' }], links: [] } },
  ],
  'intent:get': [{ projectId: 'a.nettwin', intentId: '' }],
  'intent:revise': [
    { projectId: 'a.nettwin', intentId: 'i', edit: { kind: 'budget', from: 1, to: -5 } },
    { projectId: 'a.nettwin', intentId: 'i', edit: { kind: 'maxHops', from: 1, to: 1.5 } },
    { projectId: 'a.nettwin', intentId: 'i', edit: { kind: 'redundancy', from: 'STANDARD', to: 'PLATINUM' } },
    { projectId: 'a.nettwin', intentId: 'i', edit: { kind: 'colour', from: 1, to: 2 } },
  ],
  'design:choose': [{ projectId: 'a.nettwin', designId: 'd', actor: 'Ada' }, { projectId: 'a.nettwin', designId: 'd', actor: ' ', reason: 'x' }],
  'design:choices': [{}],
  'pricebook:get': [{ projectId: 3 }],
  'pricebook:set': [{ projectId: 'a.nettwin', book: { currency: 'USD' } }],
  'design:import': [{ projectId: 'a.nettwin', fileName: 'x.graphml' }, { projectId: 'a.nettwin', fileName: 'x', text: '', format: 'visio' }],
  'design:importJob': [{ projectId: 'a.nettwin', fileName: 'x.graphml' }, { projectId: 'a.nettwin', fileName: '', text: '<graphml/>' }],
  'design:export': [{ projectId: 'a.nettwin', designId: 'd', format: 'pdf' }],
  'sim:run': [{ projectId: 'a.nettwin', designId: 'd', scenarios: [] }, { projectId: 'a.nettwin', designId: 'd', scenarios: ['n3'] }],
  'sim:list': [{ projectId: 'a.nettwin' }],
  'sim:result': [{ projectId: 'a.nettwin', simulationId: 7 }],
  'recommend:instant': [{ intent: {} }, { intent, options: 0 }],
  'recommend:verified': [{ intent, options: 500 }],
  'recommend:upFront': [{ intent: {} }, { intent, projectId: 'a.nettwin' }],
  'learn:report': [{ projectId: '' }],
  'outcomes:import': [{ projectId: 'a.nettwin', text: '', source: 'x' }],
  'learn:effects': [{}, { projectId: 'a.nettwin', extra: 1 }],
  'learn:calibrations': [{ projectId: '' }],
  'learn:setEffect': [
    { projectId: 'a.nettwin', effectId: 'search-order' },
    { projectId: 'a.nettwin', effectId: 'drop table', enabled: true },
    { projectId: 'a.nettwin', effectId: 'search-order', enabled: 'yes' },
    { projectId: 'a.nettwin', effectId: 'search-order', enabled: true, actor: ' ' },
  ],
  'traffic:import': [{ projectId: 'a.nettwin', designId: 'd', text: 'x', source: 'x', period: 'year' }],
  'traffic:periods': [{ projectId: 'a.nettwin' }],
  'traffic:estimate': [{ projectId: 'a.nettwin', designId: 'd', method: 'magic' }],
  'capacity:plan': [{ projectId: 'a.nettwin', designId: 'd', periods: 0 }, { projectId: 'a.nettwin', designId: 'd', bound: 'max' }],
  'capacity:list': [{ projectId: 'a.nettwin' }],
  'capacity:decide': [{ projectId: 'a.nettwin', stepId: 's', decision: 'approve', actor: '', reason: 'x' }],
  'capacity:built': [{ projectId: 'a.nettwin', stepId: 's' }],
  'capacity:outcomes': [{ projectId: 'a.nettwin' }],
  'optimise:run': [{ projectId: 'a.nettwin', designId: 'd', strategy: 'speed' }],
  'optimise:decide': [{ projectId: 'a.nettwin', stepId: 's', decision: 'approve', actor: 'Ada', reason: '' }],
  'optimise:undo': [{ projectId: 'a.nettwin', stepId: 's', actor: '', reason: 'x' }],
  'optimise:list': [{ designId: 'd' }],
  'optimise:policy': [{}],
  'optimise:setPolicy': [{ projectId: 'a.nettwin', actor: 'A', policy: { autoApproveMaxCostUsd: -1, autoStrategies: [] } }],
  'audit:list': [{ projectId: 'a.nettwin', limit: 0 }],
  'report:generate': [{ projectId: 'a.nettwin', format: 'docx' }],
  'job:cancel': [{}, { jobId: 12 }],
  'job:status': [{}, { jobIds: [] }, { jobIds: [''] }],
};

describe('IPC contract through both transports', () => {
  let electron: Transport;
  let http: Awaited<ReturnType<typeof httpTransport>>;
  beforeAll(async () => {
    electron = electronTransport();
    http = await httpTransport();
  });
  afterAll(async () => {
    await electron.close();
    await http.close();
  });

  it('every channel answers valid input identically over Electron IPC and HTTP', async () => {
    const a = await scenario(electron);
    const b = await scenario(http);
    expect(Object.keys(a).sort()).toEqual([...CHANNELS].sort());
    for (const c of CHANNELS) expect(b[c], c).toEqual(a[c]);
    // Every channel twice, including generation, verification and the instant estimate of each
    // family: ~23 s on a quiet machine, over 50 s when vitest shares 2 cores with other files.
  }, 180_000);

  it('every channel refuses invalid input with INVALID_INPUT and a field path, on both transports', async () => {
    expect(Object.keys(INVALID).sort()).toEqual([...CHANNELS].sort());
    for (const t of [electron, http]) {
      for (const c of CHANNELS) {
        for (const input of INVALID[c]) {
          const r = await t.call(c, input);
          expect(r.ok, `${t.name} ${c} ${JSON.stringify(input)}`).toBe(false);
          if (!r.ok) {
            expect(r.error.code).toBe('INVALID_INPUT');
            expect(r.error.message).toContain(c);
            expect(r.error.message).not.toMatch(/\n\s+at /);
          }
        }
      }
    }
  });

  it('service errors come back as codes and one-line messages, never stacks', async () => {
    for (const t of [electron, http]) {
      const missing = await t.call('project:open', { id: 'nope.nettwin' });
      expect(missing).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'project nope.nettwin not found' } });
      const outside = await t.call('project:open', { id: '../etc/passwd.nettwin' });
      expect(outside.ok).toBe(false);
      if (!outside.ok) expect(outside.error.code).toBe('FORBIDDEN');
      const unknown = await t.call('project:explode', {});
      expect(unknown.ok).toBe(false);
      if (!unknown.ok) expect(unknown.error.code).toBe('UNKNOWN_CHANNEL');
    }
  });

  it('the Electron handler refuses calls from frames that are not the app', async () => {
    const { createDispatch } = await import('../../../src-main/ipc/dispatch');
    const { makeIpcHandler } = await import('../../../src-main/ipc/electronHandler');
    const { createHandlers } = await import('../../../src-main/ipc/handlers');
    const handler = makeIpcHandler('app:info', createDispatch(createHandlers(electron.services)), (u) => u.startsWith('file://'));
    expect((await handler({ senderFrame: { url: 'https://evil.example/' } }, {})).ok).toBe(false);
    expect((await handler({ senderFrame: null }, {})).ok).toBe(false);
    expect((await handler({ senderFrame: { url: 'file:///app/index.html' } }, {})).ok).toBe(true);
  });

  it('the HTTP host refuses a wrong token, a foreign Host header and a foreign Origin', async () => {
    const base = `http://127.0.0.1:${http.port}/api/call/app:info`;
    const noToken = await fetch(base, { method: 'POST', body: '{}' });
    expect(noToken.status).toBe(401);
    const { request } = await import('node:http');
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: http.port, path: '/api/call/app:info', method: 'POST', headers: { 'X-NetTwin-Token': http.token, ...headers } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end('{}');
      });
    expect(await status({ Host: 'evil.example:80' })).toBe(421);
    expect(await status({ Origin: 'http://evil.example' })).toBe(403);
    expect(await status({})).toBe(200);
  });
});
