import { err, ok, type Result } from '../result';

/**
 * Bytes → text for imported files. UTF-8 is decoded strictly (never a silent U+FFFD); UTF-16 only
 * when a byte order mark says so, because guessing UTF-16 from byte patterns misreads real files.
 * Binary files (images, PDFs, archives) are recognised so the report says what they are.
 */

// core/ has no DOM lib; TextDecoder exists in browsers, workers and Node, so declare only what we use.
declare const TextDecoder: new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => { decode(input: Uint8Array): string };

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Why bytes could not be decoded: a sentence, the 1-based line when known, and what else to try. */
export interface DecodeProblem {
  readonly message: string;
  readonly line: number | null;
  /** Set when the bytes are text but not UTF-8: the user may choose to read them as Windows-1252. */
  readonly offerWindows1252?: true;
}

const problem = (message: string, line: number | null = null): DecodeProblem => ({ message, line });

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
  /** True when the bytes began with a byte order mark (removed from `text`). */
  readonly hadBom: boolean;
}

const SIGNATURES: readonly (readonly [readonly number[], string])[] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or a Word/OpenOffice document)'],
  [[0x1f, 0x8b], 'a compressed (gzip) file'],
  [[0x52, 0x49, 0x46, 0x46], 'a RIFF media file (WebP, WAV or AVI)'],
];

const startsWith = (bytes: Uint8Array, sig: readonly number[]): boolean =>
  bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * Decodes a file's bytes. BOMs: EF BB BF (UTF-8), FF FE (UTF-16 LE), FE FF (UTF-16 BE) — removed.
 * Errors are sentences for the import report. O(n) in the number of bytes.
 */
export function decodeBytes(
  bytes: Uint8Array,
  choice: 'utf-8' | 'windows-1252' = 'utf-8',
): Result<DecodedText, DecodeProblem> {
  for (const [sig, what] of SIGNATURES) {
    if (startsWith(bytes, sig)) {
      return err(problem(`This file looks like ${what}, not a text file, so it cannot be imported.`));
    }
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), true);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), false);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // NUL never occurs in real UTF-8 or Windows-1252 text; alternating NULs are UTF-16 without a BOM.
    const hint =
      bytes.length > 1 && (bytes[0] === 0 || bytes[1] === 0)
        ? ' It may be UTF-16 text without a byte order mark; save it as UTF-8.'
        : ' It is probably not a text file.';
    return err(problem(`The file contains a NUL byte at byte ${fmt(nul)}.${hint}`));
  }
  if (choice === 'windows-1252')
    return ok({ text: decodeWindows1252(bytes), encoding: 'windows-1252', hadBom: false });
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeUtf8(bytes.subarray(3), true, 3);
  return decodeUtf8(bytes, false, 0);
}

/** Windows-1252's 0x80–0x9F (WHATWG Encoding Standard); every other byte is its own code point. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/** Decoded by hand so it works wherever core runs (Node without full ICU has no such decoder). O(n). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) =>
      b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function decodeUtf8(body: Uint8Array, hadBom: boolean, skipped: number): Result<DecodedText, DecodeProblem> {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return ok({ text, encoding: 'utf-8', hadBom });
  } catch {
    const at = findInvalidUtf8(body);
    const line = countLines(body, at);
    const byte = (body[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return err({
      message:
        `The file is not valid UTF-8: byte ${fmt(at + skipped)} (0x${byte}, on line ${fmt(line)}) ` +
        'is not part of a valid character. Save the file as UTF-8, or read it as Windows-1252 ' +
        '(Western European) if that is what it was written in.',
      line,
      offerWindows1252: true,
    });
  }
}

/** 1-based line number of byte `at`. */
function countLines(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Offset of the first byte of the first ill-formed UTF-8 sequence
 * (Unicode Table 3-7: no overlongs, no surrogates, nothing above U+10FFFF). O(n).
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return n;
}

function decodeUtf16(body: Uint8Array, littleEndian: boolean): Result<DecodedText, DecodeProblem> {
  const encoding: TextEncoding = littleEndian ? 'utf-16le' : 'utf-16be';
  if (body.length % 2 !== 0) {
    return err(problem('The file says it is UTF-16 but has an odd number of bytes; it is probably cut off.'));
  }
  // Decoded by hand: Node builds without full ICU lack a 'utf-16be' TextDecoder.
  const units = new Array<string>();
  const CHUNK = 8192;
  let buf: number[] = [];
  for (let i = 0; i < body.length; i += 2) {
    const a = body[i] as number;
    const b = body[i + 1] as number;
    const u = littleEndian ? a | (b << 8) : (a << 8) | b;
    buf.push(u);
    if (buf.length === CHUNK) {
      units.push(String.fromCharCode(...buf));
      buf = [];
    }
  }
  units.push(String.fromCharCode(...buf));
  const text = units.join('');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      return err(problem(`The file is not valid UTF-16: byte ${fmt(2 + i * 2)} holds half of a character.`));
    }
    if (c === 0) return err(problem(`The file contains a NUL character at byte ${fmt(2 + i * 2)}.`));
  }
  return ok({ text, encoding, hadBom: true });
}
