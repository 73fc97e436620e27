import { normalizePlainText } from '../model/document';
import type { ImportCollector } from './collect';
import { stripMarkdown } from './markdown';
import { textProblem } from './text-rules';

/**
 * A `.txt` or `.md` file as one article. Only the BOM and line endings are normalised (native
 * format rule); Markdown is stripped conservatively unless `options.markdown` is 'verbatim'.
 * O(n).
 */
export function importPlainText(c: ImportCollector, decoded: string, kind: 'text' | 'markdown'): void {
  let text = normalizePlainText(decoded);
  if (kind === 'markdown' && c.options.markdown !== 'verbatim') text = stripMarkdown(text);
  if (text.length === 0) {
    c.log.error(null, null, 'The file is empty; there is no article to import.');
    return;
  }
  if (text.trim() === '') {
    c.log.error(null, null, 'The file contains only blank space; there is no article to import.');
    return;
  }
  const problem = textProblem(text);
  if (problem) {
    c.log.error(null, null, problem);
    return;
  }
  c.addDocument(text, { source: c.file });
}
