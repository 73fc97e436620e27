import { z } from 'zod';
import type { ImportCollector } from './collect';
import type { CodePointIndex } from '../text/code-points';
import { check, checkText, jsonObject, offset, unknownKeys, warnDropped } from './record-helpers';
import { sameButWhitespace, validateSpans, type RawSpan } from './span-rules';
import { noteAssumedUnit } from './unit-check';

const Result = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  type: z.string(),
  value: jsonObject.optional(),
});
const RelationResult = z.looseObject({
  from_id: z.union([z.string(), z.number()]),
  to_id: z.union([z.string(), z.number()]),
  direction: z.string().optional(),
  labels: z.array(z.string()).optional(),
});
const LabelsValue = z.looseObject({
  start: offset,
  end: offset,
  text: z.string().optional(),
  labels: z.array(z.string()).min(1),
});
const TextAreaValue = z.looseObject({ text: z.array(z.string()) });
const Annotation = z.looseObject({
  result: z.array(Result),
  completed_by: z.unknown().optional(),
  was_cancelled: z.boolean().optional(),
  marginalia_annotator: z.string().trim().min(1).optional(),
});
const Task = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  data: z.looseObject({ text: z.string(), title: z.string().optional(), meta: jsonObject.optional() }),
  annotations: z.array(Annotation).optional(),
  predictions: z.array(z.looseObject({ result: z.array(Result) })).optional(),
});

/** Keys of a Label Studio export that carry nothing Marginalia stores; ignored without a warning. */
const TASK_KEYS = new Set([
  'id',
  'data',
  'annotations',
  'predictions',
  'drafts',
  'meta',
  'created_at',
  'updated_at',
  'inner_id',
  'total_annotations',
  'cancelled_annotations',
  'total_predictions',
  'comment_count',
  'unresolved_comment_count',
  'last_comment_updated_at',
  'project',
  'updated_by',
  'file_upload',
  'comment_authors',
  'is_labeled',
  'overlap',
  'annotators',
  'storage_filename',
]);
const DATA_KEYS = new Set(['text', 'title', 'meta']);

/**
 * Annotator of a Label Studio annotation: Marginalia's own `marginalia_annotator`, else the e-mail
 * of an expanded `completed_by`, else "label-studio-user-<id>" for the numeric user id Label Studio
 * writes. Null when none is given.
 */
function annotatorOf(a: z.infer<typeof Annotation>): string | null {
  if (a.marginalia_annotator) return a.marginalia_annotator;
  const by = a.completed_by;
  if (typeof by === 'number') return `label-studio-user-${by}`;
  if (by && typeof by === 'object' && 'email' in by && typeof by.email === 'string') return by.email;
  return null;
}

type AnnotationLike = { result: z.infer<typeof Result>[] };

/**
 * A Label Studio JSON export: an array of tasks, or one task object. `data.text` is the article;
 * each annotation's `labels` results become spans (one per label), a per-region `textarea` result
 * with the same id becomes that span's note, `relation` results are kept aside and counted.
 * Offsets are code points (Label Studio ≥ 1.5) or, with `options.labelStudioUnit: 'utf16'`, UTF-16
 * units; a `value.text` that differs from the article only in line breaks and spaces (Label Studio
 * drops line breaks from it) is accepted with a warning. Predictions are left out and counted, or
 * with `options.predictions: 'import'` imported under the annotator "predictions"; cancelled
 * annotations are skipped and counted. O(total size).
 */
export function importLabelStudio(c: ImportCollector, value: unknown): void {
  const tasks = Array.isArray(value) ? value : [value];
  if (tasks.length === 0) c.log.error(null, null, 'The file contains no tasks.');
  tasks.forEach((t, ti) => {
    const at = Array.isArray(value) ? `[${ti}]` : '';
    const task = check(c, Task, t, null, at);
    if (!task) return;
    const index = checkText(c, task.data.text, null, `${at ? `${at}.` : ''}data.text`);
    if (!index) return;
    warnDropped(c, null, unknownKeys(t as Record<string, unknown>, TASK_KEYS), at);
    warnDropped(c, null, unknownKeys(task.data, DATA_KEYS), `${at ? `${at}.` : ''}data`);
    const meta: Record<string, unknown> = { ...task.data.meta };
    if (task.id !== undefined) meta['id'] = task.id;
    const doc = c.addDocument(task.data.text, {
      title: task.data.title,
      meta,
      source: `${c.file}${at}`,
      sourceId: task.id,
    });
    const prefix = at ? `${at}.` : '';
    (task.annotations ?? []).forEach((a, ai) => {
      const af = `${prefix}annotations[${ai}]`;
      if (a.was_cancelled) {
        c.count('cancelledAnnotations');
        return;
      }
      readResults(c, a, af, doc.id, index, annotatorOf(a) ?? c.fallbackAnnotator);
    });
    const predictions = (task.predictions ?? []).filter((p) => p.result.length > 0);
    if (predictions.length === 0) return;
    if (c.options.predictions !== 'import') {
      c.count('predictionsLeftOut', predictions.length);
      return;
    }
    c.count('predictionsImported', predictions.length);
    predictions.forEach((p, pi) =>
      readResults(c, p, `${prefix}predictions[${pi}]`, doc.id, index, 'predictions'),
    );
  });
}

/** The spans, notes and relations of one annotation (or prediction) of one task. */
function readResults(
  c: ImportCollector,
  a: AnnotationLike,
  af: string,
  docId: string,
  index: CodePointIndex,
  annotator: string | null,
): void {
  const notes = new Map<string, string>();
  const regions = new Set<string>();
  for (const r of a.result) {
    if (r.type === 'labels' && r.id !== undefined) regions.add(String(r.id));
    if (r.type !== 'textarea' || r.id === undefined) continue;
    const v = TextAreaValue.safeParse(r.value);
    if (v.success) notes.set(String(r.id), v.data.text.join('\n'));
  }
  const raw: RawSpan[] = [];
  const relations: { from: string; to: string; type: string; direction?: string; field: string }[] = [];
  a.result.forEach((r, ri) => {
    const rf = `${af}.result[${ri}]`;
    if (r.type === 'textarea' && r.id !== undefined && regions.has(String(r.id))) return;
    if (r.type === 'relation') {
      const rel = check(c, RelationResult, r, null, rf);
      if (rel) {
        relations.push({
          from: String(rel.from_id),
          to: String(rel.to_id),
          type: (rel.labels ?? []).join(', '),
          ...(rel.direction ? { direction: rel.direction } : {}),
          field: rf,
        });
      }
      return;
    }
    if (r.type !== 'labels') {
      c.log.warn(null, rf, `A "${r.type}" result is not a text span; it was dropped.`);
      return;
    }
    const v = check(c, LabelsValue, r.value, null, `${rf}.value`);
    if (!v) return;
    const note = r.id === undefined ? undefined : notes.get(String(r.id));
    v.labels.forEach((label, li) => {
      const one = v.labels.length === 1;
      raw.push({
        start: v.start,
        end: v.end,
        label,
        text: v.text,
        note,
        id: r.id === undefined || !one ? undefined : String(r.id),
        field: `${rf}.value${one ? '' : `.labels[${li}]`}`,
        ...(r.id !== undefined && li === 0 ? { ref: String(r.id) } : {}),
      });
    });
  });
  const unit = c.options.labelStudioUnit ?? 'codepoint';
  noteAssumedUnit(c, 'labelstudio', unit, index, raw, null);
  const refs = new Map<string, string>();
  const spans = validateSpans(raw, {
    index,
    line: null,
    log: c.log,
    labels: c.labels,
    unit,
    docId,
    annotator: annotator ?? '',
    sameText: sameButWhitespace,
    refs,
  });
  c.addSpans(docId, annotator, spans, { line: null });
  for (const rel of relations) {
    c.count('relationsLeftOut');
    c.relations.push({
      docId,
      annotator,
      kind: 'relation',
      type: rel.type,
      args: [
        { role: 'from', ref: rel.from, spanId: refs.get(rel.from) ?? null },
        { role: 'to', ref: rel.to, spanId: refs.get(rel.to) ?? null },
      ],
      ...(rel.direction ? { value: rel.direction } : {}),
      line: null,
      field: rel.field,
    });
  }
}
