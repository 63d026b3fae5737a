import { describe, expect, it } from 'vitest';
import { ChromiumNotFoundError, CHROMIUM_CANDIDATES, findChromium } from '../../../src-main/services/pdf-chromium';

describe('findChromium', () => {
  it('CHROMIUM_PATH wins when it exists, and is an error when it does not', () => {
    expect(findChromium({ CHROMIUM_PATH: '/opt/chrome' }, (p) => p === '/opt/chrome')).toBe('/opt/chrome');
    expect(() => findChromium({ CHROMIUM_PATH: '/opt/none' }, () => false)).toThrow(/CHROMIUM_PATH is \/opt\/none, but no file is there/);
  });

  it('falls back to the usual install locations in order', () => {
    const second = CHROMIUM_CANDIDATES[1]!;
    expect(findChromium({}, (p) => p === second || p === CHROMIUM_CANDIDATES[3])).toBe(second);
  });

  it('with nothing installed, says what to do', () => {
    expect(() => findChromium({}, () => false)).toThrow(ChromiumNotFoundError);
    expect(() => findChromium({}, () => false)).toThrow(/set CHROMIUM_PATH/);
  });
});
