import { useRef } from 'react';

import { endpointKey, type Link, type LinkEndpoint } from '../../core/links/link';
import { linksOfSpan, ROLE_TITLES } from '../../core/links/span-links';
import { quoted } from '../../core/text/quoted';
import type { EndInfo } from '../../session/links/useLinkEnds';
import { useDraftText } from '../../ui/useDraftText';

/**
 * A span's links in the inspector: how each reads from this span, the other article's title and
 * the linked text, a button that goes there, the link's note and Delete.
 */
export function SpanLinks({
  span,
  links,
  ends,
  currentDocId,
  onGo,
  onNote,
  onDelete,
  markUnsaved,
}: {
  span: LinkEndpoint;
  links: readonly Link[];
  ends: ReadonlyMap<string, EndInfo>;
  currentDocId: string;
  onGo: (end: LinkEndpoint) => void;
  onNote: (before: Link, after: Link, editKey?: string) => void;
  onDelete: (link: Link) => void;
  markUnsaved: () => () => void;
}) {
  const mine = linksOfSpan(links, span);
  if (mine.length === 0) return null;
  return (
    <div className="span-links">
      <h4>
        {mine.length} link{mine.length === 1 ? '' : 's'}
      </h4>
      <ul aria-label="Links of this span">
        {mine.map(({ link, role, other }) => {
          const info = ends.get(endpointKey(other));
          const where = other.docId === currentDocId ? 'this article' : info?.title || 'another article';
          return (
            <LinkRow
              key={link.id}
              link={link}
              title={`${ROLE_TITLES[role]} ${quoted(info?.text ?? '…')} in ${where}`}
              onGo={() => onGo(other)}
              onNote={onNote}
              onDelete={onDelete}
              markUnsaved={markUnsaved}
            />
          );
        })}
      </ul>
    </div>
  );
}

function LinkRow({
  link,
  title,
  onGo,
  onNote,
  onDelete,
  markUnsaved,
}: {
  link: Link;
  title: string;
  onGo: () => void;
  onNote: (before: Link, after: Link, editKey?: string) => void;
  onDelete: (link: Link) => void;
  markUnsaved: () => () => void;
}) {
  const latest = useRef(link);
  latest.current = link;
  const note = useDraftText({
    stored: link.note,
    markUnsaved,
    save: (before, after, editKey) =>
      onNote({ ...latest.current, note: before }, { ...latest.current, note: after }, editKey),
  });
  return (
    <li className={`link-row rel-${link.relation}`} data-link-id={link.id}>
      <button type="button" className="link-go" onClick={onGo} aria-label={`Go to: ${title}`}>
        {title}
      </button>
      <label>
        Link note
        <textarea
          value={note.value}
          rows={1}
          aria-label={`Note on the link: ${title}`}
          onChange={(e) => note.onChange(e.target.value)}
          onBlur={note.commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              note.commit();
            }
          }}
        />
      </label>
      <button
        type="button"
        className="danger"
        onClick={() => onDelete(link)}
        aria-label={`Delete link: ${title}`}
      >
        Delete link
      </button>
    </li>
  );
}
