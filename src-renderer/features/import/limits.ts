import { GRAPHML_MAX_CHARS, tooLargeError } from '../../../src-shared/io/graphml-limits';

/**
 * The canvas draws designs up to this many devices. Above it, layout, the
 * live validation that follows every edit (it compares every pair of sites)
 * and React Flow's painting keep the page busy for seconds at a time
 * (measured in docs/limits.md), so the design screen says so instead of
 * drawing.
 */
export const CANVAS_MAX_DEVICES = 2_000;

export const tooBigToDraw = (nodeCount: number): boolean => nodeCount > CANVAS_MAX_DEVICES;

const count = (n: number): string => n.toLocaleString('en-US');

/** What the design screen shows instead of a canvas it cannot draw. */
export function largeDesignNotice(nodeCount: number, linkCount: number): string {
  return (
    `This design has ${count(nodeCount)} devices and ${count(linkCount)} links; the canvas draws designs of up to ` +
    `${count(CANVAS_MAX_DEVICES)} devices, so it is not drawn. It is stored in full and exports in every format.`
  );
}

/** Files this many times the character cap are refused before the page reads them (UTF-8 needs at most 4 bytes a character). */
const READ_MAX_BYTES = 4 * GRAPHML_MAX_CHARS;

/** Refusal for a file too large to send, before or after reading it; null when it may go. */
export function sizeProblem(fileName: string, bytes: number, chars?: number): string | null {
  if (bytes > READ_MAX_BYTES) return tooLargeError(fileName, bytes).message;
  if (chars !== undefined && chars > GRAPHML_MAX_CHARS) return tooLargeError(fileName, chars).message;
  return null;
}

/**
 * The browser host refuses a request body over its limit (or drops the
 * connection): say which file, how big, and what to do instead.
 */
export function importProblem(fileName: string, bytes: number, message: string): string {
  const host = /^request larger than (\d+) bytes/.exec(message);
  if (host !== null || (/did not answer/.test(message) && bytes > 16 * 1048576)) {
    const limit = host === null ? '' : ` (${(Number(host[1]) / 1048576).toFixed(0)} MB a request)`;
    return `${fileName}: ${(bytes / 1048576).toFixed(1)} MB is more than the browser host accepts${limit}; import it in the desktop app or with "nettwin import" (see docs/limits.md)`;
  }
  return message;
}
