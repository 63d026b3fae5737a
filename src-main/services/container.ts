import path from 'node:path';
import { sharedPool } from '../workers/sweep';
import { DesignService } from './designs';
import { findBootstrapKnowledge, LearningService } from './learning';
import { OptimiseService } from './optimise';
import { TrafficService } from './traffic';
import { CapacityService } from './capacity';
import { AuditService } from './audit';
import { RecommendService } from './recommend';
import { ExchangeService } from './exchange';
import { SimulationService } from './simulations';
import { EventBus } from './events';
import { JobManager } from './jobs';
import { AbsolutePathLocator, FolderLocator, type ProjectLocator } from './locator';
import { ProjectService } from './projects';
import { RecentProjects } from './recent';
import { ChromiumPdfRenderer } from './pdf-chromium';
import { DecisionService } from './decisions';
import { LearntEffectsService } from './learnt-effects';
import { ReportService, type PdfRenderer } from './report';

export interface ServiceOptions {
  mode: 'electron' | 'browser';
  /** Where new projects go (and, in the browser host, the only folder reachable). */
  projectsDir: string;
  /** The user's data folder: recent list, knowledge base. */
  dataDir: string;
  now?: () => number;
  /** The shipped bootstrap knowledge base (found next to the app when absent). */
  bootstrapKnowledge?: string;
  /** How reports become PDF: Electron's printToPDF in the app, headless Chromium elsewhere. */
  pdf?: () => PdfRenderer;
  /**
   * The command line's knowledge base: a file named by --knowledge (written
   * to), or the shipped bootstrap read-only. Without it, the user's data folder.
   */
  knowledge?: { file: string; readOnly: boolean };
  /** Keep a recent-projects list (default: in the desktop app only). */
  recent?: boolean;
}

export interface Services {
  readonly mode: 'electron' | 'browser';
  readonly bus: EventBus;
  readonly jobs: JobManager;
  readonly locator: ProjectLocator;
  readonly projects: ProjectService;
  readonly designs: DesignService;
  readonly simulations: SimulationService;
  readonly exchange: ExchangeService;
  readonly learning: LearningService;
  readonly recommend: RecommendService;
  readonly optimise: OptimiseService;
  readonly traffic: TrafficService;
  readonly capacity: CapacityService;
  readonly audit: AuditService;
  readonly reports: ReportService;
  readonly decisions: DecisionService;
  readonly effects: LearntEffectsService;
  dispose(): void;
}

/** The composition root: plain constructor injection, shared by Electron, the HTTP host and tests. */
export function createServices(opts: ServiceOptions): Services {
  const bus = new EventBus();
  const jobs = new JobManager(bus);
  const locator: ProjectLocator =
    opts.mode === 'browser' ? new FolderLocator(opts.projectsDir) : new AbsolutePathLocator(opts.projectsDir);
  const keepRecent = opts.recent ?? opts.mode === 'electron';
  const recent = new RecentProjects(keepRecent ? path.join(opts.dataDir, 'recent.json') : null);
  const projects = new ProjectService(locator, bus, recent, opts.now);
  const designs = new DesignService(projects, bus);
  const writableProject = (id: string) => projects.writable(id);
  const learning = new LearningService(
    {
      knowledgeFile: opts.knowledge?.file ?? path.join(opts.dataDir, 'knowledge.nettwin'),
      bootstrapFile: findBootstrapKnowledge(opts.bootstrapKnowledge),
      ...(opts.knowledge?.readOnly ? { readOnly: true } : {}),
      ...(opts.now ? { now: opts.now } : {}),
    },
    writableProject,
    (id) => projects.get(id),
  );
  const effects = new LearntEffectsService((id) => projects.get(id), writableProject, learning, opts.now);
  const recommend = new RecommendService(
    learning, writableProject, opts.now,
    (id) => effects.preferences(id).families,
    (intent, candidates, projectId) => effects.searchOrder(intent, candidates, projectId).order,
  );
  const optimise = new OptimiseService(writableProject, opts.now);
  const traffic = new TrafficService(writableProject);
  const capacity = new CapacityService(writableProject, (id) => optimise.policy(id), opts.now);
  const simulations = new SimulationService(projects, bus, sharedPool);
  const exchange = new ExchangeService(projects, designs, bus);
  let chromium: ChromiumPdfRenderer | null = null;
  const pdf = opts.pdf ?? (() => (chromium ??= new ChromiumPdfRenderer()));
  const reports = new ReportService(projects, locator, pdf, opts.now);
  const decisions = new DecisionService(projects);
  // Record everything: each generated design becomes learning history, and an opened project's records join the knowledge base.
  designs.onGenerated = (projectId, designId) => learning.recordDesign(projectId, designId);
  projects.onOpened = (projectId) => learning.mergeProject(projectId);
  return {
    mode: opts.mode,
    bus,
    jobs,
    locator,
    projects,
    designs,
    simulations,
    exchange,
    learning,
    recommend,
    optimise,
    traffic,
    capacity,
    audit: new AuditService((id) => projects.get(id)),
    reports,
    decisions,
    effects,
    dispose: () => {
      projects.closeAll();
      learning.dispose();
    },
  };
}
