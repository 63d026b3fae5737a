import type { Result } from '../../src-shared/contract/result';
import type { Dispatch } from './dispatch';

/** The part of Electron's IpcMainInvokeEvent we look at (kept structural so it is testable without Electron). */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string; readonly parent?: unknown } | null;
}

/** The sender's frame URL when it is a top-level frame, else undefined (a sub-frame is never the app). */
function topFrameUrl(event: InvokeEventLike): string | undefined {
  try {
    const frame = event.senderFrame;
    if (frame === null || (frame.parent !== undefined && frame.parent !== null)) return undefined;
    return frame.url;
  } catch {
    return undefined; // Electron throws when the frame is already gone
  }
}

/** The handler `ipcMain.handle(channel, …)` runs: refuse foreign frames, then the shared dispatch. */
export function makeIpcHandler(
  channel: string,
  dispatch: Dispatch,
  isTrustedUrl: (url: string) => boolean,
): (event: InvokeEventLike, raw: unknown) => Promise<Result<unknown>> {
  return async (event, raw) => {
    const url = topFrameUrl(event);
    if (url === undefined || !isTrustedUrl(url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: `${channel}: caller is not the NetTwin window` } };
    }
    return dispatch(channel, raw);
  };
}
