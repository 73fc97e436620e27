import { Parser } from 'htmlparser2';
import type { ImportCollector } from './collect';
import { textProblem } from './text-rules';

/** Elements whose content is never readable text. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'svg',
  'math',
  'iframe',
  'object',
  'select',
  'canvas',
]);
/** Elements that end a paragraph. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tr',
  'ul',
  'body',
  'html',
  'caption',
]);

/**
 * Readable text of an HTML page, parsed inertly with htmlparser2 (a tokenizer: no DOM, no script,
 * no network — `src`/`href`/`on*` attributes are never looked at). Script/style/noscript/template
 * content is dropped, block elements become paragraph breaks ("\n\n"), `<br>` a line break,
 * entities are decoded, runs of white space collapse to one space outside `<pre>`. The `<title>`
 * (else the first line) is the document's title. O(n).
 */
export function htmlToText(html: string): { text: string; title: string } {
  const paragraphs: string[] = [];
  let current = '';
  let dropDepth = 0;
  let preDepth = 0;
  let inTitle = false;
  let title = '';
  const flush = (): void => {
    const p =
      preDepth > 0
        ? current.replace(/^\n+|\n+$/g, '')
        : current
            .replace(/ {2,}/g, ' ')
            .replace(/ *\n */g, '\n')
            .trim();
    if (p !== '') paragraphs.push(p);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        if (DROPPED.has(name)) dropDepth++;
        if (dropDepth > 0) return;
        if (BLOCKS.has(name)) flush();
        if (name === 'pre') preDepth++;
        if (name === 'br') current += '\n';
        if (name === 'td' || name === 'th') current += current === '' ? '' : ' ';
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (DROPPED.has(name)) {
          dropDepth = Math.max(0, dropDepth - 1);
          return;
        }
        if (dropDepth > 0) return;
        if (BLOCKS.has(name)) flush();
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
      },
      ontext(data) {
        if (inTitle) {
          title += data;
          return;
        }
        if (dropDepth > 0) return;
        current += preDepth > 0 ? data : data.replace(/[ \t\n\r\f]+/g, ' ');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return { text: paragraphs.join('\n\n'), title: title.replace(/\s+/g, ' ').trim() };
}

/** An `.html`/`.htm` file as one article (see `htmlToText`). */
export function importHtml(c: ImportCollector, decoded: string): void {
  const { text, title } = htmlToText(decoded);
  if (text.trim() === '') {
    c.log.error(null, null, 'The page contains no readable text to import.');
    return;
  }
  const problem = textProblem(text);
  if (problem) {
    c.log.error(null, null, problem);
    return;
  }
  c.addDocument(text, { title: title || undefined, source: c.file });
}
