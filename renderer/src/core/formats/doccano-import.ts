import { z } from 'zod';
import type { ImportCollector } from './collect';
import { check, checkText, jsonObject, offset } from './record-helpers';
import { validateSpans, type RawSpan } from './span-rules';
import { noteAssumedUnit } from './unit-check';

const Tuple = z.tuple([offset, offset, z.string()]);
const Entity = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  label: z.string(),
  start_offset: offset,
  end_offset: offset,
});
const Relation = z.looseObject({
  id: z.unknown().optional(),
  from_id: z.union([z.string(), z.number()]),
  to_id: z.union([z.string(), z.number()]),
  type: z.string(),
});
/** Marginalia's extension: notes as [start, end, label, note], matched to spans by extent and label. */
const Note = z.tuple([offset, offset, z.string(), z.string()]);

const DoccanoRecord = z.looseObject({
  text: z.string(),
  id: z.union([z.string(), z.number()]).optional(),
  label: z.array(z.unknown()).optional(),
  entities: z.array(z.unknown()).optional(),
  relations: z.array(z.unknown()).optional(),
  cats: z.array(z.unknown()).optional(),
  Comments: z.array(z.unknown()).optional(),
  title: z.string().optional(),
  annotator: z.string().trim().min(1).optional(),
  notes: z.array(Note).optional(),
  meta: jsonObject.optional(),
});

/** doccano's own keys and Marginalia's additions; every other key is the example's metadata. */
const KNOWN = new Set(Object.keys(DoccanoRecord.shape));

/** Spans from `label` or `entities`: `[start, end, "L"]` lists or `{label, start_offset, end_offset}`. */
function readSpans(c: ImportCollector, list: readonly unknown[], key: string, line: number): RawSpan[] {
  const raw: RawSpan[] = [];
  list.forEach((l, i) => {
    const field = `${key}[${i}]`;
    if (Array.isArray(l)) {
      const t = check(c, Tuple, l, line, field);
      if (t) raw.push({ start: t[0], end: t[1], label: t[2], field });
      return;
    }
    const e = check(c, Entity, l, line, field);
    if (e) {
      const ref = e.id === undefined ? undefined : String(e.id);
      raw.push({ start: e.start_offset, end: e.end_offset, label: e.label, field, ...(ref ? { ref } : {}) });
    }
  });
  return raw;
}

/**
 * One doccano JSONL line, in each shape doccano exports: sequence labelling `{id, text, label:
 * [[start, end, "L"], …], Comments}`, relation mode `{id, text, entities: [{id, label, start_offset,
 * end_offset}], relations: [{id, from_id, to_id, type}], Comments}`, intent detection `{text,
 * entities: [[start, end, "L"]], cats}`. doccano spreads an example's metadata over the record, so
 * other keys are kept under `meta` (with the id). Offsets are UTF-16 code units — what doccano's
 * editor (v-annotator) counts — unless `options.doccanoUnit` is 'codepoint'. Category labels are
 * left out and relations kept aside, both counted. O(text + spans·log k).
 */
export function importDoccanoRecord(c: ImportCollector, obj: Record<string, unknown>, line: number): void {
  const rec = check(c, DoccanoRecord, obj, line);
  if (!rec) return;
  const index = checkText(c, rec.text, line);
  if (!index) return;
  const raw: RawSpan[] = [];
  const labels = rec.label ?? [];
  if (labels.length > 0 && labels.every((l) => typeof l === 'string'))
    c.count('categoriesLeftOut', labels.length);
  else raw.push(...readSpans(c, labels, 'label', line));
  raw.push(...readSpans(c, rec.entities ?? [], 'entities', line));
  c.count('categoriesLeftOut', (rec.cats ?? []).length);
  const notes = new Map((rec.notes ?? []).map((n) => [`${n[0]}:${n[1]}:${n[2]}`, n[3]]));
  const withNotes = raw.map((r) => {
    const note = notes.get(`${r.start}:${r.end}:${r.label}`);
    return note === undefined ? r : { ...r, note };
  });
  const meta: Record<string, unknown> = { ...rec.meta };
  if (rec.id !== undefined) meta['id'] = rec.id;
  for (const k of Object.keys(obj)) if (!KNOWN.has(k)) meta[k] = obj[k];
  if (rec.Comments !== undefined && rec.Comments.length > 0) meta['doccano_comments'] = rec.Comments;
  const doc = c.addDocument(rec.text, {
    title: rec.title,
    meta,
    source: `${c.file}:${line}`,
    sourceId: rec.id,
    line,
  });
  if (raw.length === 0 && rec.annotator === undefined) return;
  const annotator = rec.annotator ?? c.fallbackAnnotator;
  const unit = c.options.doccanoUnit ?? 'utf16';
  noteAssumedUnit(c, 'doccano', unit, index, raw, line);
  const refs = new Map<string, string>();
  const spans = validateSpans(withNotes, {
    index,
    line,
    log: c.log,
    labels: c.labels,
    unit,
    docId: doc.id,
    annotator: annotator ?? '',
    refs,
  });
  c.addSpans(doc.id, annotator, spans, { line });
  (rec.relations ?? []).forEach((r, i) => {
    const rel = check(c, Relation, r, line, `relations[${i}]`);
    if (!rel) return;
    c.count('relationsLeftOut');
    const arg = (role: string, ref: string | number) => ({
      role,
      ref: String(ref),
      spanId: refs.get(String(ref)) ?? null,
    });
    c.relations.push({
      docId: doc.id,
      annotator,
      kind: 'relation',
      type: rel.type,
      args: [arg('from', rel.from_id), arg('to', rel.to_id)],
      line,
      field: `relations[${i}]`,
    });
  });
}
