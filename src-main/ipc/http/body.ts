import type http from 'node:http';

export type BodyOutcome = 'ok' | 'too-large' | 'gone';

/**
 * Streams a request body of at most `maxBytes` to `write` (which may wait:
 * the request is paused meanwhile). The socket's idle timer runs while we
 * wait for bytes — a client that sends part of a body and stops is cut off
 * after `idleMs` of silence — and is cleared once the body is in, so a slow
 * handler is never mistaken for a slow client. Listeners, not `for await`:
 * leaving a `for await` early destroys the socket before a 413 can be sent.
 */
export function pumpBody(
  req: http.IncomingMessage,
  maxBytes: number,
  idleMs: number,
  write: (chunk: Buffer) => Promise<void> | void,
): Promise<BodyOutcome> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return Promise.resolve('too-large');
  return new Promise<BodyOutcome>((resolve) => {
    let size = 0;
    let failed = false;
    const finish = (outcome: BodyOutcome): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onClose);
      if (!req.socket.destroyed) req.socket.setTimeout(0);
      resolve(outcome);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) return finish('too-large');
      const pending = write(chunk);
      if (pending) {
        req.pause();
        pending.then(
          () => req.resume(),
          () => {
            failed = true;
            finish('gone');
          },
        );
      }
    };
    const onEnd = (): void => {
      if (!failed) finish('ok');
    };
    const onClose = (): void => finish(req.complete && !failed ? 'ok' : 'gone');
    req.socket.setTimeout(idleMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.on('error', onClose);
  });
}

/** The whole body in memory (API calls: at most `maxBytes`). */
export async function readBody(req: http.IncomingMessage, maxBytes: number, idleMs: number): Promise<{ outcome: BodyOutcome; body: Buffer }> {
  const chunks: Buffer[] = [];
  const outcome = await pumpBody(req, maxBytes, idleMs, (c) => void chunks.push(c));
  return { outcome, body: Buffer.concat(chunks) };
}
