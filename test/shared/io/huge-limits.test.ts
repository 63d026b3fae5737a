import { describe, expect, it } from 'vitest';
import { GRAPHML_MAX_CHARS } from '../../../src-shared/io/graphml';
import {
  CANVAS_MAX_DEVICES,
  importProblem,
  largeDesignNotice,
  sizeProblem,
  tooBigToDraw,
} from '../../../src-renderer/features/import/limits';

describe('what the import screen and the design screen say about huge input', () => {
  it('draws designs up to the documented device count, and says why it does not draw a larger one', () => {
    expect(CANVAS_MAX_DEVICES).toBe(2_000);
    expect(tooBigToDraw(2_000)).toBe(false);
    expect(tooBigToDraw(2_001)).toBe(true);
    expect(largeDesignNotice(50_000, 65_112)).toBe(
      'This design has 50,000 devices and 65,112 links; the canvas draws designs of up to 2,000 devices, so it is not drawn. It is stored in full and exports in every format.',
    );
  });

  it('refuses a file over the GraphML cap before sending it, naming the file and its size', () => {
    expect(sizeProblem('zoo.graphml', 30 * 1048576, 30 * 1048576)).toBeNull();
    expect(sizeProblem('zoo.graphml', 80 * 1048576, 80 * 1048576)).toBe(
      'zoo.graphml: file is 80.0 MB, larger than the 64 MB limit for GraphML (see docs/limits.md)',
    );
    // Not even read into the page when it cannot fit whatever its encoding.
    expect(sizeProblem('disk.img', 4 * GRAPHML_MAX_CHARS + 1)).toMatch(/^disk\.img: file is 256\.0 MB, larger than the 64 MB limit/);
    expect(sizeProblem('zoo.graphml', 4 * GRAPHML_MAX_CHARS)).toBeNull();
  });

  it("turns the browser host's request limit into a message about the file, by the error's code", () => {
    expect(importProblem('zoo100k.graphml', 53.8e6, { code: 'TOO_LARGE', message: 'request larger than 33554432 bytes' })).toBe(
      'zoo100k.graphml: 51.3 MB is more than the browser host accepts (32 MB a request); import it in the desktop app or with "nettwin import" (see docs/limits.md)',
    );
    expect(importProblem('zoo.graphml', 40e6, { code: 'UNREACHABLE', message: "NetTwin's back end did not answer (Failed to fetch)" })).toMatch(/^zoo\.graphml: 38\.1 MB is more than the browser host accepts;/);
    expect(importProblem('a.graphml', 1000, { code: 'INVALID_INPUT', message: 'a.graphml line 3: broken XML' })).toBe('a.graphml line 3: broken XML');
    // The words alone decide nothing: a parse error that happens to say "request larger than" stays itself.
    expect(importProblem('b.graphml', 1000, { code: 'INVALID_INPUT', message: 'request larger than 10 bytes' })).toBe('request larger than 10 bytes');
    // A small file whose host did not answer is not blamed on its size.
    expect(importProblem('c.graphml', 1000, { code: 'UNREACHABLE', message: 'no answer' })).toBe('no answer');
  });
});
