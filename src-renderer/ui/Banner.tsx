/**
 * A dismissible message over the work: an error (role alert, red) or a
 * notice (role status); never a blank page.
 */
export function Banner({ tone, message, onDismiss }: { tone: 'error' | 'notice'; message: string; onDismiss: () => void }) {
  return (
    <div className={`${tone}-banner`} role={tone === 'error' ? 'alert' : 'status'}>
      <span>{message}</span>
      <button type="button" onClick={onDismiss} aria-label={`Dismiss ${tone}`}>
        ×
      </button>
    </div>
  );
}
