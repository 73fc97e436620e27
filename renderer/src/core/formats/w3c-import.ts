import { z } from 'zod';
import type { ImportCollector } from './collect';
import type { ImportedDocument } from './import-types';
import { check, checkText, jsonObject, offset } from './record-helpers';
import { isJsonObject } from './safe-json';
import { validateSpans, type RawSpan } from './span-rules';
import { noteAssumedUnit } from './unit-check';
import { readW3cLink } from './w3c-links';
import { POSITION_UNIT_KEY, spanIdOfIri } from './w3c-shared';
import type { CodePointIndex } from '../text/code-points';

const Doc = z.looseObject({
  id: z.string(),
  'mg:text': z.string(),
  'mg:title': z.string().optional(),
  'mg:meta': jsonObject.optional(),
});
const Body = z.looseObject({ purpose: z.string().optional(), value: z.string() });
const Anno = z.looseObject({
  id: z.string().optional(),
  creator: z.looseObject({ nickname: z.string().optional(), name: z.string().optional() }).optional(),
  body: z.union([Body, z.array(Body)]),
  target: z.looseObject({ source: z.string(), selector: z.union([jsonObject, z.array(jsonObject)]) }),
});
const Position = z.looseObject({ start: offset, end: offset });

/**
 * A W3C Web Annotation collection as Marginalia writes it: the articles are embedded under
 * `mg:documents` (a plain W3C file carries only IRIs, not texts, so it cannot be imported alone).
 * Positions are code points (TextPositionSelector) unless the collection says `mg:positionUnit:
 * "utf16"` or `options.w3cUnit` is 'utf16'; the TextQuoteSelector's `exact` must equal the
 * slice, the `tagging` body is the label and a `commenting` body the note. Annotations with
 * motivation `linking` are links between two spans (w3c-links.ts). O(total size).
 */
export function importW3c(c: ImportCollector, value: unknown): void {
  if (!isJsonObject(value) || !Array.isArray(value['mg:documents'])) {
    c.log.error(
      null,
      null,
      'This W3C annotation file does not contain the article texts ("mg:documents"), so there is nothing to attach the annotations to.',
    );
    return;
  }
  const docs = new Map<string, { doc: ImportedDocument; index: CodePointIndex }>();
  value['mg:documents'].forEach((d, i) => {
    const rec = check(c, Doc, d, null, `mg:documents[${i}]`);
    if (!rec) return;
    const index = checkText(c, rec['mg:text'], null, `mg:documents[${i}].mg:text`);
    if (!index) return;
    const doc = c.addDocument(rec['mg:text'], {
      title: rec['mg:title'],
      meta: rec['mg:meta'] ?? {},
      source: c.file,
    });
    docs.set(rec.id, { doc, index });
  });
  const unit = c.options.w3cUnit ?? (value[POSITION_UNIT_KEY] === 'utf16' ? 'utf16' : 'codepoint');
  const byIri = new Map([...docs].map(([iri, d]) => [iri, { docId: d.doc.id, index: d.index }]));
  const first = value['first'];
  const items = isJsonObject(first) && Array.isArray(first['items']) ? first['items'] : [];
  const groups = new Map<
    string,
    { docId: string; annotator: string | null; index: CodePointIndex; raw: RawSpan[] }
  >();
  items.forEach((item, i) => {
    const field = `first.items[${i}]`;
    if (isJsonObject(item) && item['motivation'] === 'linking') {
      readW3cLink(c, item, field, byIri, unit);
      return;
    }
    const a = check(c, Anno, item, null, field);
    if (!a) return;
    const target = docs.get(a.target.source);
    if (!target) {
      c.log.error(
        null,
        `${field}.target.source`,
        `The annotation points to "${a.target.source}", which is not among the embedded documents.`,
      );
      return;
    }
    const selectors = Array.isArray(a.target.selector) ? a.target.selector : [a.target.selector];
    const posSel = selectors.find((s) => s['type'] === 'TextPositionSelector');
    const quote = selectors.find((s) => s['type'] === 'TextQuoteSelector');
    const pos = posSel ? check(c, Position, posSel, null, `${field}.target.selector`) : null;
    if (!pos) {
      if (!posSel)
        c.log.error(null, `${field}.target.selector`, 'The annotation has no TextPositionSelector.');
      return;
    }
    const bodies = Array.isArray(a.body) ? a.body : [a.body];
    const tag = bodies.find((b) => b.purpose === 'tagging' || b.purpose === undefined);
    const note = bodies.find((b) => b.purpose === 'commenting');
    if (!tag) {
      c.log.error(null, `${field}.body`, 'The annotation has no tagging body (its label).');
      return;
    }
    const annotator = a.creator?.nickname ?? a.creator?.name ?? c.fallbackAnnotator;
    const key = `${target.doc.id}\u0000${annotator ?? ''}`;
    const g = groups.get(key) ?? { docId: target.doc.id, annotator, index: target.index, raw: [] };
    groups.set(key, g);
    const exact = quote && typeof quote['exact'] === 'string' ? quote['exact'] : undefined;
    const id = a.id === undefined ? undefined : spanIdOfIri(a.id, annotator);
    g.raw.push({
      start: pos.start,
      end: pos.end,
      label: tag.value,
      text: exact,
      note: note?.value,
      id,
      field,
    });
  });
  for (const g of groups.values()) {
    noteAssumedUnit(c, 'w3c', unit, g.index, g.raw, null);
    const spans = validateSpans(g.raw, {
      index: g.index,
      line: null,
      log: c.log,
      labels: c.labels,
      unit,
      docId: g.docId,
      annotator: g.annotator ?? '',
    });
    c.addSpans(g.docId, g.annotator, spans, { line: null });
  }
}
