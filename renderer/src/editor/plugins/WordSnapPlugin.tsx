import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_HIGH, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect } from 'react';

import type { CodePointIndex } from '../../core/text/code-points';
import { snapToWords } from '../../core/text/words';
import type { DomLocator } from '../painter/painter';
import { SNAP_TOGGLE_KEY, snapMode, toggleSnapMode, type SnapMode } from '../snap-mode';
import type { Utf16Selection } from './SelectionPlugin';

/**
 * Word snapping in the article: W (no modifier) switches between whole words and single characters;
 * in word mode, a selection made with the mouse is widened to whole words when the button is released,
 * so the reader sees what a label will take (a keyboard selection is left as it is, so Shift+arrows
 * still move by character, and is snapped when it is labelled: ArticleEditor.selection).
 */
export function WordSnapPlugin({
  index,
  locator,
  readSelection,
  onToggle,
}: {
  index: CodePointIndex;
  locator: DomLocator | null;
  readSelection: () => Utf16Selection | null;
  onToggle?: (mode: SnapMode) => void;
}): null {
  const [editor] = useLexicalComposerContext();

  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (event.ctrlKey || event.metaKey || event.altKey || event.key.toLowerCase() !== SNAP_TOGGLE_KEY)
            return false;
          event.preventDefault();
          const mode = toggleSnapMode();
          onToggle?.(mode);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor, onToggle],
  );

  useEffect(() => {
    if (!locator) return;
    let dragging = false;
    const down = (e: PointerEvent): void => {
      dragging = e.button === 0 && !e.shiftKey;
    };
    const up = (): void => {
      if (!dragging) return;
      dragging = false;
      if (snapMode() !== 'word') return;
      const sel = readSelection();
      if (!sel || sel.anchor === sel.focus) return;
      const backwards = sel.anchor > sel.focus;
      const lo = index.toCodePoint(Math.min(sel.anchor, sel.focus), 'floor');
      const hi = index.toCodePoint(Math.max(sel.anchor, sel.focus), 'ceil');
      const w = snapToWords(index, lo, hi);
      if (w.start === lo && w.end === hi) return;
      const a = locator.locate(index.toUtf16(w.start), 'start');
      const b = locator.locate(index.toUtf16(w.end), 'end');
      if (!a || !b) return;
      const [base, extent] = backwards ? [b, a] : [a, b];
      getSelection()?.setBaseAndExtent(base.node, base.offset, extent.node, extent.offset);
    };
    return editor.registerRootListener((root, prev) => {
      prev?.removeEventListener('pointerdown', down);
      prev?.ownerDocument.removeEventListener('pointerup', up);
      root?.addEventListener('pointerdown', down);
      root?.ownerDocument.addEventListener('pointerup', up);
    });
  }, [editor, index, locator, readSelection]);

  return null;
}
