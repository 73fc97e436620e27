import { z } from 'zod';
import type { ImportCollector } from './collect';
import { makeLabelResolver } from './label-resolve';
import { check, checkText, jsonObject, offset, unknownKeys, warnDropped } from './record-helpers';
import { validateSpans, type RawSpan } from './span-rules';

const Result = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  type: z.string(),
  value: jsonObject,
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
  data: z.looseObject({ text: z.string(), title: z.string().optional(), meta: jsonObject.optional() }),
  annotations: z.array(Annotation).optional(),
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

/**
 * A Label Studio JSON export (an array of tasks): `data.text` is the article; each annotation's
 * `labels` results become spans (one per label), a per-region `textarea` result with the same id
 * becomes that span's note. Offsets are code points (Label Studio ≥ 1.5) or, with
 * `options.labelStudioUnit: 'utf16'`, UTF-16 units. Predictions and cancelled annotations are not
 * imported. O(total size).
 */
export function importLabelStudio(c: ImportCollector, value: unknown): void {
  const tasks = Array.isArray(value) ? value : [value];
  if (tasks.length === 0) c.log.error(null, null, 'The file contains no tasks.');
  const resolveLabel = makeLabelResolver(c.options);
  tasks.forEach((t, ti) => {
    const at = `[${ti}]`;
    const task = check(c, Task, t, null, at);
    if (!task) return;
    const index = checkText(c, task.data.text, null, `${at}.data.text`);
    if (!index) return;
    warnDropped(c, null, unknownKeys(t as Record<string, unknown>, TASK_KEYS), at);
    warnDropped(c, null, unknownKeys(task.data, DATA_KEYS), `${at}.data`);
    if (
      Array.isArray((t as Record<string, unknown>)['predictions']) &&
      ((t as Record<string, unknown[]>)['predictions'] ?? []).length > 0
    ) {
      c.log.warn(null, `${at}.predictions`, 'Model predictions are not imported; only annotations are.');
    }
    const doc = c.addDocument(task.data.text, {
      title: task.data.title,
      meta: task.data.meta ?? {},
      source: `${c.file}${at}`,
    });
    (task.annotations ?? []).forEach((a, ai) => {
      const af = `${at}.annotations[${ai}]`;
      if (a.was_cancelled) {
        c.log.warn(
          null,
          af,
          'This annotation was skipped (cancelled) in Label Studio, so it was not imported.',
        );
        return;
      }
      const annotator = annotatorOf(a) ?? c.fallbackAnnotator;
      const notes = new Map<string, string>();
      for (const r of a.result) {
        if (r.type !== 'textarea' || r.id === undefined) continue;
        const v = TextAreaValue.safeParse(r.value);
        if (v.success) notes.set(String(r.id), v.data.text.join('\n'));
      }
      const raw: RawSpan[] = [];
      a.result.forEach((r, ri) => {
        const rf = `${af}.result[${ri}]`;
        if (
          r.type === 'textarea' &&
          r.id !== undefined &&
          a.result.some((x) => x.type === 'labels' && x.id === r.id)
        )
          return;
        if (r.type !== 'labels') {
          c.log.warn(null, rf, `A "${r.type}" result is not a text span; it was dropped.`);
          return;
        }
        const v = check(c, LabelsValue, r.value, null, `${rf}.value`);
        if (!v) return;
        const note = r.id === undefined ? undefined : notes.get(String(r.id));
        v.labels.forEach((label, li) => {
          const id = r.id === undefined || v.labels.length > 1 ? undefined : String(r.id);
          raw.push({
            start: v.start,
            end: v.end,
            label,
            text: v.text,
            note,
            id,
            field: `${rf}.value${v.labels.length > 1 ? `.labels[${li}]` : ''}`,
          });
        });
      });
      const spans = validateSpans(raw, {
        index,
        line: null,
        log: c.log,
        resolveLabel,
        unit: c.options.labelStudioUnit ?? 'codepoint',
        docId: doc.id,
        annotator: annotator ?? '',
      });
      c.addSpans(doc.id, annotator, spans, { line: null });
    });
  });
}
