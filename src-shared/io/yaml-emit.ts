import { stringify } from 'yaml';

/**
 * Block-style YAML for plain data (objects, arrays, strings, finite and
 * non-finite numbers, booleans, null), written line by line.
 *
 * Why not `yaml.stringify`: it builds a document tree of a node object per
 * value and then walks it, ~4 µs a scalar; a 50,000-device containerlab or
 * Ansible export holds ~2 million scalars, so 7–10 s on the host's thread
 * (docs/limits.md). This writes the same layout as `stringify(value,
 * { lineWidth: 0, aliasDuplicateObjects: false })` (indent 2, sequences
 * indented under their key, `{}`/`[]` for empty collections, `null`) in one
 * pass, O(total size).
 *
 * Strings: those that are plain in any context (a letter first, then
 * letters, digits, spaces between words and `_ . / ( ) + & , @ = : -`, no
 * colon before a space or at the end, not a YAML keyword) are written as they are; digit strings double-quoted; any
 * other single-line string is written as `yaml` writes it alone (cached, so
 * repeated values cost once); a multi-line string is double-quoted with
 * escapes. So the text is byte-identical to `stringify` for what designs
 * hold, and always parses back to the same value (tested with random
 * Unicode strings and keys in test/shared/huge/yaml-emit.test.ts).
 * `undefined` map entries are left out, as `stringify` does.
 */
export function emitYaml(value: unknown): string {
  const w: Writer = { chunks: [], lines: [], scalars: new Map() };
  if (isCollection(value) && !isEmpty(value)) block(value, '', '', w);
  else line(w, scalar(value, w.scalars, false));
  w.lines.push('');
  w.chunks.push(w.lines.join('\n'));
  return w.chunks.join('');
}

type Collection = readonly unknown[] | Record<string, unknown>;

/** Text joined every 2,048 lines: millions of live line strings would keep the collector busy. */
interface Writer {
  chunks: string[];
  lines: string[];
  scalars: Map<string, string>;
}

function line(w: Writer, text: string): void {
  w.lines.push(text);
  if (w.lines.length === 2048) {
    w.lines.push('');
    w.chunks.push(w.lines.join('\n'));
    w.lines = [];
  }
}

const isCollection = (v: unknown): v is Collection => typeof v === 'object' && v !== null;
const isEmpty = (v: Collection): boolean => (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);

/** YAML's implicit keys are limited to 1024 characters; longer keys take the explicit `? key` form. */
const IMPLICIT_KEY_MAX = 1000;

/** Writes a non-empty collection at `indent`; its first line starts with `first` instead (a sequence item's "- "). */
function block(v: Collection, indent: string, first: string, w: Writer): void {
  const inner = `${indent}  `;
  let lead = first;
  if (Array.isArray(v)) {
    for (const item of v as readonly unknown[]) {
      if (isCollection(item) && !isEmpty(item)) block(item, inner, `${lead}- `, w);
      else line(w, `${lead}- ${scalar(item, w.scalars, false)}`);
      lead = indent;
    }
    return;
  }
  for (const key of Object.keys(v)) {
    const item = (v as Record<string, unknown>)[key];
    if (item === undefined) continue;
    const k = scalar(key, w.scalars, true);
    const nested = isCollection(item) && !isEmpty(item);
    if (key.length > IMPLICIT_KEY_MAX) {
      line(w, `${lead}? ${k}`);
      if (nested) {
        line(w, `${indent}:`);
        block(item, inner, inner, w);
      } else line(w, `${indent}: ${scalar(item, w.scalars, false)}`);
    } else if (nested) {
      line(w, `${lead}${k}:`);
      block(item, inner, inner, w);
    } else {
      line(w, `${lead}${k}: ${scalar(item, w.scalars, false)}`);
    }
    lead = indent;
  }
}

const PLAIN = /^[A-Za-z_][\w./()+&,@=:-]*(?: [\w./()+&,@=:-]+)*$/;
/** A colon before a space or at the end would start a mapping. */
const COLON_END = /:(?: |$)/;
const KEYWORD = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const DIGITS = /^[0-9]+$/;

function scalar(v: unknown, scalars: Map<string, string>, key: boolean): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan';
    if (!Number.isFinite(v)) return v < 0 ? '-.inf' : '.inf';
    return Object.is(v, -0) ? '-0' : JSON.stringify(v);
  }
  if (Array.isArray(v)) return '[]';
  if (typeof v === 'object') return '{}';
  if (typeof v !== 'string') throw new TypeError(`emitYaml: cannot write a ${typeof v} value`);
  if (PLAIN.test(v) && !COLON_END.test(v) && !KEYWORD.test(v) && (!key || v.length <= IMPLICIT_KEY_MAX)) return v;
  if (DIGITS.test(v)) return `"${v}"`;
  let s = scalars.get(v);
  if (s === undefined) {
    const alone = v.includes('\n') || v.includes('\r') ? '' : stringify(v, { lineWidth: 0 }).slice(0, -1);
    s = alone === '' || alone.includes('\n') ? doubleQuoted(v) : alone;
    scalars.set(v, s);
  }
  return s;
}

/**
 * A YAML double-quoted scalar: JSON's escapes (a subset of YAML's) plus
 * `\u` for the characters YAML does not allow unescaped (C1 controls, DEL,
 * U+FFFE/U+FFFF).
 */
function doubleQuoted(v: string): string {
  return JSON.stringify(v).replace(/[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
