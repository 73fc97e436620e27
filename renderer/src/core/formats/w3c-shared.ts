/** Names shared by the W3C Web Annotation writer and reader (see docs/format.md). */
export const W3C_CONTEXT = [
  'http://www.w3.org/ns/anno.jsonld',
  { mg: 'urn:marginalia:vocab#', 'mg:meta': { '@type': '@json' } },
] as const;

/** IRI of a document: its sha256 id as a URN, so the same text has the same IRI everywhere. */
export const documentIri = (docId: string): string => `urn:marginalia:${docId}`;
export const spanIri = (spanId: string): string => `urn:marginalia:span:${spanId}`;
export const SPAN_IRI_PREFIX = 'urn:marginalia:span:';

/** Code points of context written as TextQuoteSelector prefix and suffix. */
export const QUOTE_CONTEXT = 32;
