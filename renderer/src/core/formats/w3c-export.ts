import type { PreparedDocument } from './export-check';
import type { ExportSpan } from './export-types';
import { documentIri, POSITION_UNIT_KEY, QUOTE_CONTEXT, spanIri, W3C_CONTEXT } from './w3c-shared';
import { linkAnnotation } from './w3c-links';
import { sortedSets, sortedSpans, type FormatWriter } from './writer';

/**
 * One span as a W3C Web Annotation: positions in code points, as the Recommendation requires, or
 * in UTF-16 units for consumers that count like JavaScript (Recogito's text annotator).
 */
function annotation(p: PreparedDocument, annotator: string, s: ExportSpan, utf16: boolean): unknown {
  const { index } = p;
  const at = (cp: number): number => (utf16 ? index.toUtf16(cp) : cp);
  const body: unknown[] = [{ type: 'TextualBody', purpose: 'tagging', value: s.label }];
  if (s.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: s.note });
  return {
    id: spanIri(annotator, s.id),
    type: 'Annotation',
    motivation: 'tagging',
    creator: { type: 'Person', nickname: annotator },
    body,
    target: {
      source: documentIri(p.doc.id),
      selector: [
        { type: 'TextPositionSelector', start: at(s.start), end: at(s.end) },
        {
          type: 'TextQuoteSelector',
          exact: index.slice(s.start, s.end),
          prefix: index.slice(Math.max(0, s.start - QUOTE_CONTEXT), s.start),
          suffix: index.slice(s.end, Math.min(index.codePointLength, s.end + QUOTE_CONTEXT)),
        },
      ],
    },
  };
}

/**
 * W3C Web Annotation JSON-LD: one AnnotationCollection whose first page lists every span as an
 * Annotation (TextPositionSelector + TextQuoteSelector with 32 code points of prefix/suffix, a
 * `tagging` body for the label, a `commenting` body for the note, `creator.nickname` = annotator).
 * The articles are embedded under `mg:documents` so the file is self-contained. Annotation ids
 * carry the annotator, so they are unique across the export. With `w3cUnit: 'utf16'` positions
 * count UTF-16 units and the collection says so (`mg:positionUnit`). Links follow the spans, as
 * `linking` annotations whose two targets are the linked spans (w3c-links.ts).
 */
export const w3cWriter: FormatWriter = {
  files: (_docs, base) => [{ name: `${base}.w3c.jsonld`, mediaType: 'application/ld+json' }],
  *write(docs, options, base, links) {
    const file = `${base}.w3c.jsonld`;
    const utf16 = options.w3cUnit === 'utf16';
    const spans = docs.reduce((n, p) => n + p.sets.reduce((m, s) => m + s.spans.length, 0), 0);
    const total = spans + links.length;
    const documents = docs.map((p) => ({
      id: documentIri(p.doc.id),
      type: 'Text',
      format: 'text/plain',
      'mg:title': p.doc.title,
      'mg:text': p.doc.text,
      'mg:meta': p.doc.meta,
    }));
    const head = {
      '@context': W3C_CONTEXT,
      id: 'urn:marginalia:export',
      type: 'AnnotationCollection',
      label: 'Marginalia export',
      total,
      ...(utf16 ? { [POSITION_UNIT_KEY]: 'utf16' } : {}),
      'mg:documents': documents,
    };
    const headJson = JSON.stringify(head);
    yield {
      file,
      text: `${headJson.slice(0, -1)},"first":{"type":"AnnotationPage","startIndex":0,"items":[`,
      spans: 0,
    };
    let first = true;
    for (const p of docs) {
      for (const set of sortedSets(p)) {
        const items = sortedSpans(set).map((s) => JSON.stringify(annotation(p, set.annotator, s, utf16)));
        if (items.length === 0) continue;
        yield { file, text: `${first ? '\n' : ',\n'}${items.join(',\n')}`, spans: items.length };
        first = false;
      }
    }
    const byId = new Map(docs.map((p) => [p.doc.id, p]));
    for (let i = 0; i < links.length; i += 1000) {
      const items = links.slice(i, i + 1000).map((l) => JSON.stringify(linkAnnotation(l, byId, utf16)));
      yield { file, text: `${first ? '\n' : ',\n'}${items.join(',\n')}`, spans: 0 };
      first = false;
    }
    yield { file, text: '\n]}}\n', spans: 0 };
    return {
      links: links.length,
      notes: utf16
        ? [
            'W3C positions are in UTF-16 units (for Recogito and other JavaScript consumers), not the code points the Recommendation prescribes.',
          ]
        : [],
    };
  },
};
