import { checkPulledArticle } from '../../renderer/src/core/sync/article-doc';
import { articlesDb, goldDb, userDb, type MemberDoc } from '../../renderer/src/core/sync/project-layout';
import {
  isTombstone,
  type SpanContent,
  type SpanSetDoc,
  type Version,
} from '../../renderer/src/core/sync/span-set';
import type { Span } from '../../renderer/src/core/model/span';
import type { ArticleDocument } from '../../renderer/src/core/model/document';
import { joinJsonl, serializeNativeRecord } from '../../renderer/src/core/formats/native';
import { sentence, type Connection } from './connect';
import { spanSets } from './status';

/** The live spans of a set as the app's spans (tombstones and histories left out). */
export function spansOf(set: SpanSetDoc): Span[] {
  const out: Span[] = [];
  for (const [id, e] of Object.entries(set.spans)) {
    if (isTombstone(e)) continue;
    const v = e as Version<SpanContent> & SpanContent;
    out.push({
      id,
      start: v.start,
      end: v.end,
      label: v.label,
      note: v.note,
      ...(v.unsure ? { unsure: true } : {}),
    });
  }
  return out;
}

/**
 * `team export`: one native JSONL line per (article, annotator) that has a span set — every
 * member's and gold's — in article id then annotator order, so `marginalia agreement` reads it as
 * it is. Articles are checked against their hash like any pulled article.
 */
export async function exportProject(
  c: Connection,
  members: readonly MemberDoc[],
  warn: (line: string) => void,
): Promise<{ text: string; records: number; documents: number; annotators: number } | { fail: string }> {
  const sets: SpanSetDoc[] = [];
  for (const db of [...members.map((m) => userDb(c.project, m.name)), goldDb(c.project)]) {
    const r = await spanSets(c, db, warn);
    if ('fail' in r) return r;
    sets.push(...r);
  }
  const ids = [...new Set(sets.map((s) => s.doc_id))];
  const articles = new Map<string, Omit<ArticleDocument, 'order'>>();
  for (let i = 0; i < ids.length; i += 200) {
    const r = await c.client.getMany<unknown>(articlesDb(c.project), ids.slice(i, i + 200));
    if (!r.ok) return { fail: sentence(r.error, c.url, 'read the articles') };
    for (const d of r.value) {
      const a = checkPulledArticle(d);
      if (a.ok) articles.set(a.value.id, a.value);
      else warn(a.error);
    }
  }
  const lines: { key: string; line: string }[] = [];
  for (const s of sets) {
    const doc = articles.get(s.doc_id);
    if (!doc) {
      warn(`Skipped the spans of ${s.annotator} on ${s.doc_id}: the article is not in the project.`);
      continue;
    }
    const line = serializeNativeRecord({
      document: doc,
      annotator: s.annotator,
      status: s.status.value,
      spans: spansOf(s),
    });
    lines.push({ key: `${s.doc_id}\u0000${s.annotator}`, line });
  }
  lines.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    text: joinJsonl(lines.map((l) => l.line)),
    records: lines.length,
    documents: new Set(sets.filter((s) => articles.has(s.doc_id)).map((s) => s.doc_id)).size,
    annotators: new Set(sets.map((s) => s.annotator)).size,
  };
}
