import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DesignSaver, type SaveState } from '../../src-renderer/features/edit/saver';
import { squareWithTail } from './fixtures';

describe('DesignSaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces edits into one save and carries the returned revision forward', async () => {
    const calls: number[] = [];
    const states: SaveState[] = [];
    const saver = new DesignSaver(3, {
      save: async (_t, rev) => {
        calls.push(rev);
        return rev + 1;
      },
      onState: (s) => states.push(s),
      onConflict: () => undefined,
      delayMs: 100,
    });
    const t = squareWithTail();
    saver.schedule(t);
    saver.schedule({ ...t, name: 'b' });
    await vi.advanceTimersByTimeAsync(150);
    expect(calls).toEqual([3]);
    saver.schedule({ ...t, name: 'c' });
    await vi.advanceTimersByTimeAsync(150);
    expect(calls).toEqual([3, 4]);
    expect(saver.currentRevision).toBe(5);
    expect(states.at(-1)).toBe('saved');
  });

  it('stops on CONFLICT and reports it once', async () => {
    const conflicts: string[] = [];
    const saver = new DesignSaver(1, {
      save: async () => {
        throw Object.assign(new Error('revision 1 is not the latest (2)'), { code: 'CONFLICT' });
      },
      onState: () => undefined,
      onConflict: (m) => conflicts.push(m),
      delayMs: 10,
    });
    saver.schedule(squareWithTail());
    await vi.advanceTimersByTimeAsync(20);
    saver.schedule(squareWithTail());
    await vi.advanceTimersByTimeAsync(20);
    expect(conflicts).toEqual(['revision 1 is not the latest (2)']);
  });

  it('keeps an edit whose save failed and retries on flush', async () => {
    let fail = true;
    const saved: string[] = [];
    const saver = new DesignSaver(1, {
      save: async (t, rev) => {
        if (fail) throw new Error('disk full');
        saved.push(t.name);
        return rev + 1;
      },
      onState: () => undefined,
      onConflict: () => undefined,
      delayMs: 10,
    });
    saver.schedule({ ...squareWithTail(), name: 'edited' });
    await vi.advanceTimersByTimeAsync(20);
    fail = false;
    await saver.flush();
    expect(saved).toEqual(['edited']);
  });
});
