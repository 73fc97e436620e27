import { Lexer, type Token, type Tokens } from 'marked';
import type { ReactNode } from 'react';

/**
 * Markdown as React elements: marked's lexer parses (GitHub-flavoured, tables included) and this
 * renders its tokens as elements with text children, so nothing is ever parsed as HTML. Inline HTML
 * in the source shows as text; links show their text with the address as a tooltip (the documents
 * they point to are not bundled, and the app never navigates away).
 */
export function Markdown({ source }: { source: string }) {
  return <>{blocks(Lexer.lex(source, { gfm: true }))}</>;
}

function blocks(tokens: readonly Token[]): ReactNode[] {
  return tokens.map((t, i) => block(t as Tokens.Generic, i));
}

function block(t: Tokens.Generic, key: number): ReactNode {
  switch (t.type) {
    case 'heading': {
      // The dialog's own title is the h2: the document's headings start one level below.
      const Tag = `h${Math.min(6, (t as Tokens.Heading).depth + 2)}` as 'h3';
      return <Tag key={key}>{inline(t.tokens ?? [])}</Tag>;
    }
    case 'paragraph':
      return <p key={key}>{inline(t.tokens ?? [])}</p>;
    case 'list': {
      const list = t as Tokens.List;
      const items = list.items.map((item, j) => <li key={j}>{listItem(item)}</li>);
      return list.ordered ? (
        <ol key={key} start={list.start === '' ? undefined : list.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'table': {
      const table = t as Tokens.Table;
      return (
        <table key={key}>
          <thead>
            <tr>
              {table.header.map((c, j) => (
                <th key={j} scope="col">
                  {inline(c.tokens)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((c, j) => (
                  <td key={j}>{inline(c.tokens)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case 'code':
      return (
        <pre key={key}>
          <code>{(t as Tokens.Code).text}</code>
        </pre>
      );
    case 'blockquote':
      return <blockquote key={key}>{blocks(t.tokens ?? [])}</blockquote>;
    case 'hr':
      return <hr key={key} />;
    case 'space':
    case 'def':
      return null;
    case 'text':
      return <p key={key}>{t.tokens ? inline(t.tokens) : (t as Tokens.Text).text}</p>;
    default:
      // Raw HTML blocks and anything else: shown as the text they are.
      return <p key={key}>{t.raw}</p>;
  }
}

/** A list item's content: tight items hold text tokens, loose ones paragraphs. */
function listItem(item: Tokens.ListItem): ReactNode[] {
  return item.tokens.map((t, i) =>
    t.type === 'text' ? <span key={i}>{t.tokens ? inline(t.tokens) : t.text}</span> : block(t, i),
  );
}

function inline(tokens: readonly Token[]): ReactNode[] {
  return tokens.map((token, key) => {
    const t = token as Tokens.Generic;
    switch (t.type) {
      case 'strong':
        return <strong key={key}>{inline(t.tokens ?? [])}</strong>;
      case 'em':
        return <em key={key}>{inline(t.tokens ?? [])}</em>;
      case 'del':
        return <del key={key}>{inline(t.tokens ?? [])}</del>;
      case 'codespan':
        return <code key={key}>{(t as Tokens.Codespan).text}</code>;
      case 'br':
        return <br key={key} />;
      case 'link':
        return (
          <span key={key} className="md-link" title={(t as Tokens.Link).href}>
            {inline(t.tokens ?? [])}
          </span>
        );
      case 'image':
        return <span key={key}>{(t as Tokens.Image).text}</span>;
      case 'text':
        return t.tokens ? <span key={key}>{inline(t.tokens)}</span> : (t as Tokens.Text).text;
      default:
        // escape tokens carry the escaped character as text; inline HTML shows as typed.
        return typeof t['text'] === 'string' ? (t['text'] as string) : t.raw;
    }
  });
}
