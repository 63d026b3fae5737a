import { createHash, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { ErrorCode } from '../../../src-shared/contract/result';

export interface Refusal {
  status: number;
  code: ErrorCode;
  message: string;
}

/**
 * Who may talk to the host at all, before any route runs:
 * - Host must be exactly the loopback name and port we serve: a DNS-rebound
 *   name (`127.0.0.1.evil.example`, `localhost.`) or a missing Host is 421.
 * - Origin, when sent, must be our own origin: another page's fetch is 403.
 * - Sec-Fetch-Site, when sent, must be `same-origin` or `none` (typed URL) for
 *   the API: a cross-site form POST carries no Origin in old browsers, but
 *   modern ones say `cross-site` here. Other ports of localhost are
 *   `same-site`, which is not us either.
 */
export function checkCaller(req: http.IncomingMessage, port: number, isApi: boolean): Refusal | null {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = req.headers.host;
  if (host === undefined || !hosts.includes(host)) {
    return { status: 421, code: 'FORBIDDEN', message: 'this host only answers to its own loopback address (Host header refused)' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) {
    return { status: 403, code: 'FORBIDDEN', message: 'cross-origin request refused (Origin is not this host)' };
  }
  const site = req.headers['sec-fetch-site'];
  if (isApi && site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { status: 403, code: 'FORBIDDEN', message: `cross-site request refused (Sec-Fetch-Site: ${site.slice(0, 20)})` };
  }
  return null;
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/**
 * The session token from the `X-NetTwin-Token` header (any letter case: HTTP
 * header names are case-insensitive), or for GET only from `?token=`, since
 * EventSource and download links cannot set headers. Compared as SHA-256
 * digests in constant time, so neither the content nor the length leaks.
 */
export function hasToken(req: http.IncomingMessage, url: URL, token: string): boolean {
  const header = req.headers['x-nettwin-token'];
  const given = header ?? (req.method === 'GET' ? url.searchParams.get('token') : null);
  if (typeof given !== 'string' || given.length === 0) return false;
  return timingSafeEqual(digest(given), digest(token));
}
