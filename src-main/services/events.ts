import type { EventName, EventPayload } from '../../src-shared/contract/events';

export type EventListener = (name: EventName, payload: unknown) => void;

/** Fan-out of main → renderer events to every transport that listens. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) {
      try {
        l(name, payload);
      } catch {
        // A broken listener (closed window, dropped stream) must not stop the others.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
