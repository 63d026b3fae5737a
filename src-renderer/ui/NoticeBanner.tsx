/** An informational message (not an error), dismissible. */
export function NoticeBanner({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div className="notice-banner" role="status">
      <span>{message}</span>
      <button type="button" onClick={onDismiss} aria-label="Dismiss notice">
        ×
      </button>
    </div>
  );
}
