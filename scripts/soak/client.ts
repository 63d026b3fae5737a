import { notApplicableFamilies } from '../../src-shared/generate/applicability';
import type { Rng } from '../../src-shared/lib/rng';
import { IntentSchema } from '../../src-shared/model/intent';
import type { ProjectInfo, TopologyRecord, TopologySummary } from '../../src-shared/model/records';
import { TOPOLOGY_FAMILIES, type Topology } from '../../src-shared/model/topology';
import { benchIntent } from '../bench/intents';
import type { HostClient } from './api';
import type { Ledger, Position } from './ledger';
import type { Stats } from './stats';

export interface ClientContext {
  index: number;
  /** Project name; clients given the same name share one project file. */
  projectName: string;
  shared: boolean;
  api: HostClient;
  ledger: Ledger;
  stats: Stats;
  rng: Rng;
  /** The client stops taking new steps at this time (Date.now()). */
  until: number;
  /** A job that has not finished after this long is lost: a failure. */
  jobTimeoutMs: number;
}

/** How often each step is drawn (relative weights). Reads dominate, as in a workshop; sweeps and edits are frequent. */
const STEPS = {
  read: 36, positions: 18, edit: 7, generate: 6, scratch: 3, generateAll: 1, sim: 14,
  rename: 4, validate: 4, recommend: 2, saveAs: 1, exportCopy: 1, reopen: 1,
} as const;
type Step = keyof typeof STEPS;
const STEP_NAMES = Object.keys(STEPS) as Step[];
const TOTAL_WEIGHT = STEP_NAMES.reduce((n, s) => n + STEPS[s], 0);

/** Own designs beyond this are not generated any more (scratch ones still are, and deleted). */
const MAX_OWN_DESIGNS = 10;
const MAX_COPIES = 3;
const CAPACITIES = [1, 10, 40, 100, 400];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)]!;

/**
 * One simulated user: joins its project (creating it, or opening it when a
 * colleague was first), then draws steps until `until`, recording every
 * acknowledged write in the ledger.
 */
export class SoakClient {
  private project = '';
  private readonly own: TopologySummary[] = [];
  private known: TopologySummary[] = [];
  private readonly simIds: string[] = [];
  private copies = 0;
  private seq = 0;

  constructor(private readonly c: ClientContext) {}

  /** `everyStepFirst`: take each kind of step once before drawing (the warm-up, so lazy start-up happens before the baseline). */
  async run(opts: { everyStepFirst?: boolean } = {}): Promise<void> {
    const { api } = this.c;
    await api.openEvents();
    await this.join();
    if (this.project === '') return;
    await this.generate(false);
    if (opts.everyStepFirst) for (const s of STEP_NAMES) await this.step(s);
    while (Date.now() < this.c.until) {
      await this.step(this.draw());
      await new Promise((r) => setTimeout(r, 20 + this.c.rng.int(130)));
    }
    const broken = api.eventStreamError();
    if (broken) this.c.stats.fail(`client ${this.c.index}: ${broken}`);
  }

  /** The project this client works in (a file name in the projects folder), once joined. */
  get projectId(): string {
    return this.project;
  }

  private draw(): Step {
    let r = this.c.rng.int(TOTAL_WEIGHT);
    for (const s of STEP_NAMES) {
      if ((r -= STEPS[s]) < 0) return s;
    }
    return 'read';
  }

  private async join(): Promise<void> {
    const { api, ledger, projectName } = this.c;
    const created = await api.call<ProjectInfo>('project:create', { name: projectName });
    const opened = created.ok || !('error' in created) || created.error.code !== 'CONFLICT'
      ? created
      : await api.call<ProjectInfo>('project:open', { id: `${projectName}.nettwin` });
    if (!opened.ok) return; // counted as unexpected by the stats
    this.project = opened.value.id;
    ledger.project(this.project);
  }

  private async step(step: Step): Promise<void> {
    switch (step) {
      case 'read': return this.read();
      case 'positions': return this.savePositions();
      case 'edit': return this.editLink();
      case 'generate':
        if (this.own.length < MAX_OWN_DESIGNS) await this.generate(false);
        else await this.scratch();
        return;
      case 'scratch': return this.scratch();
      case 'generateAll': return this.own.length < MAX_OWN_DESIGNS ? this.generateAll() : this.read();
      case 'sim': return this.simulate();
      case 'rename': return this.rename();
      case 'validate': return this.validate();
      case 'recommend': return this.recommend();
      case 'saveAs': return this.copy('saveAs');
      case 'exportCopy': return this.copy(this.c.rng.int(2) === 0 ? 'export' : 'export-no-history');
      case 'reopen': return this.c.shared ? this.read() : this.reopen();
    }
  }

  private intent(name: string) {
    const { rng } = this.c;
    return { ...benchIntent(10 + rng.int(21), pick(rng, ['STANDARD', 'HIGH'] as const)), name };
  }

  /** A design to work on: any non-scratch design of the project this client has seen. */
  private target(): TopologySummary | undefined {
    const pool = this.known.length > 0 ? this.known : this.own;
    return pool.length > 0 ? pick(this.c.rng, pool) : undefined;
  }

  private async generate(scratch: boolean): Promise<string | null> {
    const { api, ledger, rng, index } = this.c;
    const name = scratch ? `scratch c${index}-${++this.seq}` : `c${index} intent ${++this.seq}`;
    // A family that applies to the intent: asking for one that does not (leaf-spine for a WAN) is bad input by design.
    const intent = this.intent(name);
    const notApplicable = new Set(notApplicableFamilies(IntentSchema.parse(intent)).map((x) => x.family));
    const out = await api.call<TopologySummary>('design:generate', {
      projectId: this.project, intent, family: pick(rng, TOPOLOGY_FAMILIES.filter((f) => !notApplicable.has(f))), seed: rng.int(1000),
    });
    if (!out.ok) return null;
    ledger.design(this.project, out.value.id, { scratch, revision: out.value.revision, name: out.value.name });
    if (!scratch) this.own.push(out.value);
    return out.value.id;
  }

  private async scratch(): Promise<void> {
    const id = await this.generate(true);
    if (id === null) return;
    const out = await this.c.api.call('design:delete', { projectId: this.project, designId: id });
    if (out.ok) this.c.ledger.deleted(this.project, id);
  }

  private async generateAll(): Promise<void> {
    const { api, ledger, stats, rng, index } = this.c;
    const t0 = performance.now();
    const start = await api.call<{ jobId: string }>('design:generateAll', {
      projectId: this.project, intent: this.intent(`c${index} all ${++this.seq}`), seed: rng.int(1000),
    });
    if (!start.ok) return;
    const done = await api.waitForJob(start.value.jobId, this.c.jobTimeoutMs);
    if (!done) {
      stats.recordJob('design:generateAll', performance.now() - t0, false, null);
      stats.fail(`client ${index}: design:generateAll job ${start.value.jobId} never finished`);
      return;
    }
    stats.recordJob('design:generateAll', performance.now() - t0, done.ok, done.error?.code ?? null);
    if (!done.ok) {
      stats.fail(`client ${index}: design:generateAll failed: ${done.error?.code} ${done.error?.message}`);
      return;
    }
    for (const s of done.value as TopologySummary[]) {
      ledger.design(this.project, s.id, { revision: s.revision, name: s.name });
      this.own.push(s);
    }
  }

  private async read(): Promise<void> {
    const { api, rng } = this.c;
    const d = this.target();
    switch (rng.int(8)) {
      case 0: {
        const out = await api.call<TopologySummary[]>('design:list', { projectId: this.project });
        if (out.ok) this.known = out.value.filter((s) => !s.name.startsWith('scratch'));
        return;
      }
      case 1: if (d) await api.call('design:get', { projectId: this.project, designId: d.id }); return;
      case 2: if (d) await api.call('sim:list', { projectId: this.project, designId: d.id }); return;
      case 3: await api.call('project:list', {}); return;
      case 4: await api.call('audit:list', { projectId: this.project, limit: 50 }); return;
      case 5: if (this.simIds.length > 0) await api.call('sim:result', { projectId: this.project, simulationId: pick(rng, this.simIds) }); return;
      case 6: if (d?.intentId) await api.call('intent:get', { projectId: this.project, intentId: d.intentId }); return;
      default: await api.call('pricebook:get', { projectId: this.project });
    }
  }

  private async fetchDesign(): Promise<TopologyRecord | null> {
    const d = this.target();
    if (!d) return null;
    const out = await this.c.api.call<TopologyRecord>('design:get', { projectId: this.project, designId: d.id });
    return out.ok ? out.value : null;
  }

  /** A drag: a few nodes moved, sent with the revision read (sometimes a stale one, to provoke CONFLICT). */
  private async savePositions(): Promise<void> {
    const { api, ledger, rng } = this.c;
    const rec = await this.fetchDesign();
    if (!rec || rec.topology.nodes.length === 0) return;
    const positions: Position[] = [];
    for (let i = 1 + rng.int(5); i > 0; i--) {
      const n = pick(rng, rec.topology.nodes);
      positions.push({ id: n.id, x: Math.round(rng.next() * 40_000) / 10 - 2000, y: Math.round(rng.next() * 40_000) / 10 - 2000 });
    }
    const mode = rng.int(10);
    const revision = mode === 0 && rec.revision > 1 ? rec.revision - 1 : rec.revision;
    const out = await api.call<{ revision: number }>('design:savePositions', {
      projectId: this.project, designId: rec.id, positions, ...(mode === 1 ? {} : { revision }),
    });
    // The same node may be listed twice; the last entry is the one the host keeps.
    if (out.ok) ledger.positions(this.project, rec.id, out.value.revision, dedupeLast(positions));
  }

  /** An edit of the whole document: one link's capacity changed, saved against the revision read. */
  private async editLink(): Promise<void> {
    const { api, ledger, rng } = this.c;
    const rec = await this.fetchDesign();
    if (!rec || rec.topology.links.length === 0) return;
    const link = pick(rng, rec.topology.links);
    const gbps = pick(rng, CAPACITIES.filter((c) => c !== link.capacityGbps));
    const topology: Topology = { ...rec.topology, links: rec.topology.links.map((l) => (l.id === link.id ? { ...l, capacityGbps: gbps } : l)) };
    const out = await api.call<{ revision: number }>('design:update', { projectId: this.project, designId: rec.id, revision: rec.revision, topology });
    if (out.ok) ledger.capacity(this.project, rec.id, out.value.revision, link.id, gbps);
  }

  private async rename(): Promise<void> {
    if (this.own.length === 0) return;
    const d = pick(this.c.rng, this.own);
    const name = `c${this.c.index} design ${++this.seq} «${d.family}»`;
    const out = await this.c.api.call('design:rename', { projectId: this.project, designId: d.id, name });
    if (out.ok) this.c.ledger.renamed(this.project, d.id, name);
  }

  private async validate(): Promise<void> {
    const d = this.target();
    if (d) await this.c.api.call('design:validate', { projectId: this.project, designId: d.id });
  }

  private async recommend(): Promise<void> {
    await this.c.api.call('recommend:instant', { intent: this.intent(`c${this.c.index} what to build`), projectId: this.project });
  }

  /** A failure sweep as a job, followed on the event stream; one in four is cancelled shortly after it starts. */
  private async simulate(): Promise<void> {
    const { api, ledger, stats, rng, index } = this.c;
    const d = this.target();
    if (!d) return;
    // A sweep to be cancelled includes link pairs (N-2), so it is still running when the cancel arrives.
    const cancel = rng.int(4) === 0;
    const heavy = cancel || (d.linkCount <= 80 && rng.int(4) === 0);
    const scenarios = heavy ? ['n1-links', 'n2-links'] : pick(rng, [['n1-links'], ['n1-links', 'n1-nodes'], ['sites', 'regions'], ['n1-nodes', 'srlg']]);
    const t0 = performance.now();
    const start = await api.call<{ jobId: string }>('sim:run', {
      projectId: this.project, designId: d.id, scenarios, traffic: pick(rng, ['uniform', 'gravity', 'hub-centric']),
    });
    if (!start.ok) return;
    const { jobId } = start.value;
    if (cancel) {
      await new Promise((r) => setTimeout(r, rng.int(50)));
      await api.call('job:cancel', { jobId });
    }
    const done = await api.waitForJob(jobId, this.c.jobTimeoutMs);
    if (!done) {
      stats.recordJob('sim:run', performance.now() - t0, false, null);
      stats.fail(`client ${index}: sim:run job ${jobId} never finished`);
      return;
    }
    stats.recordJob('sim:run', performance.now() - t0, done.ok, done.error?.code ?? null);
    stats.progressEvents += done.progressEvents;
    if (done.ok) {
      const simulationId = (done.value as { simulationId: string }).simulationId;
      ledger.sim(this.project, simulationId, d.id);
      this.simIds.push(simulationId);
      stats.simsCompleted++;
    } else if (done.error?.code === 'CANCELLED') {
      stats.simsCancelled++;
    } else {
      stats.fail(`client ${index}: sim:run failed: ${done.error?.code} ${done.error?.message}`);
    }
  }

  /** Save As (then closed: nobody works in the copy) or an Export; the copy must hold what was acknowledged before. */
  private async copy(kind: 'saveAs' | 'export' | 'export-no-history'): Promise<void> {
    const { api, ledger, index } = this.c;
    if (this.copies >= MAX_COPIES) return this.read();
    const name = `${this.c.projectName}-c${index}-${kind}-${++this.copies}`; // unique across clients and warm-up
    const snapshot = ledger.snapshot(this.project);
    const out = kind === 'saveAs'
      ? await api.call<ProjectInfo>('project:saveAs', { id: this.project, name })
      : await api.call<ProjectInfo>('project:export', { id: this.project, name, includeHistory: kind === 'export' });
    if (!out.ok) return;
    ledger.copy({ file: out.value.id, from: this.project, kind, ...snapshot });
    if (kind === 'saveAs') await api.call('project:close', { id: out.value.id });
  }

  /** Close and open again (own project only: closing a shared one would pull it from under a colleague's job). */
  private async reopen(): Promise<void> {
    const { api } = this.c;
    const closed = await api.call('project:close', { id: this.project });
    if (closed.ok) await api.call('project:open', { id: this.project });
  }
}

function dedupeLast(positions: readonly Position[]): Position[] {
  return [...new Map(positions.map((p) => [p.id, p])).values()];
}
