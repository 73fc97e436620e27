import { $applyNodeReplacement, ElementNode, type LexicalNode } from 'lexical';

/** Rough line height of a paragraph's text, used only to size a chunk before it is first laid out. */
const CHARS_PER_LINE = 80;

/**
 * A block of consecutive article paragraphs (TextLayout.chunks). It exists for rendering only: at open
 * the browser skips layout and paint of off-screen chunks (content-visibility: auto in styles.css);
 * afterwards lay-out-ahead.ts lays them out and far-chunks.ts hides those far from the screen.
 *
 * Why chunks and not one content-visibility per paragraph: Chromium tracks every such element with an
 * internal intersection observer and a paint layer, so 2,500 paragraphs cost ~5 ms of every frame
 * (observer, compositing inputs, pre-paint) even when nothing moved; 100 chunks of 25 cost ~1 ms.
 * Measured: docs/performance.md, "Rendering and highlights".
 */
export class ChunkNode extends ElementNode {
  override $config() {
    return this.config('m-chunk', { extends: ElementNode });
  }

  override createDOM(): HTMLElement {
    const div = document.createElement('div');
    div.className = 'm-chunk';
    // Until first rendered, the chunk is as tall as its text would roughly be; then the browser
    // remembers the real height ("auto"), so the scrollbar settles as the reader scrolls.
    let lines = 0;
    for (const p of this.getChildren())
      lines += Math.max(1, Math.ceil(p.getTextContentSize() / CHARS_PER_LINE));
    div.style.setProperty(
      'contain-intrinsic-block-size',
      `auto ${(lines * 1.9 + this.getChildrenSize() * 0.2).toFixed(1)}em`,
    );
    return div;
  }

  override updateDOM(): boolean {
    return false;
  }

  /** Never copied as a block of its own: copying article text yields just the paragraphs' text. */
  override excludeFromCopy(): boolean {
    return true;
  }
}

export function $createChunkNode(): ChunkNode {
  return $applyNodeReplacement(new ChunkNode());
}

export function $isChunkNode(node: LexicalNode | null | undefined): node is ChunkNode {
  return node instanceof ChunkNode;
}

/** The article's paragraphs in line order, whether or not they are grouped in chunks. */
export function $paragraphsOf(children: readonly LexicalNode[]): LexicalNode[] {
  const out: LexicalNode[] = [];
  for (const c of children) {
    if ($isChunkNode(c)) out.push(...c.getChildren());
    else out.push(c);
  }
  return out;
}
