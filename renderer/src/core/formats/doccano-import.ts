import { z } from 'zod';
import type { ImportCollector } from './collect';
import { makeLabelResolver } from './label-resolve';
import { check, checkText, jsonObject, offset, unknownKeys, warnDropped } from './record-helpers';
import { validateSpans, type RawSpan } from './span-rules';

const Tuple = z.tuple([offset, offset, z.string()]);
const Entity = z.looseObject({
  id: z.unknown().optional(),
  label: z.string(),
  start_offset: offset,
  end_offset: offset,
});
/** Marginalia's extension: notes as [start, end, label, note], matched to spans by extent and label. */
const Note = z.tuple([offset, offset, z.string(), z.string()]);

const DoccanoRecord = z.looseObject({
  text: z.string(),
  label: z.array(z.unknown()).optional(),
  entities: z.array(Entity).optional(),
  relations: z.array(z.unknown()).optional(),
  title: z.string().optional(),
  annotator: z.string().trim().min(1).optional(),
  notes: z.array(Note).optional(),
  meta: jsonObject.optional(),
});

const KNOWN = new Set([...Object.keys(DoccanoRecord.shape), 'id', 'Comments']);
const ENTITY_KEYS = new Set(['id', 'label', 'start_offset', 'end_offset']);

/**
 * One doccano JSONL line: `{text, label: [[start, end, "L"], …]}` (sequence labelling) or the
 * relation mode's `entities: [{label, start_offset, end_offset}]`. Offsets are code points unless
 * `options.doccanoUnit` is 'utf16' (doccano's editor counts UTF-16 units). Category labels (a list
 * of strings) and relations are dropped with a warning. O(text + spans·log k).
 */
export function importDoccanoRecord(c: ImportCollector, obj: Record<string, unknown>, line: number): void {
  const rec = check(c, DoccanoRecord, obj, line);
  if (!rec) return;
  const index = checkText(c, rec.text, line);
  if (!index) return;
  warnDropped(c, line, unknownKeys(obj, KNOWN));
  const raw: RawSpan[] = [];
  const labels = rec.label ?? [];
  if (labels.length > 0 && labels.every((l) => typeof l === 'string')) {
    c.log.warn(
      line,
      'label',
      'These are document categories, not spans; Marginalia imports spans only, so they were dropped.',
    );
  } else {
    labels.forEach((l, i) => {
      const t = check(c, Tuple, l, line, `label[${i}]`);
      if (t) raw.push({ start: t[0], end: t[1], label: t[2], field: `label[${i}]` });
    });
  }
  (rec.entities ?? []).forEach((e, i) => {
    warnDropped(c, line, unknownKeys(e, ENTITY_KEYS), `entities[${i}]`);
    raw.push({ start: e.start_offset, end: e.end_offset, label: e.label, field: `entities[${i}]` });
  });
  if ((rec.relations ?? []).length > 0) {
    c.log.warn(line, 'relations', 'Relations between spans are not imported; they were dropped.');
  }
  const notes = new Map((rec.notes ?? []).map((n) => [`${n[0]}:${n[1]}:${n[2]}`, n[3]]));
  const withNotes = raw.map((r) => {
    const note = notes.get(`${r.start}:${r.end}:${r.label}`);
    return note === undefined ? r : { ...r, note };
  });
  const meta = rec.meta ?? {};
  const doc = c.addDocument(rec.text, { title: rec.title, meta, source: `${c.file}:${line}` });
  if (raw.length === 0 && rec.annotator === undefined) return;
  const annotator = rec.annotator ?? c.fallbackAnnotator;
  const spans = validateSpans(withNotes, {
    index,
    line,
    log: c.log,
    resolveLabel: makeLabelResolver(c.options),
    unit: c.options.doccanoUnit ?? 'codepoint',
    docId: doc.id,
    annotator: annotator ?? '',
  });
  c.addSpans(doc.id, annotator, spans, { line });
}
