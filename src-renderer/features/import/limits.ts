import type { ErrorCode } from '../../../src-shared/contract/result';
import { tooLargeError } from '../../../src-shared/io/graphml-limits';
import { CANVAS_MAX_DEVICES, HOST_MAX_BODY_BYTES, IMPORT_MAX_CHARS as GRAPHML_MAX_CHARS } from '../../../src-shared/lib/limits';

/** The canvas limit lives with every other limit (src-shared/lib/limits.ts). */
export { CANVAS_MAX_DEVICES };

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
 * The browser host refuses a request body over its limit (TOO_LARGE), or
 * drops the connection of a large one (UNREACHABLE): say which file, how
 * big, and what to do instead. Decided by the error's code, never its words.
 */
export function importProblem(fileName: string, bytes: number, error: { code: ErrorCode; message: string }): string {
  if (error.code === 'TOO_LARGE' || (error.code === 'UNREACHABLE' && bytes > HOST_MAX_BODY_BYTES / 2)) {
    const limit = error.code === 'TOO_LARGE' ? ` (${(HOST_MAX_BODY_BYTES / 1048576).toFixed(0)} MB a request)` : '';
    return `${fileName}: ${(bytes / 1048576).toFixed(1)} MB is more than the browser host accepts${limit}; import it in the desktop app or with "nettwin import" (see docs/limits.md)`;
  }
  return error.message;
}
