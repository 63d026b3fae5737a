/**
 * The object the preload exposes as `window.nettwin`, and the HTTP client
 * implements the same shape. Plain types only: the preload must stay tiny.
 */
export interface NettwinBridge {
  readonly transport: 'electron' | 'http';
  invoke(channel: string, input: unknown): Promise<unknown>;
  /** Subscribes to an event; returns an unsubscribe function. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}
