import { esc } from '../report/escape';
import type { CapacityPlanResult } from './types';

/**
 * The forecast chart, one drawing for the Capacity view and the decision
 * pack: total demand per period (Gbit/s, with the build-for margin) as a line,
 * the growth interval as a band, and a tick under each period where plan
 * steps fall due (with their count). Plain SVG text, no script, every label
 * escaped; the pack inlines it, the view sets it as markup.
 */
export function forecastSvg(plan: Pick<CapacityPlanResult, 'periods'>, width = 640, height = 220): string {
  const ps = plan.periods;
  const pad = { l: 56, r: 36, t: 14, b: 44 };
  const w = width - pad.l - pad.r;
  const h = height - pad.t - pad.b;
  const max = Math.max(1e-9, ...ps.map((p) => p.demandGbps.high));
  const x = (i: number): number => pad.l + (ps.length <= 1 ? w / 2 : (i * w) / (ps.length - 1));
  const y = (v: number): number => pad.t + h - (v / max) * h;
  const f = (v: number): string => v.toFixed(1);
  const band = [...ps.map((p, i) => `${f(x(i))},${f(y(p.demandGbps.high))}`), ...ps.map((p, i) => `${f(x(i))},${f(y(p.demandGbps.low))}`).reverse()].join(' ');
  const line = ps.map((p, i) => `${f(x(i))},${f(y(p.demandGbps.expected))}`).join(' ');
  const ticks = [0, 0.5, 1].map((q) => {
    const v = max * q;
    return `<line x1="${pad.l}" x2="${pad.l + w}" y1="${f(y(v))}" y2="${f(y(v))}" stroke="#ddd"/><text x="${pad.l - 6}" y="${f(y(v) + 4)}" text-anchor="end" font-size="11">${esc(v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1))}</text>`;
  });
  const labels = ps.map(
    (p, i) =>
      `<text x="${f(x(i))}" y="${pad.t + h + 16}" text-anchor="middle" font-size="11">${esc(p.title)}</text>` +
      (p.steps > 0 ? `<text x="${f(x(i))}" y="${pad.t + h + 32}" text-anchor="middle" font-size="11" fill="#b45309">${p.steps} step${p.steps === 1 ? '' : 's'}</text>` : ''),
  );
  const dots = ps.map((p, i) => `<circle cx="${f(x(i))}" cy="${f(y(p.demandGbps.expected))}" r="3" fill="#1d4ed8"><title>${esc(`${p.title}: ${p.demandGbps.expected.toFixed(1)} Gbit/s (${p.demandGbps.low.toFixed(1)}–${p.demandGbps.high.toFixed(1)})`)}</title></circle>`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Forecast demand per period with its interval">` +
    ticks.join('') +
    `<text x="12" y="${pad.t + h / 2}" font-size="11" transform="rotate(-90 12 ${pad.t + h / 2})" text-anchor="middle">Gbit/s</text>` +
    `<polygon points="${band}" fill="#93c5fd" fill-opacity="0.45" stroke="none"/>` +
    `<polyline points="${line}" fill="none" stroke="#1d4ed8" stroke-width="2"/>` +
    dots.join('') +
    labels.join('') +
    '</svg>'
  );
}
