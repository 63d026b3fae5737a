import { useEffect, useRef } from 'react';

export interface ShortcutRow {
  label: string;
  keys: string[];
}

/** The keyboard shortcuts, as a modal dialog (Escape or the button closes it). */
export function ShortcutHelp({ rows, onClose }: { rows: ShortcutRow[]; onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={(e) => e.stopPropagation()}>
        <h1 id="help-title">Keyboard shortcuts</h1>
        <table className="shortcuts">
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <td>{r.label}</td>
                <td>
                  {r.keys.map((k) => (
                    <kbd key={k}>{k}</kbd>
                  ))}
                </td>
              </tr>
            ))}
            <tr>
              <td>Select several</td>
              <td>
                <kbd>Shift</kbd>+drag, <kbd>Ctrl/⌘</kbd>+click
              </td>
            </tr>
            <tr>
              <td>Connect two devices</td>
              <td>drag from a device's edge handle to another device</td>
            </tr>
          </tbody>
        </table>
        <button ref={closeRef} type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
