/** The parts of a KeyboardEvent a shortcut looks at (so tests need no DOM). */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Matches a shortcut written as `Mod+Shift+Z`, `Delete`, `L` or `?`.
 * `Mod` is Ctrl or ⌘ (either, so the same binding works on every desktop).
 * Letters compare case-insensitively; Shift must match exactly when the key
 * is a letter, and is ignored for symbols like `?` that need it to be typed.
 */
export function matchKey(spec: string, e: KeyLike): boolean {
  const parts = spec.split('+');
  const key = parts.pop()!;
  const mods = new Set(parts);
  const mod = e.ctrlKey || e.metaKey;
  if (mods.has('Mod') !== mod) return false;
  if (mods.has('Alt') !== e.altKey) return false;
  const isLetter = /^[a-z]$/i.test(key);
  if (isLetter && mods.has('Shift') !== e.shiftKey) return false;
  return isLetter ? e.key.toLowerCase() === key.toLowerCase() : e.key === key;
}

/** Human form for the help overlay and tooltips. */
export const keyLabel = (spec: string): string => spec.replace('Mod', 'Ctrl/⌘');

/** Typing in a field must not trigger canvas shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (target === null || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}
