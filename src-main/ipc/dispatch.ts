import { contract, isChannel } from '../../src-shared/contract/contract';
import { describeZodError, toIpcError, type Result } from '../../src-shared/contract/result';
import type { CallContext, Handlers } from './handlers';

export type { CallContext };

export type Dispatch = (channel: string, raw: unknown, call?: CallContext) => Promise<Result<unknown>>;

type AnyHandler = (input: unknown, call: CallContext) => unknown;

/**
 * The one place every call goes through, whatever the transport: unknown
 * channel → error, input parsed by the contract's schema, handler errors
 * turned into `{code, message}` (the stack is logged here, never sent).
 */
export function createDispatch(handlers: Handlers, log: (line: string) => void = () => undefined): Dispatch {
  return async (channel, raw, call = {}) => {
    if (!isChannel(channel)) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `no such call: ${channel.slice(0, 80)}` } };
    const parsed = contract[channel].input.safeParse(raw ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: `${channel}: ${describeZodError(parsed.error)}` } };
    }
    const malformed = lonelySurrogateAt(parsed.data, []);
    if (malformed !== null) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: `${channel}: ${malformed}: text must be valid Unicode (a lone surrogate cannot be stored or named on disk)` } };
    }
    try {
      const value = await (handlers[channel] as AnyHandler)(parsed.data, call);
      return { ok: true, value };
    } catch (err) {
      const error = toIpcError(err);
      if (error.code === 'INTERNAL') log(`${channel} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return { ok: false, error };
    }
  };
}

/**
 * The path of the first string (or key) holding a lone UTF-16 surrogate, or
 * null. SQLite and file names store UTF-8, where such text silently becomes
 * U+FFFD: refused here so what is stored reads back identical.
 */
function lonelySurrogateAt(v: unknown, path: (string | number)[]): string | null {
  if (typeof v === 'string') return (v as string & { isWellFormed(): boolean }).isWellFormed() ? null : path.join('.') || 'input';
  if (v === null || typeof v !== 'object') return null;
  for (const [k, x] of Object.entries(v)) {
    const at = [...path, k];
    if (!(k as string & { isWellFormed(): boolean }).isWellFormed()) return at.join('.');
    const found = lonelySurrogateAt(x, at);
    if (found !== null) return found;
  }
  return null;
}
