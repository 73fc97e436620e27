import { useSyncExternalStore } from 'react';

export type Tone = 'info' | 'error';
export interface Message {
  readonly text: string;
  readonly tone: Tone;
}

let current: Message = { text: '', tone: 'info' };
const listeners = new Set<() => void>();

/**
 * The status line's message lives outside React state so that saying something ("Tagged as
 * claim.") re-renders only the status line, not the whole shell and the open article.
 */
export function say(text: string, tone: Tone = 'info'): void {
  current = { text, tone };
  for (const l of listeners) l();
}

/**
 * An edit was made: an error on the line (a refused duplicate, say) is about something the user
 * has moved on from, so it goes; an information message stays.
 */
export function clearStaleError(): void {
  if (current.tone === 'error' && current.text) say('');
}

/** The message on the line now (for code outside React). */
export function peekMessage(): Message {
  return current;
}

export function useMessage(): Message {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
