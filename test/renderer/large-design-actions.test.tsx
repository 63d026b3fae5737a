import { Window } from 'happy-dom';
import { act } from 'react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NettwinBridge } from '../../src-shared/contract/bridge';
import type { Result } from '../../src-shared/contract/result';
import type { ProjectInfo, TopologySummary } from '../../src-shared/model/records';
import { SWEEP_MAX_DEVICES } from '../../src-shared/sim/limits';
import type { ValidationResult } from '../../src-shared/validate/types';
import { electronTransport } from '../helpers/transports';
import { mountPerTest } from './mount';

// The page runs on a happy-dom window and the real services beside it, in a Node environment:
// under vitest's happy-dom environment Vite rewrites `new URL(…, import.meta.url)` into page
// URLs, and the services could not start their worker threads. Only names Node lacks are
// taken from the window (Node's URL, fetch and timers stay).
const win = new Window({ url: 'http://localhost/' });
for (const key of Object.getOwnPropertyNames(win)) {
  if (!(key in globalThis)) Object.defineProperty(globalThis, key, { value: (win as unknown as Record<string, unknown>)[key], configurable: true, writable: true });
}
Object.defineProperty(globalThis, 'window', { value: win, configurable: true, writable: true });
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// The page talks to the real services through a bridge shaped like the preload's (the api
// module reads window.nettwin when it loads, so the components are imported after this).
const t = electronTransport();
const bridge: NettwinBridge = {
  transport: 'electron',
  invoke: (channel, input) => t.call(channel, input),
  on: (event, listener) => t.services.bus.subscribe((name, payload) => name === event && listener(payload)),
};
(window as unknown as { nettwin: NettwinBridge }).nettwin = bridge;
const { LargeDesignNotice } = await import('../../src-renderer/features/import/LargeDesignNotice');
const { useSession } = await import('../../src-renderer/state/session');

const value = <T,>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

/** A hub with n − 1 spokes: over the canvas limit, and quick to validate and sweep. */
function starGraphml(n: number): string {
  const nodes = Array.from({ length: n }, (_, i) => `<node id="s${i}"/>`).join('');
  const edges = Array.from({ length: n - 1 }, (_, i) => `<edge source="s0" target="s${i + 1}"/>`).join('');
  return `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">${nodes}${edges}</graph></graphml>`;
}

/** Waits (letting React and the services run) until `ready` holds. */
async function until(ready: () => boolean, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > end) throw new Error('timed out waiting for the screen');
    await act(() => new Promise((r) => setTimeout(r, 50)));
  }
}

const button = (host: HTMLElement, text: string): HTMLButtonElement | undefined =>
  [...host.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === text);

let project: ProjectInfo;
let star: TopologySummary;
let over: TopologySummary;
const jobLabels: string[] = [];
const finished = new Map<string, { ok: boolean; value?: unknown }>();

beforeAll(async () => {
  project = value<ProjectInfo>(await t.call('project:create', { name: 'Large design actions' }));
  const imp = async (fileName: string, n: number): Promise<TopologySummary> =>
    value<{ summary: TopologySummary }>(await t.call('design:import', { projectId: project.id, fileName, text: starGraphml(n) })).summary;
  star = await imp('star2100.graphml', 2_100);
  over = await imp('star-over.graphml', SWEEP_MAX_DEVICES + 1);
  useSession.setState({ project });
  useSession.subscribe((s) => {
    if (s.job !== null && jobLabels.at(-1) !== s.job.label) jobLabels.push(s.job.label);
  });
  t.services.bus.subscribe((name, p) => {
    const e = p as { kind: string; ok: boolean; value?: unknown };
    if (name === 'job:finished') finished.set(e.kind, e);
  });
}, 60_000);
afterAll(async () => {
  await t.close();
});

const dom = mountPerTest();
beforeEach(() => {
  jobLabels.length = 0;
});

describe('LargeDesignNotice: what still runs on a design too large to draw', () => {
  it('validates through the job bar and shows score, failed checks and the top failures', async () => {
    act(() => dom.root.render(<LargeDesignNotice projectId={project.id} design={star} />));
    act(() => button(dom.host, 'Validate')!.click());
    expect(useSession.getState().job).not.toBeNull(); // progress and Cancel are in the top bar
    expect(button(dom.host, 'Validate')!.disabled).toBe(true);
    await until(() => dom.host.querySelector('[aria-label="Validation result"]') !== null);
    expect(useSession.getState().job).toBeNull();
    expect(jobLabels[0]).toBe(`Validating ${star.name}…`);
    const result = finished.get('design:validate')!.value as ValidationResult;
    const failed = result.checks.filter((c) => !c.passed);
    const shown = dom.host.querySelector('[aria-label="Validation result"]')!.textContent;
    expect(shown).toContain(`Score ${result.score.toFixed(0)} / 100`);
    expect(shown).toContain(`${failed.length} of ${result.checks.length} checks failed`);
    // A star has single points of failure everywhere: some check fails, and it is listed.
    expect(failed.length).toBeGreaterThan(0);
    const items = [...dom.host.querySelectorAll('ul[aria-label="Top failures"] li')].map((li) => li.textContent);
    expect(items.length).toBe(Math.min(5, failed.length));
    expect(items[0]).toContain(failed.find((c) => c.severity === 'error')?.title ?? failed[0]!.title);
  }, 120_000);

  it('runs the N-1 sweep through the job bar within the sweep limit and shows its summary', async () => {
    act(() => dom.root.render(<LargeDesignNotice projectId={project.id} design={star} />));
    expect(dom.host.querySelector('[aria-label="No failure sweep"]')).toBeNull();
    act(() => button(dom.host, 'Run N-1 sweep')!.click());
    expect(useSession.getState().job).not.toBeNull();
    // The sweep, then the impact report's isolation and availability (about 17 s at 2,100 devices).
    await until(() => dom.host.querySelector('[aria-label="Sweep result"]') !== null, 300_000);
    expect(useSession.getState().job).toBeNull();
    expect(jobLabels[0]).toBe(`N-1 sweep of ${star.name}…`);
    // Every spoke link and every device; the links and the hub cut devices off, a spoke device does not.
    expect(dom.host.querySelector('[aria-label="Sweep result"]')!.textContent).toContain('4,199 scenarios: 2,100 cut sites apart');
    expect(dom.host.querySelectorAll('ul[aria-label="Worst scenarios"] li').length).toBe(5);
    expect(t.services.projects.get(project.id).simulations.listFor(star.id)).toHaveLength(1);
  }, 360_000);

  it('above the sweep limit offers no sweep and says why; Validate stays', () => {
    act(() => dom.root.render(<LargeDesignNotice projectId={project.id} design={over} />));
    expect(button(dom.host, 'Run N-1 sweep')).toBeUndefined();
    expect(button(dom.host, 'Validate')).toBeDefined();
    const note = dom.host.querySelector('[aria-label="No failure sweep"]')!.textContent;
    expect(note).toContain(`${(SWEEP_MAX_DEVICES + 1).toLocaleString('en-US')} devices`);
    expect(note).toContain(`more than the ${SWEEP_MAX_DEVICES.toLocaleString('en-US')} devices a failure sweep runs on`);
    expect(note).toContain('validation, exports');
  });
});
