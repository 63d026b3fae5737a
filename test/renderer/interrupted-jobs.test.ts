import { describe, expect, it } from 'vitest';
import type { JobStatusShape } from '../../src-shared/contract/contract';
import { jobInWords, outcomeInWords } from '../../src-renderer/features/jobs/describe';

const status = (patch: Partial<JobStatusShape>): JobStatusShape => ({ jobId: 'j', kind: 'sim:run', state: 'unknown', done: 0, total: 0, message: '', startedAt: null, endedAt: null, error: null, ...patch });
const at = (ms: number): string => `t${ms}`;

describe('interrupted jobs in words', () => {
  const names = { d1: 'ring' };

  it('says what each job was doing, by design name', () => {
    expect(jobInWords({ channel: 'sim:run', input: { projectId: 'p', designId: 'd1', scenarios: ['n1-links', 'sites'], traffic: 'gravity' } }, names)).toBe('Failure sweep of ring (every link, sites; gravity traffic)');
    expect(jobInWords({ channel: 'optimise:run', input: { projectId: 'p', designId: 'gone', strategy: 'cost' } }, names)).toBe('Optimising a design since deleted for cost');
    expect(jobInWords({ channel: 'design:generateAll', input: { projectId: 'p', intent: { name: 'Retail' } } }, names)).toBe('Generating every family for intent “Retail”');
    expect(jobInWords({ channel: 'design:importJob', input: null }, names)).toBe('Importing a file');
  });

  it('a job still running is followed, not offered again', () => {
    const o = outcomeInWords({ input: {} }, status({ state: 'running', done: 340, total: 1603, message: 'link l3' }), at);
    expect(o).toEqual({ words: 'still running: 340 of 1,603 (link l3)', resumable: false, running: true });
  });

  it('a finished job is not offered again; a failed, cancelled or lost one is, when its input was kept', () => {
    expect(outcomeInWords({ input: {} }, status({ state: 'done', endedAt: 5 }), at)).toMatchObject({ resumable: false, running: false, words: expect.stringContaining('finished at t5') as string });
    expect(outcomeInWords({ input: {} }, status({ state: 'failed', endedAt: 6, error: 'no workers' }), at)).toEqual({ words: 'failed at t6: no workers', resumable: true, running: false });
    expect(outcomeInWords({ input: {} }, status({ state: 'cancelled', endedAt: 7 }), at).resumable).toBe(true);
    const lost = outcomeInWords({ input: {} }, status({ state: 'unknown' }), at);
    expect(lost.resumable).toBe(true);
    expect(lost.words).toMatch(/^ended without finishing: NetTwin was stopped or restarted/);
    const bigImport = outcomeInWords({ input: null }, status({ state: 'unknown' }), at);
    expect(bigImport.resumable).toBe(false);
    expect(bigImport.words).toContain('cannot be run again from here');
  });
});
