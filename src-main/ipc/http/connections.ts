import type net from 'node:net';

interface Entry {
  since: number;
  /** A request on it carried the session token. */
  trusted: boolean;
  /** Requests under way on it. */
  active: number;
  /** It carries an event stream. */
  stream: boolean;
}

/**
 * Who keeps a connection when the host is full. Node's own maxConnections
 * refuses the newcomer, so 300 sockets that never send a token (slowloris,
 * a port scanner) lock out the page that holds it. Here a newcomer past the
 * cap is admitted and someone else leaves, in this order: the oldest
 * connection that never showed the token; then the oldest idle keep-alive
 * connection of a token holder; then the oldest event stream (EventSource
 * reconnects by itself). A connection with a call under way is never cut.
 * Event streams have their own cap, so a token holder opening hundreds of
 * them cannot occupy every connection either: past it, the oldest is closed.
 */
export class ConnectionGuard {
  private readonly entries = new Map<net.Socket, Entry>();

  constructor(
    private readonly maxConnections: number,
    private readonly maxStreams: number,
    private readonly log: (line: string) => void,
  ) {}

  admit(socket: net.Socket): void {
    this.entries.set(socket, { since: performance.now(), trusted: false, active: 0, stream: false });
    socket.once('close', () => this.entries.delete(socket));
    if (this.entries.size <= this.maxConnections) return;
    const victim = this.oldest((s, e) => s !== socket && !e.trusted && e.active === 0)
      ?? this.oldest((s, e) => s !== socket && e.trusted && e.active === 0 && !e.stream)
      ?? this.oldest((s, e) => s !== socket && e.stream);
    if (victim === undefined) {
      socket.destroy(); // every other connection is running a call: the newcomer waits its turn
      return;
    }
    this.entries.delete(victim);
    victim.destroy();
  }

  /** A request with the token arrived on this socket. */
  trust(socket: net.Socket): void {
    const e = this.entries.get(socket);
    if (e) e.trusted = true;
  }

  /** Marks a call under way; the returned function ends it. */
  begin(socket: net.Socket): () => void {
    const e = this.entries.get(socket);
    if (e === undefined) return () => undefined;
    e.active++;
    let ended = false;
    return () => {
      if (!ended && e.active > 0) e.active--;
      ended = true;
    };
  }

  /** This socket now carries an event stream; closes the oldest other stream past the cap. */
  stream(socket: net.Socket): void {
    const e = this.entries.get(socket);
    if (e === undefined) return;
    e.stream = true;
    let streams = 0;
    for (const x of this.entries.values()) if (x.stream) streams++;
    if (streams <= this.maxStreams) return;
    const victim = this.oldest((s, x) => s !== socket && x.stream);
    if (victim) {
      this.log(`events: more than ${this.maxStreams} event streams; closed the oldest`);
      this.entries.delete(victim);
      victim.destroy();
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private oldest(match: (s: net.Socket, e: Entry) => boolean): net.Socket | undefined {
    let best: net.Socket | undefined;
    let since = Infinity;
    for (const [s, e] of this.entries) {
      if (e.since < since && match(s, e)) {
        best = s;
        since = e.since;
      }
    }
    return best;
  }
}
