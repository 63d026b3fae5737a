import type { Result } from '../../src-shared/contract/result';
import type { Dispatch } from './dispatch';

/** The part of Electron's IpcMainInvokeEvent we look at (kept structural so it is testable without Electron). */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

/** The handler `ipcMain.handle(channel, …)` runs: refuse foreign frames, then the shared dispatch. */
export function makeIpcHandler(
  channel: string,
  dispatch: Dispatch,
  isTrustedUrl: (url: string) => boolean,
): (event: InvokeEventLike, raw: unknown) => Promise<Result<unknown>> {
  return async (event, raw) => {
    const url = event.senderFrame?.url;
    if (url === undefined || !isTrustedUrl(url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: `${channel}: caller is not the NetTwin window` } };
    }
    return dispatch(channel, raw);
  };
}
