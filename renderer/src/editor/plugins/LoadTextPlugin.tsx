import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $addUpdateTag, $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { useLayoutEffect, type RefObject } from 'react';

import { $createChunkNode } from '../nodes/ChunkNode';
import type { TextLayout } from '../text-layout';

export const LOAD_TAG = 'marginalia-load';

/** Content the editor was created with (`$loadArticle` as its initial state), and its paragraph keys. */
export interface Preloaded {
  readonly layout: TextLayout;
  readonly keys: readonly string[];
}

/**
 * Replaces the editor content with the article as plain text nodes, one paragraph per line, grouped
 * in chunks (layout.chunkStarts) for rendering. The text is never parsed as HTML or Markdown, so an
 * article cannot inject markup. Returns the paragraph keys in line order. Runs inside an update.
 */
export function $loadArticle(layout: TextLayout): string[] {
  $addUpdateTag(LOAD_TAG);
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
  return paragraphs.map((p) => p.getKey());
}

/**
 * Reports the paragraph keys once the article is in the DOM. The article normally arrives as the
 * editor's initial state (`preloaded`), before the editor has a root element: an update on a mounted
 * editor starts by reading the DOM selection, and with no selection in the page Chromium lays out the
 * whole just-mounted view to answer (1–2.5 ms of an open, measured: docs/performance.md). A new
 * `generation` (a rebuild after a refused IME edit) or a new layout loads the text by an update.
 */
export function LoadTextPlugin({
  layout,
  generation,
  preloaded,
  onLoaded,
}: {
  layout: TextLayout;
  /** Bumped to rebuild the content from the stored text (after a refused IME edit). */
  generation: number;
  preloaded: RefObject<Preloaded | null>;
  onLoaded: (paragraphKeys: string[]) => void;
}): null {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => {
    const ready = preloaded.current;
    if (generation === 0 && ready?.layout === layout) return onLoaded([...ready.keys]);
    let keys: string[] = [];
    editor.update(
      () => {
        keys = $loadArticle(layout);
      },
      { tag: LOAD_TAG, discrete: true },
    );
    onLoaded(keys);
  }, [editor, layout, generation, preloaded, onLoaded]);
  return null;
}
