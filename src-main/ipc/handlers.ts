import type { Channel, CallOutput, HandlerInput, JobValue } from '../../src-shared/contract/contract';
import { APP_VERSION } from '../../src-shared/lib/version';
import type { Services } from '../services/container';
import type { RecommendRequest } from '../services/recommend';

/** What a transport knows about one call: the HTTP host aborts `signal` when the client goes away before the answer. */
export interface CallContext {
  signal?: AbortSignal;
}

/** One handler per channel; the mapped type makes a forgotten channel a compile error. */
export type Handlers = {
  [C in Channel]: (input: HandlerInput<C>, call: CallContext) => Promise<CallOutput<C>> | CallOutput<C>;
};

/** Drops absent optional fields (exact optional property types). */
function recommendRequest(req: HandlerInput<'recommend:instant'>): RecommendRequest {
  return {
    intent: req.intent,
    ...(req.options !== undefined ? { options: req.options } : {}),
    ...(req.families !== undefined ? { families: req.families } : {}),
    ...(req.projectId !== undefined ? { projectId: req.projectId } : {}),
    ...(req.historyOnly === true ? { historyOnly: true } : {}),
  };
}

export function createHandlers(s: Services): Handlers {
  return {
    'app:info': () => ({ version: APP_VERSION, mode: s.mode, projectsDir: s.locator.projectsDir }),
    'project:list': () => s.projects.list(),
    'project:create': ({ name }) => s.projects.create(name),
    'project:open': ({ id, readOnly }) => s.projects.openById(id, readOnly ?? false),
    'project:saveAs': ({ id, name }) => s.projects.saveAs(id, name),
    'project:export': ({ id, name, includeHistory }) => s.projects.exportShare(id, name, includeHistory),
    'project:close': ({ id }) => {
      // A tab closed while its sweep (or any job) runs on the project: closing now would pull the
      // database from under the job ("connection is not open"); close once the work is stored.
      if (s.jobs.runningFor(id) > 0) s.projects.closeWhenIdle(id, s.jobs.whenIdle(id));
      else s.projects.close(id);
      return null;
    },
    'design:list': ({ projectId }) => s.designs.list(projectId),
    'design:get': ({ projectId, designId }) => s.designs.get(projectId, designId),
    'design:generate': ({ projectId, intent, family, seed }) => s.designs.generate(projectId, intent, family, seed),
    'design:generateAll': ({ projectId, intent, seed }) => {
      s.projects.writable(projectId); // fail now, not inside the job, when the project cannot be written
      const { jobId } = s.jobs.start<JobValue<'design:generateAll'>>('design:generateAll', (ctx) =>
        s.designs.generateAll(projectId, intent, seed ?? 1, ctx), { projectId },
      );
      return { jobId };
    },
    'design:savePositions': (input) => s.designs.savePositions(input),
    'design:rename': ({ projectId, designId, name }) => {
      s.designs.rename(projectId, designId, name);
      return null;
    },
    'design:delete': ({ projectId, designId }) => {
      s.designs.remove(projectId, designId);
      return null;
    },
    'design:validate': ({ projectId, designId }) => s.designs.validate(projectId, designId),
    'design:validateJob': ({ projectId, designId }) => {
      s.designs.checkValidatable(projectId, designId); // fail now, not inside the job, when the design is missing
      const { jobId } = s.jobs.start<JobValue<'design:validateJob'>>('design:validate', (ctx) => s.designs.validate(projectId, designId, ctx), { projectId });
      return { jobId };
    },
    'design:update': ({ projectId, designId, revision, topology }) => s.designs.update(projectId, designId, revision, topology),
    'design:choose': (input) => s.decisions.chooseDesign(input),
    'design:choices': ({ projectId }) => s.decisions.designChoices(projectId),
    'intent:get': ({ projectId, intentId }) => s.designs.intent(projectId, intentId),
    'intent:revise': ({ projectId, intentId, edit }) => s.designs.reviseIntent(projectId, intentId, edit),
    'pricebook:get': ({ projectId }) => s.designs.priceBook(projectId),
    'pricebook:set': ({ projectId, book }) => {
      s.designs.setPriceBook(projectId, book);
      return null;
    },
    // A client that goes away stops the import: a large file is read in a worker, which the signal terminates.
    'design:import': (req, call) => s.exchange.importDesign(req, call.signal ? { signal: call.signal, progress: () => undefined } : undefined),
    'design:importJob': (req) => {
      s.projects.writable(req.projectId); // fail now, not inside the job, when the project cannot be written
      const { jobId } = s.jobs.start<JobValue<'design:importJob'>>('design:import', (ctx) => s.exchange.importDesign(req, ctx), { projectId: req.projectId });
      return { jobId };
    },
    'design:export': ({ projectId, designId, format }) => s.exchange.exportDesign(projectId, designId, format),
    'sim:run': (input) => {
      s.simulations.checkSweepable(input.projectId, input.designId); // fail now when the design is missing, read-only or over the sweep limit
      const { jobId } = s.jobs.start<JobValue<'sim:run'>>('sim:run', (ctx) =>
        s.simulations.run(
          { projectId: input.projectId, designId: input.designId, scenarios: input.scenarios, traffic: input.traffic,
            ...(input.custom ? { custom: input.custom } : {}) },
          ctx,
        ), { projectId: input.projectId },
      );
      return { jobId };
    },
    'sim:list': ({ projectId, designId }) => s.simulations.list(projectId, designId),
    'sim:result': ({ projectId, simulationId }) => s.simulations.result(projectId, simulationId),
    'recommend:instant': (req) => s.recommend.instant(recommendRequest(req)),
    'recommend:upFront': ({ intent }) => s.recommend.upFront(intent),
    'recommend:verified': (req) => {
      if (req.projectId !== undefined) s.projects.writable(req.projectId);
      const { jobId } = s.jobs.start<JobValue<'recommend:verified'>>('recommend:verified', (ctx) => s.recommend.verified(recommendRequest(req), ctx),
        req.projectId !== undefined ? { projectId: req.projectId } : {});
      return { jobId };
    },
    'learn:report': ({ projectId }) => s.learning.report(projectId !== undefined ? { projectId } : {}),
    'outcomes:import': (input) => s.learning.importOutcomes(input),
    'learn:effects': ({ projectId }) => s.effects.list(projectId),
    'learn:calibrations': ({ projectId }) => s.effects.calibrations(projectId),
    'learn:setEffect': ({ projectId, effectId, enabled, actor }) =>
      s.effects.setSwitch({ projectId, effectId, enabled, ...(actor !== undefined ? { actor } : {}) }),
    'traffic:import': (input) => s.traffic.importCounters(input),
    'traffic:periods': ({ projectId, designId }) => s.traffic.periods(projectId, designId),
    'traffic:estimate': (input) => s.traffic.estimate(input),
    'capacity:plan': (input) => {
      s.capacity.request(input); // bad options, a missing design or a read-only project fail now, before a job starts
      const { jobId } = s.jobs.start<JobValue<'capacity:plan'>>('capacity:plan', (ctx) => s.capacity.plan(input, ctx), { projectId: input.projectId });
      return { jobId };
    },
    'capacity:list': ({ projectId, designId }) => s.capacity.list(projectId, designId),
    'capacity:decide': (input) => s.capacity.decide(input),
    'capacity:built': (input) => s.capacity.built(input),
    'capacity:outcomes': (input) => s.capacity.outcomes(input),
    'optimise:run': (input) => {
      s.optimise.checkRunnable(input.projectId, input.designId); // fail now when the project is read-only or the design missing
      const { jobId } = s.jobs.start<JobValue<'optimise:run'>>('optimise:run', (ctx) =>
        s.optimise.run(
          { projectId: input.projectId, designId: input.designId, strategy: input.strategy,
            ...(input.keep ? { keep: input.keep } : {}), ...(input.maxSteps !== undefined ? { maxSteps: input.maxSteps } : {}) },
          ctx,
        ), { projectId: input.projectId },
      );
      return { jobId };
    },
    'optimise:decide': (input) => s.optimise.decide(input),
    'optimise:undo': (input) => s.optimise.undo(input),
    'optimise:list': ({ projectId, designId }) => s.optimise.list({ projectId, ...(designId !== undefined ? { designId } : {}) }),
    'optimise:policy': ({ projectId }) => s.optimise.policy(projectId),
    'optimise:setPolicy': ({ projectId, policy, actor }) => s.optimise.setPolicy(projectId, policy, actor),
    'audit:list': ({ projectId, limit }) => s.audit.list({ projectId, ...(limit !== undefined ? { limit } : {}) }),
    'report:generate': ({ projectId, designId, format, deliver }) =>
      s.reports.generate({ projectId, format, ...(designId !== undefined ? { designId } : {}), ...(deliver !== undefined ? { deliver } : {}) }),
    'job:cancel': ({ jobId }) => ({ cancelled: s.jobs.cancel(jobId) }),
    'job:status': ({ jobIds }) => s.jobs.status(jobIds),
  };
}
