/**
 * What the CLI may print to a terminal. Imported data reaches messages (labels, ids, file names), and a
 * terminal obeys control characters in it: ESC ] 0 ; … BEL retitles the window, ESC [ 41 m recolours
 * it, CR or CSI 2K erases an ERROR line, a newline forges an "OK" line, and bidi controls reorder what
 * is shown (issue 14). Every such character is shown as a `\uXXXX` escape instead.
 *
 * The escape is also a valid JSON string escape for the same character, so a JSON line passed through
 * here stays valid JSON with the same value: JSON.stringify never emits these characters outside a
 * string, and inside one a raw character cannot be part of an existing escape.
 */

/**
 * C0 controls except tab, DEL, C1 controls (U+0080–U+009F: 8-bit CSI, OSC…), the bidi marks,
 * embeddings, overrides and isolates (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069), and the
 * line and paragraph separators, which some viewers break lines at.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with every terminal control character written as a visible `\uXXXX` escape. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}
