/**
 * The part of each design's name that tells it from the others compared:
 * the words after the prefix they all share, cut at a separator (" — ",
 * ", ", " "). Designs generated from one intent are named "Retail chain, 500
 * sites — hub-spoke", "… — dual-hub": in a narrow picker the shared head
 * filled the box and cut off the only part that differs. A name left empty
 * by the cut, or a single design, keeps its whole name.
 */
export function distinctNames(names: readonly string[]): string[] {
  if (names.length < 2) return [...names];
  let n = 0;
  const first = names[0]!;
  while (n < first.length && names.every((s) => s[n] === first[n])) n++;
  // Back to the end of the last separator inside the shared prefix.
  const head = first.slice(0, n);
  const cut = Math.max(...[' — ', ', ', ' '].map((sep) => { const i = head.lastIndexOf(sep); return i < 0 ? 0 : i + sep.length; }));
  if (cut === 0) return [...names];
  const rest = names.map((s) => s.slice(cut).trim());
  return rest.some((s) => s === '') ? [...names] : rest;
}
