import { $isElementNode, $isRootNode, $isTextNode, type PointType } from 'lexical';

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
