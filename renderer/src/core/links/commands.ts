import type { Span } from '../model/span';
import { err, ok, type Result } from '../result';
import { linkKey, RELATION_TITLES, type Link } from './link';
import { validateLink, type LinkContext, type LinkProblem, type RawLink } from './validate';

/**
 * A span of the link's annotator made together with the link (an accepted suggestion whose target
 * was a sentence, not yet a span): created in the link's transaction, deleted with it by its undo.
 */
export interface MadeSpan {
  readonly docId: string;
  readonly span: Span;
}

/**
 * Link actions as data, like the span commands (core/commands/annotate.ts): applied by a pure
 * function, persisted in one transaction with whatever else the action changes, inverted for undo.
 */
export type LinkCommand =
  | { readonly kind: 'create_link'; readonly link: Link; readonly spans?: readonly MadeSpan[] }
  | { readonly kind: 'delete_link'; readonly link: Link; readonly spans?: readonly MadeSpan[] }
  | { readonly kind: 'update_link'; readonly before: Link; readonly after: Link };

export function invertLinkCommand(cmd: LinkCommand): LinkCommand {
  switch (cmd.kind) {
    case 'create_link':
      return { kind: 'delete_link', link: cmd.link, ...(cmd.spans ? { spans: cmd.spans } : {}) };
    case 'delete_link':
      return { kind: 'create_link', link: cmd.link, ...(cmd.spans ? { spans: cmd.spans } : {}) };
    case 'update_link':
      return { kind: 'update_link', before: cmd.after, after: cmd.before };
  }
}

/** Applies a command to a link list (immutable; order not guaranteed). O(n). */
export function applyLinkCommand<L extends Link>(links: readonly L[], cmd: LinkCommand): L[] {
  switch (cmd.kind) {
    case 'create_link':
      return [...links.filter((l) => l.id !== cmd.link.id), cmd.link as L];
    case 'delete_link':
      return links.filter((l) => l.id !== cmd.link.id);
    case 'update_link':
      return links.map((l) => (l.id === cmd.after.id ? (cmd.after as L) : l));
  }
}

export function describeLinkCommand(cmd: LinkCommand): string {
  switch (cmd.kind) {
    case 'create_link':
      return `linked: ${RELATION_TITLES[cmd.link.relation].toLowerCase()}`;
    case 'delete_link':
      return `deleted ${RELATION_TITLES[cmd.link.relation].toLowerCase()} link`;
    case 'update_link':
      return cmd.before.relation !== cmd.after.relation
        ? `changed link to ${RELATION_TITLES[cmd.after.relation].toLowerCase()}`
        : 'edited link';
  }
}

/**
 * The command that creates `raw` among an annotator's `existing` links: validated against the
 * spans (`ctx`), and refused when the annotator already has a link asserting the same thing (same
 * key: relation and endpoints, direction ignored for symmetric relations). O(existing).
 */
export function createLink(
  existing: readonly Link[],
  raw: RawLink,
  ctx: LinkContext,
): Result<LinkCommand, LinkProblem[]> {
  const checked = validateLink(raw, ctx);
  if (!checked.ok) return checked;
  const key = linkKey(checked.value);
  const dup = existing.find((l) => l.annotator === raw.annotator && linkKey(l) === key);
  if (dup) {
    return err([
      {
        kind: 'duplicate',
        field: null,
        message: `This ${RELATION_TITLES[dup.relation].toLowerCase()} link already exists.`,
      },
    ]);
  }
  return ok({ kind: 'create_link', link: checked.value });
}
