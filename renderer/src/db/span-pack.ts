import { LABELS, type Label } from '../core/model/labels';
import { compareSpans, type Span } from '../core/model/span';
import { rowToSpan, type SpanPackRow, type SpanRow } from './rows';

/**
 * One annotator's spans on one document, stored column-wise in ONE row. Why: reading 10,000 span
 * rows through the `[docId+annotator]` index takes ~127 ms in Chromium, the same spans as one row of
 * typed arrays and joined strings ~2.5 ms (structured clone of a few large values instead of 10,000
 * objects). Derived data: built from the `spans` rows, never backed up (see span-packs-middleware.ts).
 *
 * Holds exactly a `Span`'s fields, in `compareSpans` order. Ids and notes are concatenated with their
 * UTF-16 lengths kept apart, so any string (separators, astral characters, lone surrogates) survives.
 */
export interface SpanPack {
  /** Bumped when the layout changes; a pack of another format is treated as missing. */
  readonly format: number;
  readonly n: number;
  /** Code point offsets. */
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** Index into LABELS. */
  readonly labels: Uint8Array;
  /** 1 when the span is marked unsure. */
  readonly unsure: Uint8Array;
  readonly ids: string;
  readonly idLengths: Uint32Array;
  readonly notes: string;
  readonly noteLengths: Uint32Array;
}

export const SPAN_PACK_FORMAT = 1;

const isOffset = (x: unknown): boolean =>
  Number.isInteger(x) && (x as number) >= 0 && (x as number) <= 0xffffffff;

/**
 * Packs spans already in `compareSpans` order (the caller sorts; packing keeps the order). O(n).
 * Returns null when a span does not fit the columns exactly (an offset that is not a uint32, an
 * unknown label, a non-string id or note): such a set is simply read from its rows.
 */
export function encodeSpanPack(spans: readonly Span[]): SpanPack | null {
  const n = spans.length;
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  const labels = new Uint8Array(n);
  const unsure = new Uint8Array(n);
  const idLengths = new Uint32Array(n);
  const noteLengths = new Uint32Array(n);
  const ids: string[] = new Array<string>(n);
  const notes: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const s = spans[i] as Span;
    const label = LABELS.indexOf(s.label);
    if (!isOffset(s.start) || !isOffset(s.end) || label < 0) return null;
    if (typeof s.id !== 'string' || typeof s.note !== 'string') return null;
    starts[i] = s.start;
    ends[i] = s.end;
    labels[i] = label;
    unsure[i] = s.unsure ? 1 : 0;
    ids[i] = s.id;
    idLengths[i] = s.id.length;
    notes[i] = s.note;
    noteLengths[i] = s.note.length;
  }
  return {
    format: SPAN_PACK_FORMAT,
    n,
    starts,
    ends,
    labels,
    unsure,
    ids: ids.join(''),
    idLengths,
    notes: notes.join(''),
    noteLengths,
  };
}

/** Whether a pack has this format and every column its `n` entries (its columns can be read). */
export function isWholePack(pack: SpanPack): boolean {
  const sized = [pack.starts, pack.ends, pack.labels, pack.unsure, pack.idLengths, pack.noteLengths];
  return pack.format === SPAN_PACK_FORMAT && sized.every((a) => a && a.length === pack.n);
}

/**
 * The spans of a pack, shaped exactly as `rowToSpan` shapes them (`unsure` only when set). Returns
 * null for a pack of another format or an inconsistent one, so the caller rebuilds from the rows
 * instead of showing wrong spans.
 */
export function decodeSpanPack(pack: SpanPack): Span[] | null {
  const { n } = pack;
  if (!isWholePack(pack)) return null;
  const out: Span[] = new Array<Span>(n);
  let idAt = 0;
  let noteAt = 0;
  for (let i = 0; i < n; i++) {
    const label: Label | undefined = LABELS[pack.labels[i] as number];
    if (label === undefined) return null;
    const idEnd = idAt + (pack.idLengths[i] as number);
    const noteEnd = noteAt + (pack.noteLengths[i] as number);
    const span: Span = {
      id: pack.ids.slice(idAt, idEnd),
      start: pack.starts[i] as number,
      end: pack.ends[i] as number,
      label,
      note: pack.notes.slice(noteAt, noteEnd),
    };
    out[i] = pack.unsure[i] ? { ...span, unsure: true } : span;
    idAt = idEnd;
    noteAt = noteEnd;
  }
  if (idAt !== pack.ids.length || noteAt !== pack.notes.length) return null;
  return out;
}

/** Stored span rows → spans as listSpans returns them: shaped by `rowToSpan`, in `compareSpans` order. */
export const spansOfRows = (rows: readonly SpanRow[]): Span[] => rows.map(rowToSpan).sort(compareSpans);

/** The pack row of a set, or null when its spans cannot be packed exactly (see encodeSpanPack). */
export function packRowOf(docId: string, annotator: string, spans: readonly Span[]): SpanPackRow | null {
  const pack = encodeSpanPack(spans);
  return pack && { docId, annotator, ...pack };
}
