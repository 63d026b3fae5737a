import type { Topology } from '../../../src-shared/model/topology';

export type SaveState = 'saved' | 'pending' | 'saving' | 'conflict' | 'error';

export interface SaverDeps {
  /** Stores `topology` as the revision after `revision`; resolves with the new revision. */
  save: (topology: Topology, revision: number) => Promise<number>;
  onState: (state: SaveState, message?: string) => void;
  /** Someone else saved first: the caller reloads the design and tells the user. */
  onConflict: (message: string) => void;
  delayMs?: number;
}

const isConflict = (err: unknown): boolean => (err as { code?: string } | null)?.code === 'CONFLICT';

/**
 * Debounced, revision-aware saving of an edited design (design:update).
 * Edits within `delayMs` of each other become one save; a save never runs
 * while another is in flight (the newest topology is saved next, against the
 * revision the previous save returned). On CONFLICT it stops and reports.
 */
export class DesignSaver {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private next: Topology | null = null;
  private inFlight: Promise<void> | null = null;
  private stopped = false;
  private lastFailed = false;

  constructor(
    private revision: number,
    private readonly deps: SaverDeps,
  ) {}

  get currentRevision(): number {
    return this.revision;
  }

  schedule(t: Topology): void {
    if (this.stopped) return;
    this.next = t;
    this.deps.onState('pending');
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.deps.delayMs ?? 400);
  }

  /** Saves what is pending now (e.g. before leaving the design). */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.inFlight !== null) await this.inFlight;
    const t = this.next;
    if (t === null || this.stopped) return;
    this.next = null;
    this.deps.onState('saving');
    this.inFlight = this.deps
      .save(t, this.revision)
      .then((rev) => {
        this.lastFailed = false;
        this.revision = rev;
        this.deps.onState(this.next === null ? 'saved' : 'pending');
      })
      .catch((err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        if (isConflict(err)) {
          this.stopped = true;
          this.deps.onState('conflict', message);
          this.deps.onConflict(message);
        } else {
          this.next ??= t; // keep the edit; the next change or flush retries it
          this.lastFailed = true;
          this.deps.onState('error', message);
        }
      })
      .finally(() => {
        this.inFlight = null;
      });
    await this.inFlight;
    // Edits made while saving go next; after a failure wait for the next edit or flush.
    if (!this.lastFailed && this.next !== null && this.timer === null && !this.stopped) await this.flush();
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.stopped = true;
  }
}
