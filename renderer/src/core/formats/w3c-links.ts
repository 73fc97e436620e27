import { z } from 'zod';
import type { LinkEndpoint } from '../links/link';
import type { RawLink } from '../links/validate';
import type { CodePointIndex } from '../text/code-points';
import type { ImportCollector } from './collect';
import type { PreparedDocument } from './export-check';
import type { ExportLink } from './export-types';
import type { OffsetUnit } from './import-types';
import { check, offset } from './record-helpers';
import { documentIri, QUOTE_CONTEXT } from './w3c-shared';

/** IRI of one annotator's link (ids are unique per annotator, as for spans). */
export const linkIri = (annotator: string, linkId: string): string =>
  `urn:marginalia:link:${encodeURIComponent(annotator)}/${encodeURIComponent(linkId)}`;
const LINK_IRI = /^urn:marginalia:link:([^/]*)\/(.+)$/;

/** The selectors of one end, as a span's annotation has them (positions in `utf16` or code points). */
function endTarget(p: PreparedDocument, e: LinkEndpoint, role: 'from' | 'to', utf16: boolean): unknown {
  const { index } = p;
  const at = (cp: number): number => (utf16 ? index.toUtf16(cp) : cp);
  return {
    type: 'SpecificResource',
    'mg:role': role,
    source: documentIri(p.doc.id),
    selector: [
      { type: 'TextPositionSelector', start: at(e.start), end: at(e.end) },
      {
        type: 'TextQuoteSelector',
        exact: index.slice(e.start, e.end),
        prefix: index.slice(Math.max(0, e.start - QUOTE_CONTEXT), e.start),
        suffix: index.slice(e.end, Math.min(index.codePointLength, e.end + QUOTE_CONTEXT)),
      },
    ],
  };
}

/**
 * A link as a W3C Web Annotation with motivation `linking` whose two targets are the two spans
 * (each a SpecificResource with the span's selectors); `mg:role` says which end is `from`, since a
 * JSON-LD list of targets has no order. The relation is the `tagging` body, the note a `commenting` one.
 */
export function linkAnnotation(
  link: ExportLink,
  docs: ReadonlyMap<string, PreparedDocument>,
  utf16: boolean,
): unknown {
  const body: unknown[] = [{ type: 'TextualBody', purpose: 'tagging', value: link.relation }];
  if (link.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: link.note });
  const end = (e: LinkEndpoint, role: 'from' | 'to'): unknown =>
    endTarget(docs.get(e.docId) as PreparedDocument, e, role, utf16);
  return {
    id: linkIri(link.annotator, link.id),
    type: 'Annotation',
    motivation: 'linking',
    creator: { type: 'Person', nickname: link.annotator },
    body,
    target: [end(link.from, 'from'), end(link.to, 'to')],
  };
}

const Target = z.looseObject({
  'mg:role': z.enum(['from', 'to']).optional(),
  source: z.string(),
  selector: z.array(z.looseObject({ type: z.string() })),
});
const LinkAnno = z.looseObject({
  id: z.string().optional(),
  creator: z.looseObject({ nickname: z.string().optional(), name: z.string().optional() }).optional(),
  body: z.array(z.looseObject({ purpose: z.string().optional(), value: z.string() })),
  target: z.tuple([Target, Target]),
});
const Position = z.looseObject({ start: offset, end: offset });

/**
 * Reads a `linking` annotation written by `linkAnnotation`: two targets, each with a
 * TextPositionSelector (in `unit`) whose TextQuoteSelector, when present, must equal the text
 * there. The link is checked against the file's spans once the file is read (`addLink`).
 */
export function readW3cLink(
  c: ImportCollector,
  item: unknown,
  field: string,
  docs: ReadonlyMap<string, { docId: string; index: CodePointIndex }>,
  unit: OffsetUnit,
): void {
  const a = check(c, LinkAnno, item, null, field);
  if (!a) return;
  const ends: { role: 'from' | 'to' | undefined; end: LinkEndpoint }[] = [];
  for (const [i, t] of a.target.entries()) {
    const where = `${field}.target[${i}]`;
    const doc = docs.get(t.source);
    if (!doc) {
      c.log.error(
        null,
        `${where}.source`,
        `The link points to "${t.source}", which is not among the embedded documents.`,
      );
      return;
    }
    const pos = t.selector.find((s) => s.type === 'TextPositionSelector');
    const p = pos ? check(c, Position, pos, null, `${where}.selector`) : null;
    if (!p) {
      if (!pos) c.log.error(null, `${where}.selector`, 'The link target has no TextPositionSelector.');
      return;
    }
    const end = toCodePoints(doc.index, unit, p.start, p.end);
    if (!end) {
      c.log.error(
        null,
        `${where}.selector`,
        `${p.start}–${p.end} is outside the text or splits a character.`,
      );
      return;
    }
    const quote = t.selector.find((s) => s.type === 'TextQuoteSelector')?.['exact'];
    if (typeof quote === 'string' && quote !== doc.index.slice(end.start, end.end)) {
      c.log.error(
        null,
        `${where}.selector`,
        'The TextQuoteSelector does not equal the text at the TextPositionSelector.',
      );
      return;
    }
    ends.push({ role: t['mg:role'], end: { docId: doc.docId, ...end } });
  }
  const [x, y] = ends as [(typeof ends)[number], (typeof ends)[number]];
  const [from, to] = x.role === 'to' || y.role === 'from' ? [y, x] : [x, y];
  const tag = a.body.find((b) => b.purpose === 'tagging' || b.purpose === undefined);
  if (!tag) {
    c.log.error(null, `${field}.body`, 'The link has no tagging body (its relation).');
    return;
  }
  const iri = a.id ? LINK_IRI.exec(a.id) : null;
  const creator = a.creator?.nickname ?? a.creator?.name ?? c.fallbackAnnotator;
  const annotator = creator ?? decoded(iri?.[1]);
  if (annotator === null) {
    c.log.error(null, `${field}.creator`, 'The link names no annotator (creator.nickname).');
    return;
  }
  const link: RawLink = {
    id: decoded(iri?.[2]) ?? a.id ?? field,
    annotator,
    relation: tag.value,
    from: from.end,
    to: to.end,
    note: a.body.find((b) => b.purpose === 'commenting')?.value ?? '',
  };
  c.addLink(link, { line: null, field });
}

function toCodePoints(
  index: CodePointIndex,
  unit: OffsetUnit,
  start: number,
  end: number,
): { start: number; end: number } | null {
  if (unit === 'codepoint')
    return 0 <= start && start < end && end <= index.codePointLength ? { start, end } : null;
  if (
    !(0 <= start && start < end && end <= index.utf16Length) ||
    index.splitsPair(start) ||
    index.splitsPair(end)
  )
    return null;
  return { start: index.toCodePoint(start), end: index.toCodePoint(end) };
}

function decoded(part: string | undefined): string | null {
  if (part === undefined) return null;
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
