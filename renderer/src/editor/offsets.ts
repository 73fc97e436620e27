import {
  $getNearestNodeFromDOMNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
  type PointType,
} from 'lexical';

import type { TextLayout } from './text-layout';

/**
 * A Lexical selection point → UTF-16 offset in the stored text. Must run inside a Lexical read or
 * update. `paragraphIndex` maps each paragraph key to its line number (built when the text loads),
 * so no sibling walk over thousands of paragraphs is needed.
 */
export function $pointToUtf16(
  point: PointType,
  layout: TextLayout,
  paragraphIndex: ReadonlyMap<string, number>,
): number | null {
  const node = point.getNode();
  if (point.type === 'text' && $isTextNode(node)) {
    const parent = node.getParent();
    const line = parent ? paragraphIndex.get(parent.getKey()) : undefined;
    if (line === undefined) return null;
    let before = 0;
    for (let s = node.getPreviousSibling(); s; s = s.getPreviousSibling()) before += s.getTextContentSize();
    return (layout.lineStarts[line] as number) + before + point.offset;
  }
  if ($isElementNode(node)) return $elementPointToUtf16(node, point.offset, layout, paragraphIndex);
  return null;
}

/**
 * A point on an element: on a paragraph, offset 0 is its start and anything else its end; on the
 * root or a chunk, the offset is a child index (the start of that child, or the end of the last).
 */
function $elementPointToUtf16(
  node: ElementNode,
  offset: number,
  layout: TextLayout,
  paragraphIndex: ReadonlyMap<string, number>,
): number | null {
  const line = paragraphIndex.get(node.getKey());
  if (line !== undefined) {
    const start = layout.lineStarts[line] as number;
    return offset === 0 ? start : start + (layout.lines[line] as string).length;
  }
  const child = node.getChildAtIndex(offset);
  if (child) return $edgeOf(child, 'start', layout, paragraphIndex);
  const last = node.getLastChild();
  return last ? $edgeOf(last, 'end', layout, paragraphIndex) : null;
}

/** Start or end offset of a paragraph, or of the first / last paragraph of a chunk. */
function $edgeOf(
  node: LexicalNode,
  edge: 'start' | 'end',
  layout: TextLayout,
  paragraphIndex: ReadonlyMap<string, number>,
): number | null {
  const line = paragraphIndex.get(node.getKey());
  if (line !== undefined)
    return (layout.lineStarts[line] as number) + (edge === 'end' ? (layout.lines[line] as string).length : 0);
  if (!$isElementNode(node)) return null;
  const inner = edge === 'start' ? node.getFirstChild() : node.getLastChild();
  return inner ? $edgeOf(inner, edge, layout, paragraphIndex) : null;
}

/**
 * A DOM selection point inside the editor → UTF-16 offset in the stored text. Used when labelling,
 * because Lexical syncs its selection from the DOM's `selectionchange`, which fires a task after a
 * Shift+arrow: a label key pressed right after would otherwise see the previous selection.
 * Must run inside a Lexical read.
 */
export function $domPointToUtf16(
  root: HTMLElement,
  node: Node,
  offset: number,
  layout: TextLayout,
  paragraphIndex: ReadonlyMap<string, number>,
): number | null {
  if (!root.contains(node)) return null;
  if (node === root) return $elementPointToUtf16($getRoot(), offset, layout, paragraphIndex);
  const lexical = $getNearestNodeFromDOMNode(node);
  if (!lexical) return null;
  if ($isTextNode(lexical)) {
    const parent = lexical.getParent();
    const line = parent ? paragraphIndex.get(parent.getKey()) : undefined;
    if (line === undefined) return null;
    let before = 0;
    for (let s = lexical.getPreviousSibling(); s; s = s.getPreviousSibling())
      before += s.getTextContentSize();
    // A point on the text's wrapper element (offset 0 or 1) means its start or end.
    const within =
      node.nodeType === Node.TEXT_NODE ? offset : offset === 0 ? 0 : lexical.getTextContentSize();
    return (layout.lineStarts[line] as number) + before + within;
  }
  if ($isElementNode(lexical)) return $elementPointToUtf16(lexical, offset, layout, paragraphIndex);
  return null;
}
