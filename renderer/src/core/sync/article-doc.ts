import type { ArticleDocument } from '../model/document';
import { codePointLength } from '../text/code-points';
import { documentIdForText } from '../text/text-hash';
import { err, ok, type Result } from '../result';
import { ARTICLE_ID } from './validate';

export const ARTICLE_TYPE = 'article';

/**
 * An article on the server: immutable, content-addressed (`_id` = `sha256:<hex>` of the UTF-8
 * text, as the import computes it), in the project's articles database.
 */
export interface ArticleDoc {
  readonly _id: string;
  readonly _rev?: string;
  readonly type: typeof ARTICLE_TYPE;
  readonly title: string;
  readonly text: string;
  readonly source: string;
  readonly meta: Readonly<Record<string, unknown>>;
  /** When a lead added it (ISO 8601). */
  readonly added_at?: string;
}

export function articleDoc(
  d: Pick<ArticleDocument, 'id' | 'title' | 'text' | 'source' | 'meta'>,
  addedAt?: string,
): ArticleDoc {
  return {
    _id: d.id,
    type: ARTICLE_TYPE,
    title: d.title,
    text: d.text,
    source: d.source,
    meta: d.meta,
    ...(addedAt ? { added_at: addedAt } : {}),
  };
}

/**
 * The check a client makes on every pulled article before storing it: the shape, and that the
 * text hashes to the id, so a changed text can never be labelled under another text's spans.
 * O(text length).
 */
export function checkPulledArticle(value: unknown): Result<Omit<ArticleDocument, 'order'>, string> {
  if (typeof value !== 'object' || value === null) return err('An article must be a JSON object.');
  const v = value as Record<string, unknown>;
  const id = v['_id'];
  if (typeof id !== 'string' || !ARTICLE_ID.test(id)) return err(`"${String(id)}" is not an article id.`);
  if (v['type'] !== ARTICLE_TYPE || typeof v['text'] !== 'string' || typeof v['title'] !== 'string')
    return err(`The article ${id} is not an article document (type, title and text are required).`);
  const meta = v['meta'];
  if (meta !== undefined && (typeof meta !== 'object' || meta === null || Array.isArray(meta)))
    return err(`The article ${id} has a meta field that is not an object.`);
  const text = v['text'];
  if (documentIdForText(text) !== id)
    return err(
      `The article "${v['title']}" was refused: its text does not hash to its id ${id}, so it was changed after it was added.`,
    );
  return ok({
    id,
    title: v['title'],
    text,
    length: codePointLength(text),
    source: typeof v['source'] === 'string' ? v['source'] : '',
    meta: (meta ?? {}) as Record<string, unknown>,
  });
}
