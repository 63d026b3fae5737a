import { esc } from './escape';

/**
 * Small HTML builders for the report. Cells are given as already-safe HTML
 * (build them with `esc` or the formatters, which return plain digits) so a
 * builder never escapes twice; `text()` marks a raw project string.
 */
export type Html = string & { readonly __html?: true };

export const text = (value: string | number | null | undefined): Html => esc(value);

export interface Column {
  head: string;
  /** Right-aligned figures. */
  num?: boolean;
  /** Relative width hint (CSS width, e.g. "30%"). */
  width?: string;
  /** Keep on one line (dates, short codes). */
  nowrap?: boolean;
}

function cellClass(c: Column | undefined): string {
  const cls = [c?.num ? 'num' : '', c?.nowrap ? 'nowrap' : ''].filter(Boolean).join(' ');
  return cls ? ` class="${cls}"` : '';
}

export function table(columns: readonly Column[], rows: readonly (readonly Html[])[], opts: { cls?: string; rowCls?: (i: number) => string } = {}): Html {
  const head = columns
    .map((c) => `<th${c.num ? ' class="num"' : ''}${c.width ? ` style="width:${c.width}"` : ''}>${esc(c.head)}</th>`)
    .join('');
  const body = rows
    .map((r, i) => {
      const cls = opts.rowCls?.(i) ?? '';
      const cells = r.map((cell, k) => `<td${cellClass(columns[k])}>${cell}</td>`).join('');
      return `<tr${cls ? ` class="${cls}"` : ''}>${cells}</tr>`;
    })
    .join('\n');
  return `<table${opts.cls ? ` class="${opts.cls}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** A two-column fact list (label → value). Labels are our own words; values are safe HTML. */
export function facts(rows: readonly (readonly [string, Html])[]): Html {
  return `<table class="facts"><tbody>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
}

/** A plain statement that something is absent: the report never fills a gap with invented figures. */
export const none = (message: string): Html => `<p class="none">${esc(message)}</p>`;

export const p = (html: Html, cls?: string): Html => `<p${cls ? ` class="${cls}"` : ''}>${html}</p>`;

export const h3 = (title: string): Html => `<h3>${esc(title)}</h3>`;

/** A numbered top-level section; each starts on a new page. */
export function section(id: string, number: number, title: string, body: readonly Html[]): Html {
  return `<section class="chapter" id="${id}"><h2><span class="no">${number}</span> ${esc(title)}</h2>\n${body.join('\n')}\n</section>`;
}

export const badge = (ok: boolean | null, yes = 'pass', no = 'fail'): Html =>
  ok === null ? '<span class="badge unknown">–</span>' : `<span class="badge ${ok ? 'ok' : 'bad'}">${ok ? yes : no}</span>`;

/** A list that prints the first `max` items and says how many more there are. */
export function capped(items: readonly Html[], max: number, sep = ', '): Html {
  if (items.length <= max) return items.join(sep);
  return `${items.slice(0, max).join(sep)}${sep}<em>and ${items.length - max} more</em>`;
}
