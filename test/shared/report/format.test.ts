import { describe, expect, it } from 'vitest';
import { detailText, esc, shortJson } from '../../../src-shared/report/escape';
import { availability, dateTime, minutes, pct, usd, usdShort } from '../../../src-shared/report/format';

describe('esc', () => {
  it('escapes the five markup characters, for text and quoted attributes alike', () => {
    expect(esc(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('keeps Unicode, replaces control characters and lone surrogates that break PDF text', () => {
    expect(esc('Zürich 東京 🚀')).toBe('Zürich 東京 🚀');
    expect(esc('a\u0000b\u001bc\td\ne')).toBe('a\ufffdb\ufffdc\td\ne');
    expect(esc('x\ud800y\udc00z')).toBe('x\ufffdy\ufffdz');
  });

  it('prints null and undefined as nothing, numbers as themselves', () => {
    expect(esc(null)).toBe('');
    expect(esc(undefined)).toBe('');
    expect(esc(42)).toBe('42');
  });

  it('shortJson cuts long details with an ellipsis and survives cycles', () => {
    expect(shortJson({ a: 'x'.repeat(300) }, 20)).toHaveLength(20);
    expect(shortJson({ a: 'x'.repeat(300) }, 20).endsWith('…')).toBe(true);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(shortJson(cyclic)).toBe('(detail not printable)');
  });
});

describe('detailText', () => {
  it('reads a flat detail as key: value pairs, nested values as JSON, cut to length', () => {
    expect(detailText({ family: 'hub-spoke', seed: 1, ok: true })).toBe('family: hub-spoke; seed: 1; ok: true');
    expect(detailText({ scenarios: ['n1-links', 'sites'], to: null })).toBe('scenarios: ["n1-links","sites"]; to: –');
    expect(detailText(null)).toBe('');
    expect(detailText({ note: 'x'.repeat(500) }, 40)).toHaveLength(40);
  });
});

describe('formatting for paper', () => {
  it('never rounds an availability below 100 % up to 100 %', () => {
    expect(availability(1)).toBe('100 %');
    expect(availability(0.9999999999)).toBe('> 99.999999 %');
    expect(availability(0.99995)).toBe('99.9950 %');
    expect(availability(0.9999995)).toBe('99.999950 %');
  });

  it('prints a dash, never NaN, for a figure that does not exist', () => {
    for (const f of [usd, usdShort, availability, minutes, dateTime]) expect(f(NaN)).toBe('–');
    expect(pct(null)).toBe('–');
    expect(usd(undefined)).toBe('–');
  });

  it('groups dollars, shortens them for intervals, and gives tiny downtimes a floor', () => {
    expect(usd(1179380.4)).toBe('$1,179,380');
    expect(usdShort(1_234_567)).toBe('$1.23M');
    expect(usdShort(1_108_260_000)).toBe('$1.11B');
    expect(usdShort(640_400)).toBe('$640k');
    expect(minutes(0.004)).toBe('< 0.01 min');
    expect(minutes(0)).toBe('0.00 min');
    expect(minutes(1801.2)).toBe('1,801 min');
  });

  it('dates are UTC whatever the machine zone', () => {
    expect(dateTime(Date.UTC(2026, 10, 24, 2, 13, 59))).toBe('2026-11-24 02:13 UTC');
  });
});
