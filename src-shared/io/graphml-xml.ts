/**
 * A small, strict, non-validating XML tokenizer for the GraphML importer.
 *
 * Pure TypeScript (src-shared has no DOM). Handles elements, attributes in
 * single or double quotes, text, the five predefined entities and numeric
 * character references, comments, CDATA, processing instructions and a
 * DOCTYPE (skipped, internal subsets included). Checks well-formedness that
 * matters for us: every tag closed, end tags matching, one root element.
 * Errors carry the 1-based line and column of the offending character.
 * Complexity: O(length of the text); positions are computed only on error.
 */

export interface XmlHandler {
  open(name: string, attrs: Map<string, string>, offset: number): void;
  close(name: string, offset: number): void;
  text(text: string): void;
}

export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
  constructor(
    readonly detail: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${detail}`);
  }
}

/** 1-based line and column of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function fail(text: string, offset: number, detail: string): never {
  const { line, column } = positionOf(text, offset);
  throw new XmlSyntaxError(detail, line, column);
}

/** Replaces entity and character references in text or an attribute value. */
function decode(text: string, raw: string, base: number): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(/&([^;&\s]*);?/g, (match, ref: string, at: number) => {
    if (!match.endsWith(';')) fail(text, base + at, `"&" not followed by an entity reference ending in ";"`);
    if (ref.startsWith('#')) {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      const digits = ref.slice(hex ? 2 : 1);
      const code = (hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits) ? Number.parseInt(digits, hex ? 16 : 10) : NaN;
      // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
      const isChar = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff)
        || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
      if (!isChar) fail(text, base + at, `bad character reference "&${ref};" (not a character XML allows)`);
      return String.fromCodePoint(code);
    }
    const v = ENTITIES[ref];
    if (v === undefined) fail(text, base + at, `unknown entity "&${ref};"`);
    return v;
  });
}

const NAME_END = /[\s/>=]/;

function readName(text: string, i: number): number {
  let j = i;
  while (j < text.length && !NAME_END.test(text[j]!)) j++;
  return j;
}

/** Tokenizes `text`, calling the handler for each element start/end and text run. */
export function tokenizeXml(text: string, h: XmlHandler): void {
  new XmlTokenizer(text, h).run(Infinity);
}

/**
 * The same tokenizer, resumable: `run(until)` reads whole tokens until the
 * offset reaches `until`, so a caller can yield between slices of a huge
 * file and report progress by characters read (`offset`).
 */
export class XmlTokenizer {
  private readonly stack: string[] = [];
  private rootSeen = false;
  private i: number;
  private finished = false;

  constructor(
    private readonly text: string,
    private readonly h: XmlHandler,
  ) {
    this.i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark
  }

  /** Characters consumed so far. */
  get offset(): number {
    return this.i;
  }

  /** Reads tokens until `until` (or the end); true once the whole text has been read and checked. */
  run(until: number): boolean {
    if (this.finished) return true;
    const { text, h, stack } = this;
    const n = text.length;
    let i = this.i;
    let tail = -1; // where trailing text after the last tag starts: the offset an error about the end points at
    while (i < n && i < until) {
      const lt = text.indexOf('<', i);
      const textEnd = lt < 0 ? n : lt;
      if (textEnd > i) {
        const raw = text.slice(i, textEnd);
        if (stack.length > 0) h.text(decode(text, raw, i));
        else if (raw.trim() !== '') fail(text, i + raw.search(/\S/), 'text outside the root element');
      }
      if (lt < 0) {
        tail = i;
        i = n;
        break;
      }
      i = lt;
      if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i + 4);
        if (end < 0) fail(text, i, 'comment is never closed ("-->" missing)');
        i = end + 3;
      } else if (text.startsWith('<![CDATA[', i)) {
        const end = text.indexOf(']]>', i + 9);
        if (end < 0) fail(text, i, 'CDATA section is never closed');
        if (stack.length === 0) fail(text, i, 'CDATA outside the root element');
        h.text(text.slice(i + 9, end));
        i = end + 3;
      } else if (text.startsWith('<?', i)) {
        const end = text.indexOf('?>', i + 2);
        if (end < 0) fail(text, i, 'processing instruction is never closed ("?>" missing)');
        i = end + 2;
      } else if (text.startsWith('<!DOCTYPE', i)) {
        i = skipDoctype(text, i);
      } else if (text.startsWith('</', i)) {
        const nameEnd = readName(text, i + 2);
        const name = text.slice(i + 2, nameEnd);
        let j = nameEnd;
        while (j < n && /\s/.test(text[j]!)) j++;
        if (text[j] !== '>') fail(text, j, `end tag </${name}> is not closed with ">"`);
        const open = stack.pop();
        if (open === undefined) fail(text, i, `end tag </${name}> without a matching start tag`);
        if (open !== name) fail(text, i, `end tag </${name}> does not match start tag <${open}>`);
        h.close(name, i);
        i = j + 1;
      } else {
        i = readStartTag(text, i, stack, h, this.rootSeen);
        this.rootSeen = true;
      }
    }
    this.i = i;
    if (i < n) return false;
    if (stack.length > 0) fail(text, n, `file ends inside <${stack[stack.length - 1]!}> (missing end tag)`);
    if (!this.rootSeen) fail(text, tail < 0 ? i : tail, 'no root element');
    this.finished = true;
    return true;
  }
}

function skipDoctype(text: string, start: number): number {
  let depth = 0;
  for (let j = start + 9; j < text.length; j++) {
    const c = text[j];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return j + 1;
  }
  return fail(text, start, 'DOCTYPE is never closed');
}

function readStartTag(text: string, start: number, stack: string[], h: XmlHandler, rootSeen: boolean): number {
  const n = text.length;
  const nameEnd = readName(text, start + 1);
  const name = text.slice(start + 1, nameEnd);
  if (name === '' || /^[\d.-]/.test(name)) fail(text, start, '"<" not followed by a tag name');
  if (stack.length === 0 && rootSeen) fail(text, start, `second root element <${name}>`);
  const attrs = new Map<string, string>();
  let i = nameEnd;
  for (;;) {
    while (i < n && /\s/.test(text[i]!)) i++;
    if (i >= n) fail(text, start, `start tag <${name}> is never closed`);
    const c = text[i];
    if (c === '>') {
      stack.push(name);
      h.open(name, attrs, start);
      return i + 1;
    }
    if (c === '/') {
      if (text[i + 1] !== '>') fail(text, i, `expected "/>" in <${name}>`);
      h.open(name, attrs, start);
      h.close(name, start);
      return i + 2;
    }
    const attrEnd = readName(text, i);
    const attr = text.slice(i, attrEnd);
    if (attr === '') fail(text, i, `unexpected "${c ?? ''}" in start tag <${name}>`);
    i = attrEnd;
    while (i < n && /\s/.test(text[i]!)) i++;
    if (text[i] !== '=') fail(text, i, `attribute "${attr}" of <${name}> has no value`);
    i++;
    while (i < n && /\s/.test(text[i]!)) i++;
    const q = text[i];
    if (q !== '"' && q !== "'") fail(text, i, `value of attribute "${attr}" must be quoted`);
    const close = text.indexOf(q, i + 1);
    if (close < 0) fail(text, i, `value of attribute "${attr}" is never closed`);
    const raw = text.slice(i + 1, close);
    if (raw.indexOf('<') >= 0) fail(text, i + 1 + raw.indexOf('<'), `"<" inside the value of attribute "${attr}"`);
    if (attrs.has(attr)) fail(text, i, `attribute "${attr}" repeated in <${name}>`);
    attrs.set(attr, decode(text, raw, i + 1));
    i = close + 1;
  }
}
