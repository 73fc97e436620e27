import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { useLayoutEffect } from 'react';

import { $createChunkNode } from '../nodes/ChunkNode';
import type { TextLayout } from '../text-layout';

export const LOAD_TAG = 'marginalia-load';

/**
 * Replaces the editor content with the article as plain text nodes, one paragraph per line, grouped
 * in chunks (layout.chunkStarts) for rendering. The text is never parsed as HTML or Markdown, so an
 * article cannot inject markup. Reports the paragraph keys in line order once the content is in the DOM.
 */
export function LoadTextPlugin({
  layout,
  generation,
  onLoaded,
}: {
  layout: TextLayout;
  /** Bumped to rebuild the content from the stored text (after a refused IME edit). */
  generation: number;
  onLoaded: (paragraphKeys: string[]) => void;
}): null {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => {
    let keys: string[] = [];
    editor.update(
      () => {
        const root = $getRoot();
        root.clear();
        const paragraphs = layout.lines.map((line) => {
          const p = $createParagraphNode();
          if (line !== '') p.append($createTextNode(line));
          return p;
        });
        const { chunkStarts } = layout;
        root.append(
          ...chunkStarts.map((first, i) =>
            $createChunkNode().append(...paragraphs.slice(first, chunkStarts[i + 1] ?? paragraphs.length)),
          ),
        );
        keys = paragraphs.map((p) => p.getKey());
      },
      { tag: LOAD_TAG, discrete: true },
    );
    onLoaded(keys);
  }, [editor, layout, generation, onLoaded]);
  return null;
}
