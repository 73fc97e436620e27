/** One polite live region for short messages ("Saved", "This exact span already exists"). */
export function StatusLine({ message, tone }: { message: string; tone: 'info' | 'error' }) {
  return (
    <div
      className={`status-line status-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      aria-live="polite"
    >
      {message}
    </div>
  );
}
