import { canonicalJson } from '../formats/canonical';
import { err, ok, type Result } from '../result';
import { codePointLength } from '../text/code-points';

/** What a user may edit on a document (its text is its id, so it never changes). */
export interface DocumentDetails {
  readonly title: string;
  /** Where it came from: a URL, a file or a publication's name. */
  readonly source: string;
  /** Import metadata (`source_ids`, author, date …) and fields the user added. */
  readonly meta: Readonly<Record<string, unknown>>;
}

/**
 * One edit of one field: the title, the source, or one metadata field (`undefined`: absent, so
 * adding and removing a field are edits too). One field per command, so an undo takes back only
 * what this edit changed, never another window's change to another field.
 */
export type DetailsEdit =
  | { readonly field: 'title' | 'source'; readonly before: string; readonly after: string }
  | { readonly field: 'meta'; readonly key: string; readonly before: unknown; readonly after: unknown };

/** Which field a refusal is about: `title`, `source` or `meta.<key>` (shown next to that field). */
export interface DetailsError {
  readonly field: string;
  readonly message: string;
}

export const TITLE_MAX = 300;
export const SOURCE_MAX = 2_000;
export const KEY_MAX = 64;
export const VALUE_MAX = 2_000;

// C0 and C1 controls (tab and line breaks included: a title, source or key is one line).
const hasControl = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
};
// A surrogate without its partner cannot be written as UTF-8 (exports, backups refuse it).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const fail = (field: string, message: string): Result<never, DetailsError> => err({ field, message });

function lineProblem(s: string): string | null {
  if (hasControl(s)) return 'contains a control character (a line break, tab or the like)';
  if (LONE_SURROGATE.test(s)) return 'contains a broken character (a lone surrogate)';
  return null;
}

export function checkTitle(title: string): Result<string, DetailsError> {
  if (title.trim() === '') return fail('title', 'The title cannot be empty.');
  const n = codePointLength(title);
  if (n > TITLE_MAX) return fail('title', `The title is ${n} characters long; at most ${TITLE_MAX}.`);
  const bad = lineProblem(title);
  return bad ? fail('title', `The title ${bad}.`) : ok(title);
}

export function checkSource(source: string): Result<string, DetailsError> {
  const n = codePointLength(source);
  if (n > SOURCE_MAX) return fail('source', `The source is ${n} characters long; at most ${SOURCE_MAX}.`);
  const bad = lineProblem(source);
  return bad ? fail('source', `The source ${bad}.`) : ok(source);
}

/** A metadata key: non-empty, at most KEY_MAX characters, one line, and never `__proto__`. */
export function checkMetaKey(key: string): Result<string, DetailsError> {
  const field = `meta.${key}`;
  if (key.trim() === '') return fail('meta', 'A metadata field needs a name.');
  if (key === '__proto__') return fail(field, 'A metadata field cannot be named “__proto__”.');
  const n = codePointLength(key);
  if (n > KEY_MAX) return fail(field, `The field name is ${n} characters long; at most ${KEY_MAX}.`);
  const bad = lineProblem(key);
  return bad ? fail(field, `The field name ${bad}.`) : ok(key);
}

/** A value the user sets: a JSON scalar (string of at most VALUE_MAX characters, number, boolean, null). */
export function checkMetaValue(key: string, value: unknown): Result<unknown, DetailsError> {
  const field = `meta.${key}`;
  if (value === null || typeof value === 'boolean') return ok(value);
  if (typeof value === 'number')
    return Number.isFinite(value) ? ok(value) : fail(field, `“${key}” must be a finite number.`);
  if (typeof value !== 'string')
    return fail(field, `“${key}” must be a text, a number, true, false or null.`);
  const n = codePointLength(value);
  if (n > VALUE_MAX) return fail(field, `“${key}” is ${n} characters long; at most ${VALUE_MAX}.`);
  if (value.includes('\u0000')) return fail(field, `“${key}” contains a NUL character.`);
  if (LONE_SURROGATE.test(value))
    return fail(field, `“${key}” contains a broken character (a lone surrogate).`);
  return ok(value);
}

/**
 * Checks an edit before it is queued; the error names the field. Only what the edit sets is checked:
 * a value kept as imported (a list of `source_ids`, a long imported title) stays as it is.
 */
export function checkDetailsEdit(edit: DetailsEdit): Result<DetailsEdit, DetailsError> {
  if (edit.field !== 'meta') {
    const r = edit.field === 'title' ? checkTitle(edit.after) : checkSource(edit.after);
    return r.ok ? ok(edit) : r;
  }
  const key = checkMetaKey(edit.key);
  if (!key.ok) return key;
  if (edit.after === undefined) return ok(edit);
  const value = checkMetaValue(edit.key, edit.after);
  return value.ok ? ok(edit) : value;
}

const has = (meta: Readonly<Record<string, unknown>>, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(meta, key);

/** A field's value in a document's details (`undefined` for an absent metadata field). */
export function fieldValue(d: DocumentDetails, edit: DetailsEdit): unknown {
  if (edit.field !== 'meta') return d[edit.field];
  return has(d.meta, edit.key) ? d.meta[edit.key] : undefined;
}

/** Whether two field values are the same JSON (key order ignored); `undefined` only equals itself. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a === b || canonicalJson(a) === canonicalJson(b);
}

/**
 * The details with one field set. Metadata is copied into a prototype-free object first, so a key
 * such as `constructor` is plain data and no assignment can reach a prototype.
 */
export function applyDetailsEdit(d: DocumentDetails, edit: DetailsEdit): DocumentDetails {
  if (edit.field !== 'meta') return { ...d, [edit.field]: edit.after };
  const meta = Object.assign(Object.create(null) as Record<string, unknown>, d.meta);
  if (edit.after === undefined) delete meta[edit.key];
  else meta[edit.key] = edit.after;
  // Back to an ordinary object in the same key order, as IndexedDB and every reader expect.
  return { ...d, meta: Object.fromEntries(Object.entries(meta)) };
}

export function invertDetailsEdit(edit: DetailsEdit): DetailsEdit {
  return { ...edit, before: edit.after, after: edit.before } as DetailsEdit;
}

/** Folds the saves of one text field's edit session (same field) into one undo step. */
export function mergeDetailsEdits(last: DetailsEdit, next: DetailsEdit): DetailsEdit | null {
  if (last.field !== next.field) return null;
  if (last.field === 'meta' && next.field === 'meta' && last.key !== next.key) return null;
  return { ...next, before: last.before } as DetailsEdit;
}

/** "edited the title", "added the field author", for the status line and "Undid: …". */
export function describeDetailsEdit(edit: DetailsEdit): string {
  if (edit.field !== 'meta') return `edited the ${edit.field}`;
  if (edit.before === undefined) return `added the field ${edit.key}`;
  if (edit.after === undefined) return `removed the field ${edit.key}`;
  return `edited the field ${edit.key}`;
}

/**
 * An edit replayed onto the document as stored now (another window or a restore may have changed
 * it since the editor read it): it writes only its own field, so another window's change to
 * another field survives; when its field was changed elsewhere meanwhile (to something else than
 * this edit's value), nothing is written and the message names the field.
 */
export function rebaseDetailsEdit(
  stored: DocumentDetails,
  edit: DetailsEdit,
): Result<DocumentDetails, string> {
  const now = fieldValue(stored, edit);
  if (sameValue(now, edit.after)) return ok(stored);
  if (!sameValue(now, edit.before)) {
    const what = edit.field === 'meta' ? `metadata field “${edit.key}”` : edit.field;
    return err(
      `This document's ${what} was changed in another window meanwhile; it shows as it is stored now.`,
    );
  }
  return ok(applyDetailsEdit(stored, edit));
}

/**
 * The value a metadata field gets from its text box: a field that was a number, true/false or null
 * keeps that type while the text still reads as one (so editing `"year": 1998` to 1999 stays a
 * number); anything else is a string.
 */
export function metaValueFromText(previous: unknown, text: string): unknown {
  const t = text.trim();
  if (typeof previous === 'number' && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return Number(t);
  if (typeof previous === 'boolean' && (t === 'true' || t === 'false')) return t === 'true';
  if (previous === null && (t === '' || t === 'null')) return null;
  return text;
}

/** How a metadata value shows in its text box (structured values as JSON: shown, not edited). */
export function metaValueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null) return 'null';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Whether a value can be edited as text (a scalar); lists and objects from imports are shown as they are. */
export const isScalar = (value: unknown): boolean =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** Whether two reads of a document's details show the same (so a view need not re-render). */
export function sameDetails(a: DocumentDetails, b: DocumentDetails): boolean {
  return a.title === b.title && a.source === b.source && canonicalJson(a.meta) === canonicalJson(b.meta);
}

/** The edit setting the title or source as typed. */
export function setText(now: DocumentDetails, field: 'title' | 'source', text: string): DetailsEdit {
  return { field, before: now[field], after: text };
}

/** The edit setting a metadata field (`undefined`: removing it) from the details as they are now. */
export function setMeta(now: DocumentDetails, key: string, after: unknown): DetailsEdit {
  return { field: 'meta', key, before: has(now.meta, key) ? now.meta[key] : undefined, after };
}

/** The edit adding a metadata field from the "Add field" row; refused when the name is taken. */
export function addMetaField(
  now: DocumentDetails,
  key: string,
  value: string,
): Result<DetailsEdit, DetailsError> {
  const name = key.trim();
  if (has(now.meta, name))
    return fail(`meta.${name}`, `A field named “${name}” exists already: change its value above.`);
  return checkDetailsEdit(setMeta(now, name, value));
}
