import fs from 'node:fs';
import { recommendInstant } from '../../../src-shared/learn/recommend';
import { samplesForIntents } from '../../../src-shared/learn/history';
import { randomIntents } from '../../../src-shared/learn/intents';
import { fitPredictor } from '../../../src-shared/learn/predictor';
import { IntentSchema, type Intent } from '../../../src-shared/model/intent';
import { DesignService } from '../../../src-main/services/designs';
import { EventBus } from '../../../src-main/services/events';
import type { JobContext } from '../../../src-main/services/jobs';
import { FolderLocator } from '../../../src-main/services/locator';
import { OptimiseService } from '../../../src-main/services/optimise';
import { ProjectService } from '../../../src-main/services/projects';
import { RecentProjects } from '../../../src-main/services/recent';
import { SimulationService } from '../../../src-main/services/simulations';
import { sharedPool } from '../../../src-main/workers/sweep';

/** Every kind of string that breaks naive HTML: markup, both quotes, ampersands, accents, CJK, emoji. */
export const HOSTILE = `Q3 <script>alert("pwn")</script> & 'quoted' <b>bold</b> Zürich 東京 🚀`;

export const ctx: JobContext = { signal: new AbortController().signal, progress: () => undefined };

export interface RichProject {
  projects: ProjectService;
  locator: FolderLocator;
  projectId: string;
  file: string;
  chosenId: string;
  designIds: string[];
}

/**
 * A real project built through the app's own services: the retail example
 * intent generated in every family, one design renamed to a hostile string,
 * a failure sweep of it, an instant recommendation from a small learned
 * history, an optimiser run with an approval, and a decision choosing the
 * design. With `bare`, only the designs (no sweep, learning or governance).
 */
export async function buildProject(dir: string, opts: { name: string; bare?: boolean }): Promise<RichProject> {
  let clock = Date.UTC(2026, 10, 20, 9, 0);
  const now = () => (clock += 1000);
  const bus = new EventBus();
  const locator = new FolderLocator(dir);
  const projects = new ProjectService(locator, bus, new RecentProjects(null), now);
  const designs = new DesignService(projects, bus);
  const info = projects.create(opts.name);
  const raw = JSON.parse(fs.readFileSync('resources/examples/regional-retail.intent.json', 'utf8')) as unknown;
  const intent: Intent = { ...IntentSchema.parse(raw), name: `Retail ${HOSTILE}` };
  const made = await designs.generateAll(info.id, intent, 1, ctx);
  const chosen = made.find((d) => d.family === 'dual-hub')!;
  designs.rename(info.id, chosen.id, `Dual hub ${HOSTILE}`);
  const out: RichProject = { projects, locator, projectId: info.id, file: info.path, chosenId: chosen.id, designIds: made.map((d) => d.id) };
  if (opts.bare) return out;

  const sims = new SimulationService(projects, bus, sharedPool);
  await sims.run({ projectId: info.id, designId: chosen.id, scenarios: ['n1-links', 'n1-nodes', 'n2-links', 'sites'], traffic: 'uniform' }, ctx);

  const project = projects.writable(info.id);
  const history = samplesForIntents(randomIntents(7, 12, 20), { origin: 'bootstrap', softwareVersion: 'test', now: 1 });
  const rec = recommendInstant(intent, history, fitPredictor(history));
  project.recommendations.insert({
    intentId: chosen.intentId,
    mode: rec.mode,
    request: { intent, mode: 'instant' },
    result: JSON.parse(JSON.stringify(rec)) as unknown,
    chosenFamily: 'dual-hub',
  });

  const optimiser = new OptimiseService((id) => projects.writable(id), now);
  optimiser.setPolicy(info.id, { autoApproveMaxCostUsd: 1, autoStrategies: ['cost'] }, 'governance board');
  // The hub-spoke: since synthetic stores stand at gazetteer places (issue 16) the tree has no resilience step to offer.
  const star = made.find((d) => d.family === 'hub-spoke')!;
  const run = await optimiser.run({ projectId: info.id, designId: star.id, strategy: 'resilience', maxSteps: 3 });
  const waiting = run.steps.find((s) => s.status === 'proposed');
  if (waiting) optimiser.decide({ projectId: info.id, stepId: waiting.id, decision: 'approve', actor: `Ana <ops> & "net"`, reason: `approved: ${HOSTILE}` });

  project.decisions.insert({
    subjectKind: 'design', subjectId: chosen.id, decision: 'chosen', actor: 'Architecture board', reason: `Best balance; ${HOSTILE}`,
  });
  project.audit.append('Architecture board', 'design.choose', chosen.id, { note: HOSTILE });
  return out;
}
