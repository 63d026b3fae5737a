import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../../src-shared/contract/channels';
import { contract } from '../../../src-shared/contract/contract';
import type { Result } from '../../../src-shared/contract/result';
import { DEFAULT_PRICE_BOOK } from '../../../src-shared/cost/pricebook';
import { electronTransport, httpTransport, type Transport } from '../../helpers/transports';

/**
 * Every user-named field that reaches SQL goes in through the services (both
 * transports) full of quotes, semicolons, SQL, placeholders, Unicode, emoji,
 * bidi controls and 10,000 characters, and comes back identical. Where the
 * contract limits a field's length or characters, the value is refused with
 * INVALID_INPUT naming the field instead — never stored altered.
 */

const HOSTILE = [
  "O'Brien",
  "'); DROP TABLE topology_records;--",
  '"; DELETE FROM audit_log; --',
  "' OR '1'='1",
  'semi;colons;everywhere;',
  '? :name @p $1 %s %_\\',
  'back`tick` and $(sub) ${tpl}',
  '東京 本社 ✈ Zürich Ørsted',
  '🔥🌐🛰️ 👩‍👩‍👧 family',
  'abc \u202eevil.exe\u202c def',
  'مرحبا بالعالم',
  'שלום עולם',
  'tab\tinside and line\nbreak',
  'nul\u0000inside',
  'x'.repeat(10_000),
];
/** SQL attacks that fit every field (even file-safe project names): they must be stored, never refused. */
const MUST_FIT = [HOSTILE[0], HOSTILE[1], HOSTILE[3], HOSTILE[4]];

const INTENT = { name: 'Names', siteGroups: [{ role: 'hq', count: 1 }, { role: 'branch', count: 2 }] };

const value = <T>(r: Result<unknown>, what: string): T => {
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
};

describe.each([
  ['electron', async () => electronTransport()],
  ['http', async () => httpTransport()],
] as const)('hostile names round trip over %s', (_name, open) => {
  let t: Transport;
  let projectId: string;
  beforeAll(async () => {
    t = await open();
    projectId = value<{ id: string }>(await t.call('project:create', { name: 'Names' }), 'create').id;
  });
  afterAll(() => t.close());

  /** Calls `channel`; true when stored (the caller then reads it back), false when the contract refused it cleanly. */
  async function store(channel: Channel, input: Record<string, unknown>, v: string): Promise<Result<unknown> | null> {
    const accepted = contract[channel].input.safeParse(input).success;
    if (MUST_FIT.includes(v)) expect(accepted, `${channel} refuses ${JSON.stringify(v)}`).toBe(true);
    const r = await t.call(channel, input);
    if (accepted) {
      expect(r.ok ? null : r.error, `${channel} ${JSON.stringify(v).slice(0, 60)}`).toBeNull();
      return r;
    }
    expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_INPUT');
    return null;
  }

  it('project names: create, reopen, list, Save As and export', async () => {
    let stored = 0;
    for (const [i, v] of HOSTILE.entries()) {
      const created = await store('project:create', { name: v }, v);
      if (!created) continue;
      stored++;
      const id = value<{ id: string; name: string }>(created, 'create').id;
      expect(value<{ name: string }>(created, 'create').name).toBe(v);
      await t.call('project:close', { id });
      expect(value<{ name: string }>(await t.call('project:open', { id }), 'open').name).toBe(v);
      expect(value<{ id: string; name: string }[]>(await t.call('project:list', {}), 'list').find((p) => p.id === id)?.name).toBe(v);
      const copy = `${i} ${v}`.slice(0, 120);
      expect(value<{ name: string }>(await t.call('project:saveAs', { id, name: copy }), 'saveAs').name).toBe(copy);
      const share = `${i} shared ${v}`.slice(0, 120);
      expect(value<{ name: string }>(await t.call('project:export', { id, name: share, includeHistory: false }), 'export').name).toBe(share);
    }
    expect(stored).toBeGreaterThanOrEqual(MUST_FIT.length);
  });

  it('intent, site, region and design names through generate, rename and edit', async () => {
    for (const v of HOSTILE) {
      const intent = { ...INTENT, name: v, siteGroups: [{ role: 'hq', region: v, sites: [{ name: v }] }, { role: 'branch', count: 2 }] };
      const generated = await store('design:generate', { projectId, intent, family: 'ring', seed: 1 }, v);
      if (generated) {
        const rec = value<{ id: string; name: string; intentId: string; topology: { sites: { name: string; region: string }[] } }>(
          await t.call('design:get', { projectId, designId: value<{ id: string }>(generated, 'generate').id }), 'get');
        expect(rec.name).toBe(`${v} — ring`);
        expect(rec.topology.sites.find((s) => s.name === v)?.region).toBe(v);
        const back = value<{ name: string; intent: { siteGroups: { region: string; sites: { name: string }[] }[] } }>(await t.call('intent:get', { projectId, intentId: rec.intentId }), 'intent');
        expect(back.name).toBe(v);
        expect(back.intent.siteGroups[0]!.sites[0]!.name).toBe(v);
        expect(back.intent.siteGroups[0]!.region).toBe(v);
      }
    }
    const designId = value<{ id: string }>(await t.call('design:generate', { projectId, intent: INTENT, family: 'ring' }), 'base').id;
    for (const v of HOSTILE) {
      if (await store('design:rename', { projectId, designId, name: v }, v)) {
        expect(value<{ name: string }>(await t.call('design:get', { projectId, designId }), 'get').name).toBe(v);
      }
      const rec = value<{ revision: number; topology: { nodes: { name: string }[]; links: { srlgs: string[] }[] } }>(
        await t.call('design:get', { projectId, designId }), 'get');
      const topology = {
        ...rec.topology,
        nodes: rec.topology.nodes.map((n, i) => (i === 0 ? { ...n, name: v, model: v } : n)),
        links: rec.topology.links.map((l, i) => (i === 0 ? { ...l, srlgs: [v] } : l)),
      };
      if (await store('design:update', { projectId, designId, revision: rec.revision, topology }, v)) {
        const back = value<typeof rec & { topology: { nodes: { model?: string }[] } }>(await t.call('design:get', { projectId, designId }), 'get');
        expect([back.topology.nodes[0]!.name, back.topology.nodes[0]!.model, back.topology.links[0]!.srlgs[0]]).toEqual([v, v, v]);
      }
    }
  });

  it('governance actors, decision and undo reasons, policy authors and the price book name', async () => {
    for (const v of HOSTILE) {
      if (await store('optimise:setPolicy', { projectId, actor: v, policy: { autoApproveMaxCostUsd: 0, autoStrategies: [] } }, v)) {
        const audit = value<{ actor: string; action: string }[]>(await t.call('audit:list', { projectId, limit: 1 }), 'audit');
        expect(audit[0]).toMatchObject({ actor: v, action: 'governance.policy' });
      }
      const designId = value<{ id: string }>(await t.call('design:generate', { projectId, intent: INTENT, family: 'hub-spoke' }), 'design').id;
      const run = await t.services.optimise.run({ projectId, designId, strategy: 'resilience', maxSteps: 1 });
      const stepId = run.steps[0]!.id;
      if (await store('optimise:decide', { projectId, stepId, decision: 'approve', actor: v, reason: v }, v)) {
        const step = value<{ id: string; decidedBy: string; decisionReason: string }[]>(await t.call('optimise:list', { projectId, designId }), 'list')[0]!;
        expect([step.decidedBy, step.decisionReason]).toEqual([v, v]);
        const audit = value<{ actor: string; detail: { reason: string } }[]>(await t.call('audit:list', { projectId, limit: 1 }), 'audit');
        expect([audit[0]!.actor, audit[0]!.detail.reason]).toEqual([v, v]);
        if (await store('optimise:undo', { projectId, stepId, actor: v, reason: `${v}!` }, v)) {
          const undone = value<{ status: string; decisionReason: string }[]>(await t.call('optimise:list', { projectId, designId }), 'list')[0]!;
          expect([undone.status, undone.decisionReason]).toEqual(['undone', `${v}!`]);
        }
      }
      if (await store('pricebook:set', { projectId, book: { ...DEFAULT_PRICE_BOOK, name: v } }, v)) {
        expect(value<{ book: { name: string } }>(await t.call('pricebook:get', { projectId }), 'book').book.name).toBe(v);
      }
    }
  });

  it('measured outcomes: matched by a hostile design name, stored with a hostile source', async () => {
    projectId = value<{ id: string }>(await t.call('project:create', { name: 'Outcomes' }), 'create').id; // no namesakes from above
    const designId = value<{ id: string }>(await t.call('design:generate', { projectId, intent: INTENT, family: 'ring' }), 'design').id;
    for (const v of HOSTILE) {
      if (!contract['design:rename'].input.safeParse({ projectId, designId, name: v }).success || v.includes('\n') || v.includes('\t')) continue;
      value(await t.call('design:rename', { projectId, designId, name: v }), 'rename');
      const text = JSON.stringify([{ design: v, metric: 'utilisation', value: 0.25 }]);
      const r = await store('outcomes:import', { projectId, text, source: v }, v);
      if (!r) continue;
      expect(value<{ rows: { design: string }[] }>(r, 'import').rows[0]!.design).toBe(designId);
      const stored = t.services.projects.get(projectId).outcomes.list(designId).at(-1)!;
      expect([stored.source, stored.actual]).toEqual([v, 0.25]);
    }
  });

  it('a design name two designs share is refused for outcomes, not guessed', async () => {
    for (let i = 0; i < 2; i++) {
      const id = value<{ id: string }>(await t.call('design:generate', { projectId, intent: INTENT, family: 'ring' }), 'twin').id;
      value(await t.call('design:rename', { projectId, designId: id, name: "Twin'; --" }), 'rename');
    }
    const r = await t.call('outcomes:import', { projectId, text: 'design,metric,value\n"Twin\'; --",utilisation,0.5\n', source: 'x.csv' });
    expect(r).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '2 designs are named "Twin\'; --": give the design\'s id instead' } });
  });
});
