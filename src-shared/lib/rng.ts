/**
 * Seeded randomness for generators. Everything a generator draws comes from
 * one `Rng` built from (seed, purpose), so a design is a pure function of
 * (intent, family, seed): same inputs, byte-identical JSON.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/** FNV-1a over the UTF-16 code units of `text`; a 32-bit unsigned hash. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state generator, fast
 * and good enough for layout jitter, sampling and tie-breaking (not for
 * cryptography). Uniform in [0, 1), starting from the state `seed`.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The generators' stream for (seed, purpose): mulberry32 from a hash of both. */
export function createRng(seed: number, purpose: string): Rng {
  const next = mulberry32(hash32(`${seed}:${purpose}`));
  return { next, int: (n) => Math.floor(next() * n) };
}
