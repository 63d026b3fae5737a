import { useEffect } from 'react';
import { isTypingTarget } from '../../actions/keys';
import { actionForKey } from '../../actions/registry';
import type { Action } from '../../actions/types';

/** Routes key presses outside text fields to actions (the registry is the one keymap). */
export function useShortcuts(run: (a: Action) => boolean, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent): void => {
      if (isTypingTarget(e.target) || e.repeat) return;
      const a = actionForKey(e);
      if (a && run(a)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, enabled]);
}
