import { quoted } from '../text/quoted';
import type { Span } from './span';

/** Words of a list: "claim", "claim and figure", "claim, quote and figure". */
function list(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * What a screen reader hears when the caret enters spans (CSS highlights are not in the
 * accessibility tree): spans over the same text are named together, "claim and figure: “$14.8
 * billion…”", then any other span there, each with "unsure" and "with a note" when so. Spans in the
 * order given (text order); `excerpt` shortens a span's text. Empty when there are none.
 */
export function spansAtCaretSpeech(spans: readonly Span[], excerpt: (span: Span) => string): string {
  const groups = new Map<string, Span[]>();
  for (const s of spans) {
    const key = `${s.start}:${s.end}`;
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  return [...groups.values()]
    .map((g) => {
      const names = g.map((s) => {
        const marks = [s.unsure ? 'unsure' : '', s.note ? 'with a note' : ''].filter(Boolean);
        return marks.length > 0 ? `${s.label} (${marks.join(', ')})` : s.label;
      });
      return `${list(names)}: ${quoted(excerpt(g[0] as Span))}`;
    })
    .join('; ');
}
