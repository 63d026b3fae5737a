/**
 * What the job bar says of time: how long the job has run and, once it has
 * reported progress, about how long is left at the rate so far (elapsed ×
 * remaining steps ÷ steps done). Work whose steps differ in size (families
 * of one intent, failure scenarios) makes this a guide, so it says "about",
 * and it waits for two seconds and one finished step before guessing.
 */
export function jobTimeText(elapsedMs: number, done: number, total: number): string {
  const ran = clock(elapsedMs);
  if (elapsedMs < 2000 || done <= 0 || total <= done) return ran;
  const left = (elapsedMs * (total - done)) / done;
  return `${ran} · about ${clock(left)} left`;
}

/** m:ss (h:mm:ss from an hour), whole seconds rounded down: "0:07", "2:05", "1:02:03". */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
