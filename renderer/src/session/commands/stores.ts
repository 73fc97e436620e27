import { mergeUpdates } from '../../core/commands/annotate';
import {
  applyDocumentCommand,
  describeDocumentCommand,
  invertDocumentCommand,
  isLinkCommand,
  type DocumentCommand,
} from '../../core/commands/document-command';
import {
  applyStep,
  invertStep,
  type AdjudicationState,
  type AdjudicationStep,
} from '../../core/commands/adjudicate';
import {
  applyDetailsEdit,
  describeDetailsEdit,
  invertDetailsEdit,
  mergeDetailsEdits,
  type DetailsEdit,
  type DocumentDetails,
} from '../../core/model/document-details';
import type { Span } from '../../core/model/span';
import type { MarginaliaDb } from '../../db/database';
import { applyAdjudicationStep } from '../../db/repositories/adjudication';
import {
  applyAnnotationCommand,
  DuplicateSpanError,
  SpanConflictError,
} from '../../db/repositories/annotations';
import { applyDocumentDetailsEdit, DetailsConflictError } from '../../db/repositories/document-details';
import { applyLinkCommand, LinkRefusedError } from '../../db/repositories/links';
import { afterNextPaint } from '../after-paint';
import type { BackupService } from '../backup/backup-service';
import type { StoreRegistry } from './registry';
import { CommandStore } from './command-store';
import { UserWrites } from './user-writes';
import { WriteQueue, type WriteGate } from './write-queue';

/** `undefined` until the spans were read. Link commands made in this view share its history. */
export type AnnotationStore = CommandStore<Span[] | undefined, DocumentCommand>;
export type AdjudicationStore = CommandStore<AdjudicationState, AdjudicationStep>;

/**
 * One annotator's spans on one document. The save transaction and the Undo/Redo buttons wait for
 * the label's frame to paint (session/after-paint.ts), so the frame carries only the highlight.
 */
export function annotationStore(
  stores: StoreRegistry,
  db: MarginaliaDb,
  gate: WriteGate,
  docId: string,
  annotator: string,
): AnnotationStore {
  return stores.get(`annotate\u0000${docId}\u0000${annotator}`, () => {
    const spec = {
      apply: (s: Span[] | undefined, c: DocumentCommand) => applyDocumentCommand(s, c),
      invert: invertDocumentCommand,
      persist: (c: DocumentCommand) =>
        isLinkCommand(c) ? applyLinkCommand(db, c) : applyAnnotationCommand(db, docId, annotator, c),
      describe: describeDocumentCommand,
      merge: (last: DocumentCommand, next: DocumentCommand): DocumentCommand | null => {
        if (!isLinkCommand(last) && !isLinkCommand(next)) return mergeUpdates(last, next);
        // The saves of one link-note edit fold into one step, as a span note's do.
        if (last.kind !== 'update_link' || next.kind !== 'update_link') return null;
        return last.after.id === next.before.id ? { ...last, after: next.after } : null;
      },
      explain: (e: unknown) =>
        e instanceof DuplicateSpanError || e instanceof SpanConflictError || e instanceof LinkRefusedError
          ? e.message
          : null,
    };
    const queue = new WriteQueue(gate, afterNextPaint);
    return new CommandStore<Span[] | undefined, DocumentCommand>(spec, undefined, queue, afterNextPaint);
  });
}

const EMPTY: AdjudicationState = { gold: [], rejections: [] };

/** The gold set and rejections of one document, changed by adjudication steps. */
export function adjudicationStore(
  stores: StoreRegistry,
  db: MarginaliaDb,
  gate: WriteGate,
  docId: string,
): AdjudicationStore {
  return stores.get(`adjudicate\u0000${docId}`, () => {
    const spec = {
      apply: applyStep,
      invert: invertStep,
      persist: (s: AdjudicationStep) => applyAdjudicationStep(db, docId, s),
      describe: (s: AdjudicationStep) => s.description,
      explain: (e: unknown) => (e instanceof SpanConflictError ? e.message : null),
    };
    return new CommandStore<AdjudicationState, AdjudicationStep>(spec, EMPTY, new WriteQueue(gate));
  });
}

/** `undefined` until read (and when the document is no longer in the library). */
export type DetailsStore = CommandStore<DocumentDetails | undefined, DetailsEdit>;

/** A document's title, source and metadata (Document details), one field per command. */
export function documentDetailsStore(
  stores: StoreRegistry,
  db: MarginaliaDb,
  gate: WriteGate,
  docId: string,
): DetailsStore {
  return stores.get(`details\u0000${docId}`, () => {
    const spec = {
      apply: (d: DocumentDetails | undefined, e: DetailsEdit) => d && applyDetailsEdit(d, e),
      invert: invertDetailsEdit,
      persist: (e: DetailsEdit) => applyDocumentDetailsEdit(db, docId, e),
      describe: describeDetailsEdit,
      merge: mergeDetailsEdits,
      explain: (e: unknown) => (e instanceof DetailsConflictError ? e.message : null),
    };
    return new CommandStore<DocumentDetails | undefined, DetailsEdit>(spec, undefined, new WriteQueue(gate));
  });
}

/** Settings, status, team, import and restore writes of this app session (user-writes.ts). */
export function userWrites(
  stores: StoreRegistry,
  db: MarginaliaDb,
  gate: WriteGate,
  backups: BackupService,
): UserWrites {
  return stores.get(
    'user-writes',
    () => new UserWrites(db, new WriteQueue(gate), new WriteQueue(gate), backups),
  );
}
