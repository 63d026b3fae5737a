import path from 'node:path';
import { intentOfShape } from '../../../src-shared/learn/intents';
import type { Intent } from '../../../src-shared/model/intent';
import { createServices, type Services } from '../../../src-main/services/container';
import { tempDir } from '../../helpers/tmp';

/** What one job did: progress seen before the end, its outcome, and how long the end took after Cancel. */
export interface JobTrace {
  progress: { done: number; total: number; atMs: number }[];
  ok: boolean;
  code: string | null;
  /** From the start to job:finished. */
  totalMs: number;
  /** From job:cancel to job:finished (null when not cancelled). */
  cancelMs: number | null;
}

export interface Harness {
  services: Services;
  projectId: string;
  designId: string;
  intent: Intent;
  close(): void;
}

/** A project with a 300-site hybrid design (the optimiser takes seconds on it) and auto-approval of every step. */
export function harness(): Harness {
  const tmp = tempDir('nettwin-cancel-');
  const services = createServices({ mode: 'browser', projectsDir: path.join(tmp.dir, 'projects'), dataDir: path.join(tmp.dir, 'data') });
  const projectId = services.projects.create('cancel').id;
  const intent = intentOfShape({ sites: 300, regions: 3, redundancy: 'HIGH', goal: 'cost', mix: 0 });
  const designId = services.designs.generate(projectId, intent, 'hybrid').id;
  services.optimise.setPolicy(projectId, { autoApproveMaxCostUsd: 1e12, autoStrategies: ['cost', 'resilience', 'load'], autoApproveMaxElements: 10_000 }, 'test');
  return {
    services, projectId, designId, intent,
    close: () => {
      services.dispose();
      tmp.cleanup();
    },
  };
}

/**
 * Starts a job as the IPC handler does and follows its events; when
 * `cancelAfterProgress` is set, cancels it on the first progress event
 * whose `done` reaches that value (i.e. while the work is under way).
 */
export function trace(s: Services, kind: string, fn: Parameters<Services['jobs']['start']>[1], cancelAfterProgress?: number): Promise<JobTrace> {
  const t0 = performance.now();
  const progress: JobTrace['progress'] = [];
  let cancelledAt: number | null = null;
  return new Promise((resolve) => {
    let jobId = '';
    const off = s.bus.subscribe((name, payload) => {
      const p = payload as { jobId: string; done: number; total: number; ok: boolean; error?: { code: string } };
      if (p.jobId !== jobId) return;
      if (name === 'job:progressed') {
        progress.push({ done: p.done, total: p.total, atMs: performance.now() - t0 });
        if (cancelAfterProgress !== undefined && cancelledAt === null && p.done >= cancelAfterProgress) {
          cancelledAt = performance.now();
          s.jobs.cancel(jobId);
        }
      } else if (name === 'job:finished') {
        off();
        const end = performance.now();
        resolve({ progress, ok: p.ok, code: p.error?.code ?? null, totalMs: end - t0, cancelMs: cancelledAt === null ? null : end - cancelledAt });
      }
    });
    jobId = s.jobs.start(kind, fn).jobId;
  });
}
