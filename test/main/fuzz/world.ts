import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Channel } from '../../../src-shared/contract/channels';
import type { Result } from '../../../src-shared/contract/result';
import { DEFAULT_PRICE_BOOK } from '../../../src-shared/cost/pricebook';
import type { Transport } from '../../helpers/transports';
import { HOSTILE_STRINGS, type IdPool } from './arbitraries';
import { Ledger } from './ledger';

/**
 * The real projects the fuzz attacks, built through the checked ledger (so
 * its rows are accounted for from the first one): project A with a design,
 * a sweep and optimiser steps; project B with its own records (the "real id
 * in the wrong project"); and hostile files beside them in the projects
 * folder: not SQLite, empty, a directory, a symlink out of the folder, a
 * dangling symlink. Valid payloads are built per call from A's current state
 * (revisions move, steps get decided).
 */

export const INTENT = { name: 'Fuzz', siteGroups: [{ role: 'hq', count: 1 }, { role: 'branch', count: 4 }] };
const ACTOR = 'Ada';

export interface World {
  t: Transport;
  ledger: Ledger;
  a: string;
  b: string;
  d1: string;
  intentA: string;
  simA: string;
  graphml: string;
  /** Wrong-project, missing, traversal and hostile ids for the `id` mutation. */
  ids: IdPool;
  /** Files the fuzz must never change: path → sha1 of bytes. */
  untouchable: Map<string, string>;
  serial: number;
}

const value = <T>(r: Result<unknown>, what: string): T => {
  if (!r.ok) throw new Error(`fixture ${what}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
};

const sha1 = (file: string): string => createHash('sha1').update(fs.readFileSync(file)).digest('hex');

export async function buildWorld(t: Transport): Promise<World> {
  const ledger = new Ledger(t);
  const call = async <T>(c: Channel, input: unknown): Promise<T> => value<T>(await ledger.call(c, input), c);
  const a = (await call<{ id: string }>('project:create', { name: 'Fuzz A' })).id;
  const b = (await call<{ id: string }>('project:create', { name: 'Fuzz B' })).id;
  ledger.watched.push(a, b);
  const d1 = (await call<{ id: string }>('design:generate', { projectId: a, intent: INTENT, family: 'hub-spoke', seed: 7 })).id;
  const intentA = (await call<{ intentId: string }>('design:get', { projectId: a, designId: d1 })).intentId;
  await call('sim:run', { projectId: a, designId: d1, scenarios: ['n1-links'], traffic: 'uniform' });
  const simA = (await call<{ id: string }[]>('sim:list', { projectId: a, designId: d1 }))[0]!.id;
  await call('optimise:setPolicy', { projectId: a, actor: ACTOR, policy: { autoApproveMaxCostUsd: 0, autoStrategies: [] } });
  await call('optimise:run', { projectId: a, designId: d1, strategy: 'resilience', maxSteps: 2 });
  const graphml = (await call<{ files: Record<string, string> }>('design:export', { projectId: a, designId: d1, format: 'graphml' })).files['topology.graphml']!;

  const dB = (await call<{ id: string }>('design:generate', { projectId: b, intent: INTENT, family: 'ring', seed: 3 })).id;
  const intentB = (await call<{ intentId: string }>('design:get', { projectId: b, designId: dB })).intentId;
  await call('sim:run', { projectId: b, designId: dB, scenarios: ['n1-nodes'], traffic: 'uniform' });
  const simB = (await call<{ id: string }[]>('sim:list', { projectId: b, designId: dB }))[0]!.id;
  await call('optimise:run', { projectId: b, designId: dB, strategy: 'resilience', maxSteps: 1 });
  const stepB = (await call<{ id: string }[]>('optimise:list', { projectId: b }))[0]?.id ?? 'no-step-in-b';

  const dir = ledger.dir;
  const outsideDir = path.join(path.dirname(dir), 'outside');
  fs.mkdirSync(outsideDir, { recursive: true });
  const outside = path.join(outsideDir, 'outside.nettwin');
  fs.copyFileSync(path.join(dir, b), outside);
  fs.writeFileSync(path.join(dir, 'foreign.nettwin'), 'this is a text file, not a project\n');
  fs.writeFileSync(path.join(dir, 'empty.nettwin'), '');
  fs.mkdirSync(path.join(dir, 'dir.nettwin'));
  fs.symlinkSync(outside, path.join(dir, 'link.nettwin'));
  fs.symlinkSync(path.join(outsideDir, 'gone.nettwin'), path.join(dir, 'dangling.nettwin'));
  const untouchable = new Map([outside, path.join(dir, 'foreign.nettwin'), path.join(dir, 'empty.nettwin')].map((f) => [f, sha1(f)]));

  const ids: IdPool = {
    real: [b, dB, intentB, simB, stepB],
    realNames: ['Fuzz B', b],
    other: [
      'missing.nettwin', 'no-such-design', '00000000-0000-0000-0000-000000000000', `../${a}`, outside, 'link.nettwin',
      'dangling.nettwin', 'foreign.nettwin', 'empty.nettwin', 'dir.nettwin', '..', '.', 'Fuzz A', ...HOSTILE_STRINGS,
    ],
  };
  return { t, ledger, a, b, d1, intentA, simA, graphml, ids, untouchable, serial: 0 };
}

/** Files outside the ledger that the fuzz must have left byte-for-byte alone. */
export function touchedUntouchables(w: World): string[] {
  return [...w.untouchable].filter(([f, h]) => !fs.existsSync(f) || sha1(f) !== h).map(([f]) => path.basename(f));
}

interface Step {
  id: string;
  status: string;
}

async function steps(w: World): Promise<Step[]> {
  return value<Step[]>(await w.ledger.call('optimise:list', { projectId: w.a }), 'optimise:list');
}

/**
 * A step waiting for a decision in A. When there is none, a fresh hub-spoke
 * design (which the resilience strategy always improves) is optimised under a
 * no-auto policy: the fuzz may have edited the main design past improvement.
 */
async function proposedStep(w: World): Promise<string> {
  const waiting = (await steps(w)).find((x) => x.status === 'proposed');
  if (waiting) return waiting.id;
  await w.ledger.call('optimise:setPolicy', { projectId: w.a, actor: ACTOR, policy: { autoApproveMaxCostUsd: 0, autoStrategies: [] } });
  const r = await w.ledger.call('design:generate', { projectId: w.a, intent: { ...INTENT, name: 'Opt' }, family: 'hub-spoke', seed: 1 });
  await w.ledger.call('optimise:run', { projectId: w.a, designId: value<{ id: string }>(r, 'opt design').id, strategy: 'resilience', maxSteps: 1 });
  return (await steps(w)).find((x) => x.status === 'proposed')?.id ?? 'no-proposed-step';
}

async function appliedStep(w: World): Promise<string> {
  const s = (await steps(w)).find((x) => x.status === 'approved' || x.status === 'auto-approved');
  if (s) return s.id;
  const id = await proposedStep(w);
  await w.ledger.call('optimise:decide', { projectId: w.a, stepId: id, decision: 'approve', actor: ACTOR, reason: 'fixture' });
  return id;
}

interface CapStep {
  id: string;
  status: string;
  builtRevision: number | null;
}

/**
 * A capacity step of a fresh plan on a fresh design in A (the fuzz may have
 * edited the main design, and a built step changes its design): planned under
 * a no-auto policy so every step waits; `approved` approves the first one.
 */
async function capacityPlan(w: World, approved: boolean): Promise<{ planId: string; step: string }> {
  const mine = w.t.services.capacity;
  for (const d of w.t.services.designs.list(w.a).filter((x) => x.name.startsWith('Capacity fixture'))) {
    const plan = mine.list(w.a, d.id)[0];
    const s = plan?.steps.find((x: CapStep) => (approved ? x.status === 'approved' && x.builtRevision === null : x.status === 'proposed'));
    if (plan && s) return { planId: plan.id, step: s.id };
  }
  await w.ledger.call('optimise:setPolicy', { projectId: w.a, actor: ACTOR, policy: { autoApproveMaxCostUsd: 0, autoStrategies: [] } });
  const r = await w.ledger.call('design:generate', { projectId: w.a, intent: { ...INTENT, name: `Capacity fixture ${++w.serial}` }, family: 'hub-spoke', seed: 1 });
  const designId = value<{ id: string }>(r, 'capacity design').id;
  await w.ledger.call('capacity:plan', { projectId: w.a, designId, basis: 'intent', growth: '200%', periods: 3 });
  const plan = mine.list(w.a, designId)[0];
  const first = plan?.steps[0];
  if (!plan || !first) return { planId: plan?.id ?? 'no-plan', step: 'no-capacity-step' };
  if (approved) await w.ledger.call('capacity:decide', { projectId: w.a, stepId: first.id, decision: 'approve', actor: ACTOR, reason: 'fixture' });
  return { planId: plan.id, step: first.id };
}

/** A throw-away design in A for design:delete to remove. */
async function victim(w: World): Promise<string> {
  const list = value<{ id: string; name: string }[]>(await w.ledger.call('design:list', { projectId: w.a }), 'design:list');
  const found = list.find((d) => d.name.startsWith('Victim'));
  if (found) return found.id;
  const r = await w.ledger.call('design:generate', { projectId: w.a, intent: { ...INTENT, name: 'Victim' }, family: 'ring', seed: 1 });
  return value<{ id: string }>(r, 'victim').id;
}

/** Makes sure design d1 of A has a measured period (for traffic:estimate). */
async function validPayloadImport(w: World): Promise<void> {
  if (w.t.services.traffic.periods(w.a, w.d1).length > 0) return;
  await w.ledger.call('traffic:import', await validPayload(w, 'traffic:import'));
}

/** A payload every channel accepts, from A's state now. */
export async function validPayload(w: World, c: Channel): Promise<unknown> {
  const { a, d1 } = w;
  const n = ++w.serial;
  const design = () => w.t.services.designs.get(a, d1);
  switch (c) {
    case 'app:info':
    case 'project:list':
      return {};
    case 'project:create':
      return { name: `Fuzz new ${n}` };
    case 'project:open':
      return { id: a };
    case 'project:saveAs':
      return { id: a, name: `Fuzz copy ${n}` };
    case 'project:export':
      return { id: a, name: `Fuzz share ${n}`, includeHistory: n % 2 === 0 };
    case 'project:close':
      return { id: w.b };
    case 'design:list':
    case 'pricebook:get':
    case 'learn:report':
    case 'learn:effects':
    case 'learn:calibrations':
    case 'optimise:policy':
      return { projectId: a };
    case 'design:get':
    case 'design:validate':
    case 'design:validateJob':
      return { projectId: a, designId: d1 };
    case 'design:generate':
      return { projectId: a, intent: INTENT, family: 'ring', seed: 5 };
    case 'design:generateAll':
      return { projectId: a, intent: { name: 'All', siteGroups: [{ role: 'hq', count: 1 }, { role: 'branch', count: 2 }] }, seed: 2 };
    case 'design:savePositions': {
      const rec = design();
      return { projectId: a, designId: d1, revision: rec.revision, positions: [{ id: rec.topology.nodes[0]!.id, x: n, y: -n }] };
    }
    case 'design:rename':
      return { projectId: a, designId: d1, name: `Main ${n}` };
    case 'design:delete':
      return { projectId: a, designId: await victim(w) };
    case 'design:update': {
      const rec = design();
      const nodes = rec.topology.nodes.map((x, i) => (i === 0 ? { ...x, name: `Edited ${n}` } : x));
      return { projectId: a, designId: d1, revision: rec.revision, topology: { ...rec.topology, nodes } };
    }
    case 'intent:get':
      return { projectId: a, intentId: w.intentA };
    case 'intent:revise':
      // INTENT asks STANDARD (the default) and never changes: each call stores one new record.
      return { projectId: a, intentId: w.intentA, edit: n % 2 === 0 ? { kind: 'redundancy', from: 'STANDARD', to: 'NONE' } : { kind: 'redundancy', from: 'STANDARD', to: 'HIGH' } };
    case 'design:choose':
      return { projectId: a, designId: d1, actor: `Board ${n}`, reason: 'meets the class at the lowest TCO' };
    case 'design:choices':
      return { projectId: a };
    case 'pricebook:set':
      return { projectId: a, book: n % 2 === 0 ? null : DEFAULT_PRICE_BOOK };
    case 'design:import':
    case 'design:importJob':
      return { projectId: a, fileName: 'net.graphml', text: w.graphml };
    case 'design:export':
      return { projectId: a, designId: d1, format: 'json' };
    case 'sim:run':
      return { projectId: a, designId: d1, scenarios: ['n1-links'], traffic: 'uniform' };
    case 'sim:list':
    case 'optimise:list':
      return { projectId: a, designId: d1 };
    case 'sim:result':
      return { projectId: a, simulationId: w.simA };
    case 'recommend:instant':
      return { intent: INTENT, projectId: a };
    case 'recommend:verified':
      return { intent: INTENT, projectId: a, options: 1 };
    case 'recommend:upFront':
      return { intent: INTENT };
    case 'outcomes:import':
      return { projectId: a, text: `design,metric,value,unit\n${d1},utilisation,${n},%\n`, source: 'fuzz.csv' };
    case 'learn:setEffect':
      return { projectId: a, effectId: 'search-order', enabled: n % 2 === 0, actor: ACTOR };
    case 'traffic:import': {
      const link = design().topology.links[0]!.id;
      return { projectId: a, designId: d1, text: `time,link,in_bps,out_bps\n2027-01-0${1 + (n % 9)}T10:00:00Z,${link},${n}e6,${n}e6\n`, source: 'fuzz.csv', period: 'day' };
    }
    case 'traffic:periods':
      return { projectId: a, designId: d1 };
    case 'traffic:estimate':
      // Needs a stored period: import one first (its row and audit entry are the import's effects).
      await validPayloadImport(w);
      return { projectId: a, designId: d1, method: 'tomogravity' };
    case 'optimise:run':
      return { projectId: a, designId: d1, strategy: 'resilience', maxSteps: 1 };
    case 'optimise:decide':
      return { projectId: a, stepId: await proposedStep(w), decision: n % 2 === 0 ? 'approve' : 'reject', actor: ACTOR, reason: 'fuzz' };
    case 'optimise:undo':
      return { projectId: a, stepId: await appliedStep(w), actor: ACTOR, reason: 'fuzz' };
    case 'optimise:setPolicy':
      return { projectId: a, actor: ACTOR, policy: { autoApproveMaxCostUsd: n % 3 === 0 ? 1e6 : 0, autoStrategies: n % 3 === 0 ? ['resilience'] : [] } };
    case 'capacity:plan':
      return { projectId: a, designId: d1, basis: 'intent', growth: '50%', periods: 2 };
    case 'capacity:list':
      return { projectId: a, designId: d1 };
    case 'capacity:decide':
      return { projectId: a, stepId: (await capacityPlan(w, false)).step, decision: n % 2 === 0 ? 'approve' : 'reject', actor: ACTOR, reason: 'fuzz' };
    case 'capacity:built':
      return { projectId: a, stepId: (await capacityPlan(w, true)).step, actor: ACTOR };
    case 'capacity:outcomes':
      return { projectId: a, planId: (await capacityPlan(w, false)).planId };
    case 'audit:list':
      return { projectId: a, limit: 20 };
    case 'report:generate':
      return { projectId: a, designId: d1, format: 'html' };
    case 'job:cancel':
      return { jobId: 'no-such-job' };
    case 'job:status':
      return { jobIds: ['no-such-job'] };
    default:
      // A channel added since: the fuzz must know its valid input here and what it may write (effects.ts).
      throw new Error(`no valid payload for ${String(c)}: add it to test/main/fuzz/world.ts and its writes to effects.ts`);
  }
}
