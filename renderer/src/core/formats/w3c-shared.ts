/** Names shared by the W3C Web Annotation writer and reader (see docs/format.md). */
export const W3C_CONTEXT = [
  'http://www.w3.org/ns/anno.jsonld',
  { mg: 'urn:marginalia:vocab#', 'mg:meta': { '@type': '@json' } },
] as const;

/** IRI of a document: its sha256 id as a URN, so the same text has the same IRI everywhere. */
export const documentIri = (docId: string): string => `urn:marginalia:${docId}`;
export const SPAN_IRI_PREFIX = 'urn:marginalia:span:';
/**
 * IRI of one annotator's span. Span ids are unique per annotator only (two annotators' copies of a
 * file share them), so the annotator is part of the IRI and ids stay unique across an export.
 */
export const spanIri = (annotator: string, spanId: string): string =>
  `${SPAN_IRI_PREFIX}${encodeURIComponent(annotator)}/${encodeURIComponent(spanId)}`;

/** The span id in an IRI written by `spanIri` (or by older versions, without the annotator). */
export function spanIdOfIri(iri: string, annotator: string | null): string | undefined {
  if (!iri.startsWith(SPAN_IRI_PREFIX)) return undefined;
  const rest = iri.slice(SPAN_IRI_PREFIX.length);
  const who = annotator === null ? null : `${encodeURIComponent(annotator)}/`;
  if (who !== null && rest.startsWith(who)) {
    try {
      return decodeURIComponent(rest.slice(who.length));
    } catch {
      return undefined;
    }
  }
  return rest;
}

/** Collection key saying the TextPositionSelectors count UTF-16 units (the "positions in UTF-16" option). */
export const POSITION_UNIT_KEY = 'mg:positionUnit';

/** Code points of context written as TextQuoteSelector prefix and suffix. */
export const QUOTE_CONTEXT = 32;
