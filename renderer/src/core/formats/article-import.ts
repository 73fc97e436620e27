import { z } from 'zod';
import type { ImportCollector } from './collect';
import { check, checkText, jsonObject, offset, unknownKeys, warnDropped } from './record-helpers';
import { validateSpans, type RawSpan } from './span-rules';
import { isJsonObject } from './safe-json';
import type { Span } from '../model/span';

const ArticleSpan = z.looseObject({
  start: offset,
  end: offset,
  label: z.string(),
  text: z.string().optional(),
  note: z.string().optional(),
  id: z.string().min(1).optional(),
  unsure: z.boolean().optional(),
  token_start: offset.optional(),
  token_end: offset.optional(),
});

const Token = z.looseObject({ start: offset, end: offset });

const ArticleRecord = z.looseObject({
  text: z.string(),
  title: z.string().optional(),
  id: z.union([z.string(), z.number()]).optional(),
  meta: jsonObject.optional(),
  spans: z.array(ArticleSpan).optional(),
  annotator: z.string().trim().min(1).optional(),
  tokens: z.array(Token).optional(),
  _annotator_id: z.string().trim().min(1).optional(),
  answer: z.string().optional(),
  relations: z.array(z.unknown()).optional(),
});

const ARTICLE_KEYS = new Set(['text', 'title', 'id', 'meta', 'spans', 'annotator']);
/** Prodigy's bookkeeping keys: they mark a record as spaCy/Prodigy, and are never reported. */
export const PRODIGY_TASK_KEYS: readonly string[] = [
  'tokens',
  '_annotator_id',
  '_session_id',
  '_input_hash',
  '_task_hash',
  '_view_id',
  'answer',
  '_timestamp',
  '_is_binary',
];
// `relations` (Prodigy's relations recipe) is read, but does not mark a record as Prodigy's: doccano has one too.
const PRODIGY_KEYS = new Set([...ARTICLE_KEYS, ...PRODIGY_TASK_KEYS, 'relations']);
const SPAN_KEYS = new Set([...Object.keys(ArticleSpan.shape), 'source', 'input_hash']);

/**
 * An article line `{text, title?, id?, meta?, spans?}` or a spaCy/Prodigy task (same shape plus
 * `tokens`, inclusive `token_start`/`token_end`, `_annotator_id`). Offsets are code points, as in
 * Python. Unknown keys: kept under `meta` for article lines, dropped with a warning for Prodigy.
 * Prodigy tasks answered "reject" or "ignore" are skipped, except an unlabelled "ignore" task (no
 * annotator, no spans), whose text is imported. O(text + spans·log k).
 */
export function importArticleRecord(
  c: ImportCollector,
  obj: Record<string, unknown>,
  line: number,
  format: 'articles' | 'spacy',
): void {
  const rec = check(c, ArticleRecord, obj, line);
  if (!rec) return;
  // An "ignore" task with no annotator and no spans is a document nobody labelled (Marginalia
  // writes those so; spacy-export.ts): its text is kept, with no annotation.
  const unlabelled =
    rec.answer === 'ignore' &&
    rec.annotator === undefined &&
    rec._annotator_id === undefined &&
    (rec.spans ?? []).length === 0;
  if (rec.answer !== undefined && rec.answer !== 'accept' && !unlabelled) {
    c.count('rejectedTasks');
    c.log.warn(line, 'answer', `This task was answered "${rec.answer}" in Prodigy, so it was skipped.`);
    return;
  }
  const index = checkText(c, rec.text, line);
  if (!index) return;
  const meta: Record<string, unknown> = { ...(rec.meta ?? {}) };
  if (rec.id !== undefined) meta['id'] = rec.id;
  const extra = unknownKeys(obj, format === 'articles' ? ARTICLE_KEYS : PRODIGY_KEYS);
  if (format === 'articles') keepUnder(c, meta, obj, extra, line);
  else warnDropped(c, line, extra);
  const doc = c.addDocument(rec.text, {
    title: rec.title,
    meta,
    source: `${c.file}:${line}`,
    sourceId: rec.id,
    line,
  });
  if (unlabelled) return;
  if (rec.spans === undefined && rec.annotator === undefined && rec._annotator_id === undefined) return;
  const annotator = rec.annotator ?? rec._annotator_id ?? c.fallbackAnnotator;
  const tokens = rec.tokens;
  const raw: RawSpan[] = (rec.spans ?? []).map((s, i) => {
    const field = `spans[${i}]`;
    warnDropped(c, line, unknownKeys(s, SPAN_KEYS), field);
    if (s.token_start !== undefined || s.token_end !== undefined) {
      const ts = s.token_start ?? -1;
      const te = s.token_end ?? -1;
      const first = tokens?.[ts];
      const last = tokens?.[te];
      // Our own writer points at the tokens a span touches, so only require that they overlap it.
      if (!first || !last || ts > te || first.start >= s.end || last.end <= s.start) {
        c.log.error(
          line,
          field,
          `token_start ${ts} and token_end ${te} (inclusive) do not point at tokens within the span's characters ${s.start}–${s.end}.`,
        );
      }
    }
    return {
      id: s.id,
      start: s.start,
      end: s.end,
      label: s.label,
      text: s.text,
      note: s.note,
      unsure: s.unsure,
      field,
    };
  });
  const spans = validateSpans(raw, {
    index,
    line,
    log: c.log,
    labels: c.labels,
    unit: 'codepoint',
    docId: doc.id,
    annotator: annotator ?? '',
  });
  c.addSpans(doc.id, annotator, spans, { line });
  keepProdigyRelations(c, rec.relations ?? [], spans, doc.id, annotator, line);
}

/** Unknown keys of an article line go into its meta; one that meta already has is not overwritten. */
function keepUnder(
  c: ImportCollector,
  meta: Record<string, unknown>,
  obj: Record<string, unknown>,
  keys: readonly string[],
  line: number,
): void {
  for (const k of keys) {
    if (Object.hasOwn(meta, k)) {
      c.log.warn(
        line,
        k,
        `"${k}" is both a key of this record and of its meta; the meta value was kept, this one dropped.`,
      );
    } else meta[k] = obj[k];
  }
}

/** Prodigy's relations recipe writes `{head_span, child_span, label}`: kept aside and counted. */
function keepProdigyRelations(
  c: ImportCollector,
  relations: readonly unknown[],
  spans: readonly Span[],
  docId: string,
  annotator: string | null,
  line: number,
): void {
  relations.forEach((r, i) => {
    c.count('relationsLeftOut');
    const rel = isJsonObject(r) ? r : {};
    const arg = (role: 'head' | 'child') => {
      const sp = rel[`${role}_span`];
      const at = isJsonObject(sp) ? sp : {};
      const found = spans.find((s) => s.start === at['start'] && s.end === at['end']);
      return { role, ref: `${String(at['start'])}-${String(at['end'])}`, spanId: found?.id ?? null };
    };
    c.relations.push({
      docId,
      annotator,
      kind: 'relation',
      type: typeof rel['label'] === 'string' ? rel['label'] : '',
      args: [arg('head'), arg('child')],
      line,
      field: `relations[${i}]`,
    });
  });
}
