import { invertLinkCommand, describeLinkCommand, type LinkCommand } from '../links/commands';
import type { Span } from '../model/span';
import { applyCommandSorted, describeCommand, invertCommand, type AnnotationCommand } from './annotate';

/**
 * What one annotate view's undo history holds: span commands and link commands, in the order they
 * were made, so one Ctrl+Z takes back the last of either (a link made from this article, or to it).
 * Link commands do not change the spans; the view shows links from the database.
 */
export type DocumentCommand = AnnotationCommand | LinkCommand;

export const isLinkCommand = (c: DocumentCommand): c is LinkCommand =>
  c.kind === 'create_link' || c.kind === 'delete_link' || c.kind === 'update_link';

/** The spans after a command; a link command leaves the very same list (nothing re-renders). */
export function applyDocumentCommand<S extends readonly Span[] | undefined>(
  spans: S,
  c: DocumentCommand,
): S | Span[] {
  return isLinkCommand(c) ? spans : applyCommandSorted(spans ?? [], c);
}

export const invertDocumentCommand = (c: DocumentCommand): DocumentCommand =>
  isLinkCommand(c) ? invertLinkCommand(c) : invertCommand(c);

export const describeDocumentCommand = (c: DocumentCommand): string =>
  isLinkCommand(c) ? describeLinkCommand(c) : describeCommand(c);
