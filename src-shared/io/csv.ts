import { ImportError } from './report';

/** One parsed CSV record with the line it started on (1-based), for error messages. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * RFC 4180 CSV parser: quoted fields with doubled quotes, commas and line
 * breaks inside quotes, CRLF or LF line ends, a leading UTF-8 BOM (Excel and
 * NetBox exports carry one). Blank lines are skipped. O(length).
 * Throws ImportError for an unterminated quote or a stray quote mid-field.
 */
export function parseCsv(text: string, file: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quotedCell = false;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '' && !quotedCell)) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    quotedCell = false;
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '"' && cell === '' && !quotedCell) {
      // Quoted field: read to the closing quote.
      const startLine = line;
      quotedCell = true;
      i++;
      for (;;) {
        if (i >= src.length) throw new ImportError(file, 'unterminated quoted field', startLine);
        const q = src[i]!;
        if (q === '"') {
          if (src[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        cell += q;
        i++;
      }
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new ImportError(file, 'text after a closing quote', line);
      }
      continue;
    }
    if (ch === ',') {
      cells.push(cell);
      cell = '';
      quotedCell = false;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else if (ch === '"') {
      throw new ImportError(file, 'quote inside an unquoted field', line);
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || cells.length > 0 || quotedCell) endRecord();
  return records;
}

/** A CSV table read by header name; header matching ignores case, spaces and underscores. */
export interface CsvTable {
  header: string[];
  rows: Array<{ line: number; get(column: string): string | undefined }>;
}

export const normaliseHeader = (h: string): string => h.trim().toLowerCase().replace(/[\s_-]+/g, '');

export function readCsvTable(text: string, file: string): CsvTable {
  const records = parseCsv(text, file);
  const head = records[0];
  if (head === undefined) throw new ImportError(file, 'the file is empty');
  const index = new Map<string, number>();
  head.cells.forEach((h, k) => {
    const key = normaliseHeader(h);
    if (key !== '' && !index.has(key)) index.set(key, k);
  });
  return {
    header: head.cells,
    rows: records.slice(1).map((r) => ({
      line: r.line,
      get: (column: string) => {
        const k = index.get(normaliseHeader(column));
        const cell = k === undefined ? undefined : r.cells[k];
        return cell === undefined ? undefined : unguardCell(cell);
      },
    })),
  };
}

/** First non-blank value among several possible column names (NetBox UI vs import headers). */
export function pick(row: CsvTable['rows'][number], ...columns: string[]): string | undefined {
  for (const c of columns) {
    const v = row.get(c);
    if (v !== undefined && v.trim() !== '') return v.trim();
  }
  return undefined;
}

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
}

/**
 * Text a spreadsheet would run as a formula (OWASP "CSV injection"): a cell
 * starting with = + - @ tab or CR. Such text cells get a leading apostrophe
 * (spreadsheets then show the text); apostrophes already in front of those
 * characters get one more, so `unguardCell` gives back exactly what was
 * written. Numbers are written as numbers: -3.7 is a value, not a formula.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function unguardCell(cell: string): string {
  return FORMULA_START.test(cell) && cell.startsWith("'") ? cell.slice(1) : cell;
}

/** Quotes a cell when it holds a comma, quote, line break or edge spaces (RFC 4180); guards formula-like text. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text with a header line, CRLF line ends as RFC 4180 asks. */
export function toCsv<Row>(rows: readonly Row[], columns: ReadonlyArray<CsvColumn<Row>>): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(c.value(r))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
