import { isRelation, RELATIONS } from '../links/link';
import { isLabel } from '../model/labels';
import { isStatus } from '../model/status';
import { err, ok, type Result } from '../result';
import { HISTORY_MAX, SPAN_SET_SCHEMA, SPAN_SET_TYPE, spanSetId, type SpanSetDoc } from './span-set';

/** `sha256:` and 64 lowercase hex digits: the id of an article (core/text/text-hash.ts). */
export const ARTICLE_ID = /^sha256:[0-9a-f]{64}$/;
const MAX_ID = 64;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isName = (v: unknown): v is string => typeof v === 'string' && v !== '' && v.length <= MAX_ID;

/** Problems of one stamped version (content or tombstone), each prefixed with `path`. */
function versionProblems(v: unknown, path: string, content: (v: Obj, path: string) => string[]): string[] {
  if (!isObj(v)) return [`${path} must be an object.`];
  const out: string[] = [];
  if (!isCount(v['updated_at'])) out.push(`${path}.updated_at must be a time in milliseconds.`);
  if (!isName(v['by'])) out.push(`${path}.by must name the replica that wrote it.`);
  if (v['deleted'] !== undefined && v['deleted'] !== true)
    out.push(`${path}.deleted must be true or absent.`);
  if (v['deleted'] === undefined) out.push(...content(v, path));
  return out;
}

function spanProblems(v: Obj, path: string): string[] {
  const out: string[] = [];
  const { start, end } = v;
  if (!isCount(start) || !isCount(end) || start >= end)
    out.push(`${path} must have whole-number offsets with start < end (code points).`);
  if (!isLabel(v['label'])) out.push(`${path}.label "${String(v['label'])}" is not a label.`);
  if (typeof v['note'] !== 'string') out.push(`${path}.note must be text.`);
  if (v['unsure'] !== undefined && typeof v['unsure'] !== 'boolean')
    out.push(`${path}.unsure must be true or false.`);
  if (v['provenance'] !== undefined && !isObj(v['provenance']))
    out.push(`${path}.provenance must be an object.`);
  return out;
}

const isExtent = (v: unknown): v is Obj =>
  isObj(v) && isCount(v['start']) && isCount(v['end']) && (v['start'] as number) < (v['end'] as number);

function linkProblems(v: Obj, path: string): string[] {
  const out: string[] = [];
  if (!isRelation(v['relation']))
    out.push(`${path}.relation "${String(v['relation'])}" is not one of ${RELATIONS.join(', ')}.`);
  const { from, to } = v;
  if (!isExtent(from))
    out.push(`${path}.from must have whole-number offsets with start < end (code points).`);
  if (!isExtent(to)) out.push(`${path}.to must have whole-number offsets with start < end (code points).`);
  if (!isObj(to) || typeof to['doc_id'] !== 'string' || !ARTICLE_ID.test(to['doc_id']))
    out.push(`${path}.to.doc_id must be an article id.`);
  if (typeof v['note'] !== 'string') out.push(`${path}.note must be text.`);
  if (v['provenance'] !== undefined && !isObj(v['provenance']))
    out.push(`${path}.provenance must be an object.`);
  return out;
}

/** A link whose two ends are one extent of this set's article (a self-link), by id. */
function selfLinks(doc: Obj): string[] {
  const links = doc['links'];
  if (!isObj(links)) return [];
  const out: string[] = [];
  for (const [id, e] of Object.entries(links)) {
    if (!isObj(e) || e['deleted'] === true || !isExtent(e['from']) || !isExtent(e['to'])) continue;
    const [f, t] = [e['from'], e['to']];
    if (t['doc_id'] === doc['doc_id'] && f['start'] === t['start'] && f['end'] === t['end'])
      out.push(`links["${id}"] links a span to itself.`);
  }
  return out;
}

function entriesProblems(
  value: unknown,
  field: string,
  content: (v: Obj, path: string) => string[],
): string[] {
  if (!isObj(value)) return [`${field} must be an object keyed by id.`];
  const out: string[] = [];
  for (const [id, entry] of Object.entries(value)) {
    const path = `${field}["${id}"]`;
    if (!isName(id)) out.push(`${path}: an id has 1 to ${MAX_ID} characters.`);
    out.push(...versionProblems(entry, path, content));
    const history = isObj(entry) ? entry['history'] : undefined;
    if (history === undefined) continue;
    if (!Array.isArray(history) || history.length > HISTORY_MAX) {
      out.push(`${path}.history must be a list of at most ${HISTORY_MAX} versions.`);
      continue;
    }
    history.forEach((h, i) => out.push(...versionProblems(h, `${path}.history[${i}]`, content)));
  }
  return out;
}

/**
 * Checks a span set as it comes from the server or another replica; never throws. The problems
 * name the field; at most 20 are listed. O(size of the document).
 */
export function validateSpanSet(value: unknown): Result<SpanSetDoc, readonly string[]> {
  if (!isObj(value)) return err(['A span set must be a JSON object.']);
  const out: string[] = [];
  const docId = value['doc_id'];
  if (typeof docId !== 'string' || !ARTICLE_ID.test(docId))
    out.push('doc_id must be an article id (sha256:…).');
  else if (value['_id'] !== spanSetId(docId)) out.push(`_id must be "${spanSetId(docId)}".`);
  if (value['type'] !== SPAN_SET_TYPE) out.push(`type must be "${SPAN_SET_TYPE}".`);
  if (value['schema'] !== SPAN_SET_SCHEMA)
    out.push(`schema ${String(value['schema'])} is not supported (this version reads ${SPAN_SET_SCHEMA}).`);
  if (!isName(value['annotator'])) out.push('annotator must be a user name.');
  const status = value['status'];
  if (!isObj(status) || !isStatus(status['value']))
    out.push('status.value must be todo, in_progress or done.');
  else out.push(...versionProblems(status, 'status', () => []));
  out.push(...entriesProblems(value['spans'], 'spans', spanProblems));
  out.push(...entriesProblems(value['links'], 'links', linkProblems), ...selfLinks(value));
  return out.length > 0 ? err(out.slice(0, 20)) : ok(value as unknown as SpanSetDoc);
}
