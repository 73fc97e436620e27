import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $addUpdateTag,
  $createParagraphNode,
  $createTextNode,
  $getEditor,
  $getRoot,
  type LexicalEditor,
} from 'lexical';
import { useLayoutEffect } from 'react';

import { $createChunkNode } from '../nodes/ChunkNode';
import type { TextLayout } from '../text-layout';

export const LOAD_TAG = 'marginalia-load';

/** The article an editor holds now and its paragraph keys, as its last `$loadArticle` left them. */
interface Loaded {
  readonly layout: TextLayout;
  readonly keys: readonly string[];
}

/**
 * Kept per editor, by the load itself, not handed over in a ref: React (StrictMode in development)
 * may create an editor, load it and throw it away (LexicalComposer creates its editor in a useMemo,
 * run twice), and a ref then held the discarded editor's keys, which name no node of the editor in
 * use, so no selection could be read and labelling did nothing.
 */
const loaded = new WeakMap<LexicalEditor, Loaded>();

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
  const keys = paragraphs.map((p) => p.getKey());
  loaded.set($getEditor(), { layout, keys });
  return keys;
}

/**
 * Reports the paragraph keys once the article is in the DOM. The article normally arrives as the
 * editor's initial state (`$loadArticle` as LexicalComposer's `editorState`), before the editor has a
 * root element: an update on a mounted editor starts by reading the DOM selection, and with no
 * selection in the page Chromium lays out the whole just-mounted view to answer (1–2.5 ms of an
 * open, measured: docs/performance.md). A new `generation` (a rebuild after a refused IME edit) or a
 * new layout loads the text by an update.
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
    const held = loaded.get(editor);
    if (generation === 0 && held?.layout === layout) return onLoaded([...held.keys]);
    let keys: string[] = [];
    editor.update(
      () => {
        keys = $loadArticle(layout);
      },
      { tag: LOAD_TAG, discrete: true },
    );
    onLoaded(keys);
  }, [editor, layout, generation, onLoaded]);
  return null;
}
