import { describe, expect, it } from 'vitest';

import {
  applyDocumentCommand,
  describeDocumentCommand,
  invertDocumentCommand,
  isLinkCommand,
} from '../../../../renderer/src/core/commands/document-command';
import type { Link } from '../../../../renderer/src/core/links/link';
import type { Span } from '../../../../renderer/src/core/model/span';

const span: Span = { id: 's', start: 0, end: 3, label: 'claim', note: '' };
const link: Link = {
  id: 'l',
  annotator: 'a',
  relation: 'contradicts',
  from: { docId: 'd1', start: 0, end: 3 },
  to: { docId: 'd2', start: 1, end: 4 },
  note: '',
};

describe('one history for span and link commands', () => {
  it('a link command leaves the very same span list; a span command changes it', () => {
    const spans = [span];
    expect(applyDocumentCommand(spans, { kind: 'create_link', link })).toBe(spans);
    expect(applyDocumentCommand(spans, { kind: 'delete', span })).toEqual([]);
  });

  it('inverts and describes each kind; a deleted span carries its links both ways', () => {
    const del = { kind: 'delete' as const, span, links: [link] };
    expect(invertDocumentCommand(del)).toEqual({ kind: 'create', span, links: [link] });
    expect(invertDocumentCommand(invertDocumentCommand(del))).toEqual(del);
    expect(invertDocumentCommand({ kind: 'create_link', link })).toEqual({ kind: 'delete_link', link });
    expect(describeDocumentCommand({ kind: 'create_link', link })).toBe('linked: contradicts');
    expect(describeDocumentCommand(del)).toBe('deleted claim');
    expect(isLinkCommand({ kind: 'update_link', before: link, after: link })).toBe(true);
    expect(isLinkCommand(del)).toBe(false);
  });
});
