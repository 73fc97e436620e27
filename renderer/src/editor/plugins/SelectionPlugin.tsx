import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';

import { $domPointToUtf16, $pointToUtf16 } from '../offsets';
import type { TextLayout } from '../text-layout';

/** A selection in stored-text UTF-16 offsets; `anchor` may be after `focus` (backwards). */
export interface Utf16Selection {
  readonly anchor: number;
  readonly focus: number;
}

/** Reads the current Lexical selection as stored-text UTF-16 offsets (null if none). */
export function readSelection(
  editorState: { read<T>(fn: () => T): T },
  layout: TextLayout,
  paragraphIndex: ReadonlyMap<string, number>,
): Utf16Selection | null {
  return editorState.read(() => {
    const sel = $getSelection();
    if (!$isRangeSelection(sel)) return null;
    const anchor = $pointToUtf16(sel.anchor, layout, paragraphIndex);
    const focus = $pointToUtf16(sel.focus, layout, paragraphIndex);
    return anchor === null || focus === null ? null : { anchor, focus };
  });
}

/** Reads the browser's current selection (the truth while Lexical has not synced yet). */
export function readDomSelection(
  editor: LexicalEditor,
  layout: TextLayout,
  paragraphIndex: ReadonlyMap<string, number>,
): Utf16Selection | null {
  const root = editor.getRootElement();
  const sel = root?.ownerDocument.getSelection();
  if (!root || !sel || sel.rangeCount === 0 || !sel.anchorNode || !sel.focusNode) return null;
  const { anchorNode, anchorOffset, focusNode, focusOffset } = sel;
  // editor.read (not editorState.read): mapping DOM nodes to Lexical nodes needs the active editor.
  return editor.read(() => {
    const anchor = $domPointToUtf16(root, anchorNode, anchorOffset, layout, paragraphIndex);
    const focus = $domPointToUtf16(root, focusNode, focusOffset, layout, paragraphIndex);
    return anchor === null || focus === null ? null : { anchor, focus };
  });
}

/** Reports every selection change (caret moves included) in stored-text UTF-16 offsets. */
export function SelectionPlugin({
  layout,
  paragraphIndex,
  onSelection,
}: {
  layout: TextLayout;
  paragraphIndex: ReadonlyMap<string, number>;
  onSelection: (sel: Utf16Selection | null) => void;
}): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        onSelection(readSelection(editorState, layout, paragraphIndex));
      }),
    [editor, layout, paragraphIndex, onSelection],
  );
  return null;
}
