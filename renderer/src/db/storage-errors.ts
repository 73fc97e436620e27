/**
 * Turns what IndexedDB/Dexie throws into one of a few kinds with a sentence a user can act on.
 * Pure: errors are inspected by shape (`name`, `inner`, `cause`), never by class, because the same
 * failure reaches us as a DOMException, as Dexie's wrapper, or as the `inner` of an AbortError
 * (a quota failure aborts the whole transaction, and Dexie reports the abort first).
 */
export type StorageErrorKind = 'quota' | 'io' | 'newer-version' | 'blocked' | 'closed' | 'other';

export interface StorageProblem {
  readonly kind: StorageErrorKind;
  /** Plain words for the person at the keyboard, including what to do next. */
  readonly message: string;
  /** The underlying `name: message`, for Diagnostics and bug reports. */
  readonly detail: string;
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
// Chromium reports disk and LevelDB failures as UnknownError; Dexie adds its own names.
const IO_NAMES = new Set(['UnknownError', 'NotReadableError', 'DataCloneError', 'NS_ERROR_FILE_CORRUPTED']);
const CLOSED_NAMES = new Set(['DatabaseClosedError', 'InvalidStateError']);

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
}

/** The error and everything it wraps, outermost first (depth-limited against cycles). */
export function errorChain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let cur: unknown = error;
  while (cur && typeof cur === 'object' && out.length < 8) {
    const e = cur as ErrorLike;
    out.push(e);
    cur = e.inner ?? e.cause;
  }
  return out;
}

function describe(e: ErrorLike | undefined): string {
  if (!e) return 'Unknown error';
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const message = typeof e.message === 'string' ? e.message : '';
  return message ? `${name}: ${message}` : name;
}

const READ_ONLY_TAIL =
  'Nothing already saved was changed. Marginalia stays open read-only: you can read and export, but not annotate, until you restart it.';

/** Classifies any thrown value. O(depth of wrapping). */
export function classifyStorageError(error: unknown): StorageProblem {
  const chain = errorChain(error);
  const names = chain.map((e) => (typeof e.name === 'string' ? e.name : ''));
  const text = chain.map((e) => (typeof e.message === 'string' ? e.message : '')).join(' ');
  const root = chain.find((e, i) => names[i] !== 'AbortError') ?? chain[0];
  const detail = describe(root);
  if (names.some((n) => QUOTA_NAMES.has(n)) || /quota/i.test(text)) {
    return {
      kind: 'quota',
      detail,
      message: `The disk is full (or the browser's storage quota for Marginalia is used up), so your last change was not saved. Free some disk space. ${READ_ONLY_TAIL}`,
    };
  }
  if (names.includes('VersionError')) {
    return {
      kind: 'newer-version',
      detail,
      message:
        'This data was written by a newer version of Marginalia. Install that version (or newer) to open it; nothing was changed.',
    };
  }
  if (names.some((n) => IO_NAMES.has(n))) {
    return {
      kind: 'io',
      detail,
      message: `The disk could not be written or read (${detail}), so your last change was not saved. Check the disk, then restart Marginalia. ${READ_ONLY_TAIL}`,
    };
  }
  if (names.some((n) => CLOSED_NAMES.has(n))) {
    return {
      kind: 'closed',
      detail,
      message:
        'The database was closed (another Marginalia window may have updated it). Reload to continue; nothing already saved was changed.',
    };
  }
  return { kind: 'other', detail, message: `Not saved: ${detail}` };
}

/** Whether an error means further writes will fail too, so the app should switch to read-only. */
export function isFatalWriteError(problem: StorageProblem): boolean {
  return problem.kind === 'quota' || problem.kind === 'io' || problem.kind === 'closed';
}
