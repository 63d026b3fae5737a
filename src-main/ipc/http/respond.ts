import type http from 'node:http';
import type net from 'node:net';
import type { ErrorCode } from '../../../src-shared/contract/result';

/** Headers on every API answer: never cached, never sniffed into something executable. */
export const API_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

export const JSON_TYPE = 'application/json; charset=utf-8';

export const errorBody = (code: ErrorCode, message: string): string => JSON.stringify({ ok: false, error: { code, message } });

/** Sends a JSON body, unless the client is gone or an answer already started. */
export function sendJson(res: http.ServerResponse, status: number, body: string, extra: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': String(Buffer.byteLength(body)), ...API_HEADERS, ...extra });
  res.end(body);
}

export function sendError(res: http.ServerResponse, status: number, code: ErrorCode, message: string, extra: Record<string, string> = {}): void {
  sendJson(res, status, errorBody(code, message), extra);
}

/**
 * Refuses a request whose body we will not read (too large): answers with
 * `Connection: close`, lets Node discard what is still arriving, and closes
 * the socket shortly after the answer is out. Destroying at once could reset
 * the connection before the client has read the answer.
 */
export function refuseAndClose(res: http.ServerResponse, status: number, code: ErrorCode, message: string): void {
  const socket = res.socket;
  sendError(res, status, code, message, { Connection: 'close' });
  res.req.resume();
  const kill = setTimeout(() => socket?.destroy(), 250);
  kill.unref();
  socket?.once('close', () => clearTimeout(kill));
}

const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'request headers are too large'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'Payload Too Large', 'chunk extensions are too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'the request took too long to arrive'],
};

/**
 * Node's own refusals (malformed request, headers too large or too slow) in
 * our JSON shape. Never logs `err.rawPacket`: it may hold the session token.
 */
export function onClientError(err: Error & { code?: string }, socket: net.Socket): void {
  if (err.code !== 'ECONNRESET' && socket.writable && socket.bytesWritten === 0) {
    const [status, reason, message] = CLIENT_ERRORS[err.code ?? ''] ?? [400, 'Bad Request', 'malformed HTTP request'];
    const body = errorBody(status === 408 ? 'CANCELLED' : 'INVALID_INPUT', message);
    const headers = [
      `HTTP/1.1 ${status} ${reason}`,
      `Content-Type: ${JSON_TYPE}`,
      `Content-Length: ${Buffer.byteLength(body)}`,
      ...Object.entries(API_HEADERS).map(([k, v]) => `${k}: ${v}`),
      'Connection: close',
    ];
    socket.write(`${headers.join('\r\n')}\r\n\r\n${body}`);
  }
  socket.destroy();
}
