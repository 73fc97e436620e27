import type { LexicalEditor } from 'lexical';

import type { DomLocator } from './painter/painter';
import type { TextLayout } from './text-layout';

/**
 * Stored-text UTF-16 offset → DOM position, through the paragraph of that line: O(log lines) per
 * lookup, no scan of the document. Relies on LoadTextPlugin's shape: one text node per non-empty
 * paragraph, holding exactly that line.
 */
export function createDomLocator(
  editor: LexicalEditor,
  layout: TextLayout,
  paragraphKeys: readonly string[],
): DomLocator {
  return {
    locate(u) {
      const { line, offset } = layout.locate(u);
      const key = paragraphKeys[line];
      const el = key === undefined ? null : editor.getElementByKey(key);
      if (!el) return null;
      const text = el.firstChild?.firstChild;
      if (text && text.nodeType === Node.TEXT_NODE) return { node: text, offset };
      return { node: el, offset: 0 };
    },
  };
}
