import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { contract } from '../../../src-shared/contract/contract';
import { describeZodError, toIpcError } from '../../../src-shared/contract/result';
import { pumpBody } from './body';
import { API_HEADERS, refuseAndClose, sendError, sendJson } from './respond';

/** Project files over HTTP (browser mode only): download a project, upload one shared with you. */
export interface HostFiles {
  readonly dir: string;
  download(id: string): string;
  adopt(tmpFile: string, name: string): unknown;
}

export interface FileLimits {
  maxUploadBytes: number;
  idleTimeoutMs: number;
}

/** An error for the client: our own codes and messages; anything unexpected is logged and answered generically. */
function clientError(err: unknown, what: string, log: (line: string) => void): { code: ReturnType<typeof toIpcError>['code']; message: string } {
  const e = toIpcError(err);
  if (e.code !== 'INTERNAL') return e;
  log(`${what}: ${err instanceof Error ? err.message : String(err)}`);
  return { code: 'INTERNAL', message: `${what} failed on the host; see its log` };
}

export async function download(res: http.ServerResponse, files: HostFiles, id: string, idleMs: number, log: (l: string) => void): Promise<void> {
  let file: string;
  let size: number;
  try {
    file = files.download(id);
    size = fs.statSync(file).size;
  } catch (err) {
    // 404 whatever the reason, so a probe cannot tell "outside" from "absent"; the body says why.
    const e = clientError(err, 'download', log);
    sendError(res, e.code === 'INTERNAL' ? 500 : 404, e.code, e.message);
    return;
  }
  res.socket?.setTimeout(idleMs); // a client that stops reading a download is cut off, and the file closed
  res.writeHead(200, {
    ...API_HEADERS,
    'Content-Type': 'application/x-nettwin',
    'Content-Disposition': `attachment; filename="${path.basename(file).replace(/[^\w .()-]/g, '_')}"`,
    'Content-Length': String(size),
  });
  try {
    // pipeline, not pipe: when the client goes away mid-file the read stream (and its fd) is closed too.
    await pipeline(fs.createReadStream(file), res);
  } catch {
    // client went away; nothing to answer
  }
}

/**
 * Takes an upload into the projects folder as `name`: the name obeys the same
 * rules as project:create's, and is checked before a byte is written; the
 * body goes to a temp file beside the projects, removed whatever happens.
 */
export async function upload(req: http.IncomingMessage, res: http.ServerResponse, files: HostFiles, name: string, limits: FileLimits, log: (l: string) => void): Promise<void> {
  const named = contract['project:create'].input.safeParse({ name });
  if (!named.success) {
    sendError(res, 400, 'INVALID_INPUT', `upload ?name=: ${describeZodError(named.error).replace(/^name: /, '')}`, { Connection: 'close' });
    return;
  }
  const tmp = path.join(files.dir, `.upload-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  let writeError: unknown = null;
  let outcome: Awaited<ReturnType<typeof pumpBody>>;
  try {
    const out = fs.createWriteStream(tmp, { flags: 'wx' });
    out.on('error', (err) => (writeError ??= err));
    outcome = await pumpBody(req, limits.maxUploadBytes, limits.idleTimeoutMs, (chunk) =>
      out.write(chunk) || writeError
        ? undefined
        : new Promise<void>((r) => {
            out.once('drain', () => r());
            out.once('error', () => r());
          }),
    );
    await new Promise<void>((resolve) => out.end(() => resolve()));
    if (out.errored) writeError ??= out.errored;
  } catch (err) {
    writeError = err;
    outcome = 'gone';
  }
  if (outcome !== 'ok' || writeError) fs.rmSync(tmp, { force: true });
  if (writeError) {
    const e = clientError(writeError, 'upload', log);
    sendError(res, 500, e.code, e.message, { Connection: 'close' });
    return;
  }
  if (outcome === 'too-large') return refuseAndClose(res, 413, 'TOO_LARGE', `upload larger than ${limits.maxUploadBytes} bytes`);
  if (outcome === 'gone') return;
  try {
    sendJson(res, 200, JSON.stringify({ ok: true, value: files.adopt(tmp, named.data.name) }));
  } catch (err) {
    sendJson(res, 200, JSON.stringify({ ok: false, error: clientError(err, 'upload', log) }));
  }
}
