import type { PageOutput } from '../../core/formats/export-pages';
import {
  nativeDocumentJson,
  nativeRecordJson,
  nativeSpanJson,
  type NativeDocumentJson,
} from '../../core/formats/native';
import { GOLD_ANNOTATOR } from '../../core/model/gold';
import { LABELS } from '../../core/model/labels';
import { compareSpans, type Span } from '../../core/model/span';
import { STATUSES, type DocStatus } from '../../core/model/status';
import { CodePointIndex } from '../../core/text/code-points';
import { documentIdForText } from '../../core/text/text-hash';
import { BATCH_FORMAT, type BatchRow, type BatchSpans } from '../batch-rows';
import { isWholePack } from '../span-pack';

/*
 * A batch row's native JSONL straight from its columns (issue 20, the corpus export): no document,
 * span, set or record objects per entry, each text escaped once for its annotators' records. The
 * bytes are the record path's (batchSetRows → assembleExportPage → nativePage): the same pieces of
 * core/formats/native.ts, the same choices of sets, statuses and order, the same checks. Anything
 * this path does not vouch for (a damaged column, a text that no longer hashes to its id, a span
 * outside its text, gold, an annotator asked for twice) returns null, and the caller takes the
 * record path, which writes the same page or fails with its own message.
 */

/** One annotator's columns in a batch row, with where its next span's id and note start. */
interface Column {
  readonly annotator: string;
  readonly spans: BatchSpans | null;
  readonly status: Uint8Array | null;
  idAt: number;
  noteAt: number;
  /** The last span read, for the order check. */
  previous: Span | null;
}

const sum = (a: Uint32Array): number => a.reduce((x, y) => x + y, 0);

/** The pack's columns are as long as it says and its ids and notes as long as their lengths. */
function packFits(set: BatchSpans, documents: number): boolean {
  const { pack, docStart } = set;
  if (!isWholePack(pack)) return false;
  if (docStart.length !== documents + 1 || docStart[0] !== 0 || docStart[documents] !== pack.n) return false;
  for (let j = 0; j < documents; j++) if (docStart[j]! > docStart[j + 1]!) return false;
  return sum(pack.idLengths) === pack.ids.length && sum(pack.noteLengths) === pack.notes.length;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The requested annotators' columns by name (the records' order), or null when not one each. */
function columnsOf(row: BatchRow, annotators: readonly string[]): Column[] | null {
  const names = [...annotators].sort(byText);
  if (names.includes(GOLD_ANNOTATOR) || names.some((a, i) => i > 0 && a === names[i - 1])) return null;
  const columns: Column[] = [];
  for (const annotator of names) {
    const spans = row.spans.filter((s) => s.annotator === annotator);
    const status = row.statuses.filter((s) => s.annotator === annotator);
    if (spans.length > 1 || status.length > 1) return null;
    if (spans[0] && !packFits(spans[0], row.ids.length)) return null;
    if (status[0] && status[0].status.length !== row.ids.length) return null;
    columns.push({
      annotator,
      spans: spans[0] ?? null,
      status: status[0]?.status ?? null,
      idAt: 0,
      noteAt: 0,
      previous: null,
    });
  }
  return columns;
}

/** Column c's spans on document j as JSON, in their stored (`compareSpans`) order; null if one is bad. */
function spansJson(c: Column, j: number, idx: CodePointIndex, withUtf16: boolean): string[] | null {
  const out: string[] = [];
  if (!c.spans) return out;
  const { pack, docStart } = c.spans;
  for (let k = docStart[j]!; k < docStart[j + 1]!; k++) {
    const label = LABELS[pack.labels[k]!];
    const start = pack.starts[k]!;
    const end = pack.ends[k]!;
    if (label === undefined || !(start < end && end <= idx.codePointLength)) return null;
    const idEnd = c.idAt + pack.idLengths[k]!;
    const noteEnd = c.noteAt + pack.noteLengths[k]!;
    const span: Span = {
      id: pack.ids.slice(c.idAt, idEnd),
      start,
      end,
      label,
      note: pack.notes.slice(c.noteAt, noteEnd),
    };
    c.idAt = idEnd;
    c.noteAt = noteEnd;
    // Stored sorted; the record path sorts again, so spans out of order must take that path.
    const previous = out.length > 0 ? c.previous : null;
    if (previous && compareSpans(previous, span) > 0) return null;
    c.previous = span;
    out.push(nativeSpanJson(pack.unsure[k] ? { ...span, unsure: true } : span, idx, withUtf16));
  }
  return out;
}

/**
 * Every entry of `row` (none shadowed) as the native export writes it for `annotators`, or null
 * for the record path (see above). An annotator's record is written when they have spans or marked
 * the document done, or with `includeUntouched` always (status `todo` when they never set one): the
 * streamed export's one switch, both `includeUntouched` of the pages and `includeUnannotated` of
 * the writer.
 */
export function nativeBatchPage(
  row: BatchRow,
  annotators: readonly string[],
  options: { readonly withUtf16: boolean; readonly includeUntouched: boolean },
): PageOutput | null {
  if (row.format !== BATCH_FORMAT) return null;
  const n = row.ids.length;
  for (let j = 1; j < n; j++) if (!(row.orders[j - 1]! < row.orders[j]!)) return null;
  const columns = columnsOf(row, annotators);
  if (!columns) return null;
  const lines: string[] = [];
  let [documents, spans, notStarted] = [0, 0, 0];
  for (let j = 0; j < n; j++) {
    const text = row.texts[j]!;
    const idx = new CodePointIndex(text);
    let doc: NativeDocumentJson | null = null;
    const records: string[] = [];
    for (const c of columns) {
      const code = c.status ? c.status[j]! : 0;
      const status: DocStatus | undefined = code === 0 ? 'todo' : STATUSES[code - 1];
      const json = spansJson(c, j, idx, options.withUtf16);
      if (!status || !json) return null;
      const started = json.length > 0 || status === 'done';
      if (!started && !options.includeUntouched) continue;
      if (!started) notStarted++;
      spans += json.length;
      doc ??= nativeDocumentJson({ id: row.ids[j]!, title: row.titles[j]!, text, meta: { ...row.metas[j] } });
      records.push(nativeRecordJson(doc, c.annotator, status, json));
    }
    if (records.length === 0 && !options.includeUntouched) continue;
    if (documentIdForText(text) !== row.ids[j]) return null;
    documents++;
    for (const r of records) lines.push(`${r}\n`);
  }
  return { text: lines.join(''), documents, spans, notStarted };
}
