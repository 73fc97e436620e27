import {
  $getNearestNodeFromDOMNode,
  $isElementNode,
  $isRootNode,
  $isTextNode,
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
  if ($isRootNode(node)) {
    const line = Math.min(point.offset, layout.lines.length);
    return line >= layout.lines.length ? layout.text.length : (layout.lineStarts[line] as number);
  }
  if ($isElementNode(node)) {
    const line = paragraphIndex.get(node.getKey());
    if (line === undefined) return null;
    const start = layout.lineStarts[line] as number;
    return point.offset === 0 ? start : start + (layout.lines[line] as string).length;
  }
  return null;
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
  if (node === root) {
    const line = Math.min(offset, layout.lines.length);
    return line >= layout.lines.length ? layout.text.length : (layout.lineStarts[line] as number);
  }
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
  if ($isElementNode(lexical)) {
    const line = paragraphIndex.get(lexical.getKey());
    if (line === undefined) return null;
    const start = layout.lineStarts[line] as number;
    return offset === 0 ? start : start + (layout.lines[line] as string).length;
  }
  return null;
}
