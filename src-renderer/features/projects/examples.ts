/// <reference types="vite/client" />
import type { CallInput, CallOutput, Channel, JobChannel, JobValue } from '../../../src-shared/contract/contract';
import type { EventPayload } from '../../../src-shared/contract/events';
import { IntentSchema, type Intent } from '../../../src-shared/model/intent';
import type { SCENARIO_CLASSES } from '../../../src-shared/sim/scenarios';
import type { JobHandle } from '../../api/jobs';
import geantGraphml from '../../../resources/examples/networks/Geant2010.graphml?raw';
import retailIntent from '../../../resources/examples/regional-retail.intent.json?raw';
import globalIntent from '../../../resources/examples/global-enterprise.intent.json?raw';
import tradingIntent from '../../../resources/examples/trading-critical.intent.json?raw';

/**
 * One-click example projects for the start page: a newcomer sees a complete
 * project — designs, a failure sweep, a recommendation, a decision pack —
 * without knowing any file format. Built with the same calls the app makes
 * when a user does each step by hand, so an example is a real project.
 */
export interface Example {
  id: string;
  title: string;
  blurb: string;
  source: { kind: 'intent'; intent: Intent } | { kind: 'network'; fileName: string; text: string };
}

const intent = (text: string): Intent => IntentSchema.parse(JSON.parse(text));

export const EXAMPLES: readonly Example[] = [
  {
    id: 'retail',
    title: 'Regional retail chain',
    blurb: '42 sites (HQ, two data centres, stores) at STANDARD redundancy, cheapest first, with a budget.',
    source: { kind: 'intent', intent: intent(retailIntent) },
  },
  {
    id: 'trading',
    title: 'Trading venues (critical)',
    blurb: 'Six sites at CRITICAL redundancy where latency decides.',
    source: { kind: 'intent', intent: intent(tradingIntent) },
  },
  {
    id: 'global',
    title: 'Global enterprise WAN',
    blurb: '140 sites across regions at HIGH redundancy, balanced goal.',
    source: { kind: 'intent', intent: intent(globalIntent) },
  },
  {
    id: 'geant',
    title: 'GÉANT, a real network',
    blurb: 'The pan-European research network in 2010 (37 PoPs, Topology Zoo, CC BY 4.0), imported and swept.',
    source: { kind: 'network', fileName: 'Geant2010.graphml', text: geantGraphml },
  },
];

/** The sweep an example runs: every single link and device, shared-risk groups and whole sites. */
export const EXAMPLE_SCENARIOS: (typeof SCENARIO_CLASSES)[number][] = ['n1-links', 'n1-nodes', 'srlg', 'sites'];

export interface ExampleProgress {
  /** 1-based step number and the number of steps, with what is happening. */
  step: number;
  steps: number;
  label: string;
  /** Progress inside the step, when it is a job. */
  done?: number;
  total?: number;
}

export interface ExampleResult {
  projectId: string;
  designId: string | null;
  /** Things that could not be done, in words (e.g. no PDF engine); the project is usable regardless. */
  notes: string[];
}

export interface ExampleDeps {
  call<C extends Channel>(channel: C, input: CallInput<C>): Promise<CallOutput<C>>;
  runJob<C extends JobChannel>(channel: C, input: CallInput<C>, onProgress: (p: EventPayload<'job:progressed'>) => void): JobHandle<JobValue<C>>;
}

/** Raised when the user cancels: the project keeps what was done so far. */
export class ExampleCancelled extends Error {
  override name = 'ExampleCancelled';
}

/** A project name not taken yet: "Example — X", then "Example — X (2)", … */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} (${i})`)) return `${base} (${i})`;
}

export async function buildExample(ex: Example, deps: ExampleDeps, onProgress: (p: ExampleProgress) => void, signal: AbortSignal): Promise<ExampleResult> {
  const steps = ex.source.kind === 'intent' ? 5 : 4;
  let step = 0;
  const next = (label: string): void => {
    if (signal.aborted) throw new ExampleCancelled('stopped');
    step++;
    onProgress({ step, steps, label });
  };
  const job = async <C extends JobChannel>(channel: C, input: CallInput<C>): Promise<JobValue<C>> => {
    const label = `Step ${step}`;
    const handle = deps.runJob(channel, input, (p) => onProgress({ step, steps, label: p.message || label, done: p.done, total: p.total }));
    const stop = (): void => void handle.cancel();
    signal.addEventListener('abort', stop);
    try {
      return await handle.result;
    } catch (err) {
      if (signal.aborted) throw new ExampleCancelled('stopped');
      throw err;
    } finally {
      signal.removeEventListener('abort', stop);
    }
  };

  next('Creating the project');
  const taken = new Set((await deps.call('project:list', {})).map((p) => p.name));
  const project = await deps.call('project:create', { name: freeName(`Example — ${ex.title}`, taken) });
  const notes: string[] = [];
  let designId: string | null = null;

  if (ex.source.kind === 'intent') {
    const theIntent = ex.source.intent;
    next('Generating every design family');
    const designs = await job('design:generateAll', { projectId: project.id, intent: theIntent });
    if (designs.length === 0) throw new Error('no design family could be generated for this intent');
    next('Ranking the families for the goal');
    const rec = await deps.call('recommend:instant', { intent: theIntent, projectId: project.id });
    const best = rec.options.map((o) => designs.find((d) => d.family === o.family)).find((d) => d !== undefined) ?? designs[0]!;
    designId = best.id;
  } else {
    next(`Importing ${ex.source.fileName}`);
    const imported = await job('design:importJob', {
      projectId: project.id,
      fileName: ex.source.fileName,
      text: ex.source.text,
    });
    designId = imported.summary.id;
  }

  next('Breaking it: every link, device, shared-risk group and site');
  await job('sim:run', { projectId: project.id, designId, scenarios: EXAMPLE_SCENARIOS, traffic: 'gravity' });

  next('Writing the decision pack');
  try {
    const pack = await deps.call('report:generate', { projectId: project.id, designId, format: 'pdf' });
    if (pack.format === 'pdf') notes.push(`Decision pack written: ${pack.fileName}`);
  } catch (err) {
    notes.push(`The decision pack could not be printed as PDF (${(err as Error).message}); Present shows it and saves it as HTML.`);
  }
  return { projectId: project.id, designId, notes };
}
