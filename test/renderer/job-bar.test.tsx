// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobBar } from '../../src-renderer/ui/JobBar';
import { clock, jobTimeText } from '../../src-renderer/ui/jobTime';
import { mountPerTest } from './mount';

const dom = mountPerTest();
afterEach(() => vi.useRealTimers());

describe('the job bar says how long a job has run and about how long is left', () => {
  it('clock: m:ss, h:mm:ss from an hour, whole seconds', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(7_999)).toBe('0:07');
    expect(clock(125_000)).toBe('2:05');
    expect(clock(3_723_000)).toBe('1:02:03');
  });

  it('extrapolates the rate so far once a step is done and two seconds have passed', () => {
    expect(jobTimeText(1_500, 1, 5)).toBe('0:01'); // too early to guess
    expect(jobTimeText(10_000, 0, 5)).toBe('0:10'); // nothing done yet
    expect(jobTimeText(10_000, 2, 5)).toBe('0:10 · about 0:15 left'); // 5 s a step, 3 steps left
    expect(jobTimeText(10_000, 5, 5)).toBe('0:10'); // done
  });

  it('moves while no progress arrives', () => {
    vi.useFakeTimers();
    vi.setSystemTime(100_000);
    act(() => dom.root.render(<JobBar label="Verifying" done={1} total={4} startedAt={96_000} onCancel={() => undefined} />));
    const time = () => dom.host.querySelector('[aria-label="Time"]')!.textContent;
    expect(time()).toBe('0:04 · about 0:12 left');
    act(() => void vi.advanceTimersByTime(3_000));
    expect(time()).toBe('0:07 · about 0:21 left');
  });
});
