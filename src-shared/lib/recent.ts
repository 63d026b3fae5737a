/**
 * A small memo of the most recent results of a pure function, keyed by a
 * string the caller derives from every input (e.g. their JSON). Verifying a
 * large intent builds five families in one worker, and each asks for the
 * same sites and the same site traffic (~0.1 s each at 500 sites); the
 * key is compared in full, so a changed input is computed afresh. Callers
 * hand out copies, so no caller can change what another receives.
 */
export class RecentResults<T> {
  private readonly held = new Map<string, T>();
  constructor(private readonly size: number) {}

  get(key: string, compute: () => T): T {
    const hit = this.held.get(key);
    if (hit !== undefined) {
      // Most recent last.
      this.held.delete(key);
      this.held.set(key, hit);
      return hit;
    }
    const value = compute();
    this.held.set(key, value);
    if (this.held.size > this.size) this.held.delete(this.held.keys().next().value!);
    return value;
  }
}
