import { useSyncExternalStore } from 'react';

/**
 * How a selection becomes a span: widened to whole words (the default, as INCEpTION and Prodigy do)
 * or taken to the character. One mode for the whole app session, so it survives opening another
 * document (each document gets a fresh editor); W in the article or the toggle beside it switches.
 */
export type SnapMode = 'word' | 'character';

/** The key that switches the mode while the article has focus. */
export const SNAP_TOGGLE_KEY = 'w';

let mode: SnapMode = 'word';
const listeners = new Set<() => void>();

export function snapMode(): SnapMode {
  return mode;
}

export function setSnapMode(next: SnapMode): void {
  if (next === mode) return;
  mode = next;
  for (const l of listeners) l();
}

export function toggleSnapMode(): SnapMode {
  setSnapMode(mode === 'word' ? 'character' : 'word');
  return mode;
}

const subscribe = (l: () => void): (() => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useSnapMode(): SnapMode {
  return useSyncExternalStore(subscribe, snapMode);
}
