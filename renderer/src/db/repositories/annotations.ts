import type { AnnotationCommand } from '../../core/commands/annotate';
import type { Label } from '../../core/model/labels';
import { compareSpans, type Span } from '../../core/model/span';
import type { MarginaliaDb } from '../database';
import { rowToSpan, spanToRow } from '../rows';

export async function listSpans(db: MarginaliaDb, docId: string, annotator: string): Promise<Span[]> {
  const rows = await db.spans.where('[docId+annotator]').equals([docId, annotator]).toArray();
  return rows.map(rowToSpan).sort(compareSpans);
}

export class DuplicateSpanError extends Error {}

/**
 * Persists one annotation command in one strict transaction. A create that would duplicate an
 * existing (start, end, label) of the same annotator is refused inside the transaction, so two
 * racing windows cannot both add it.
 */
export async function applyAnnotationCommand(
  db: MarginaliaDb,
  docId: string,
  annotator: string,
  cmd: AnnotationCommand,
): Promise<void> {
  const now = Date.now();
  await db.transaction('rw', db.spans, async () => {
    switch (cmd.kind) {
      case 'create': {
        const same = await db.spans
          .where('[docId+annotator]')
          .equals([docId, annotator])
          .filter((r) => r.start === cmd.span.start && r.end === cmd.span.end && r.label === cmd.span.label)
          .first();
        if (same && same.id !== cmd.span.id) {
          throw new DuplicateSpanError(`This exact ${cmd.span.label} span already exists.`);
        }
        await db.spans.put(spanToRow(cmd.span, docId, annotator, now));
        return;
      }
      case 'delete':
        await db.spans.delete(cmd.span.id);
        return;
      case 'update':
        await db.spans.put(spanToRow(cmd.after, docId, annotator, now));
        return;
    }
  });
}

/** Per-document, per-label span counts of one annotator (for the library). */
export async function countSpansByDocument(
  db: MarginaliaDb,
  annotator: string,
): Promise<Map<string, Record<Label, number>>> {
  const out = new Map<string, Record<Label, number>>();
  await db.spans
    .where('annotator')
    .equals(annotator)
    .each((row) => {
      let counts = out.get(row.docId);
      if (!counts) {
        counts = { claim: 0, quote: 0, figure: 0, speculation: 0 };
        out.set(row.docId, counts);
      }
      counts[row.label] += 1;
    });
  return out;
}
