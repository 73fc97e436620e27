import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getRoot,
  COMMAND_PRIORITY_CRITICAL,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  DRAGSTART_COMMAND,
  DROP_COMMAND,
  FORMAT_ELEMENT_COMMAND,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  INSERT_TAB_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  PASTE_COMMAND,
  REMOVE_TEXT_COMMAND,
  type LexicalCommand,
} from 'lexical';
import { useEffect } from 'react';

import { $isChunkNode, $paragraphsOf } from '../nodes/ChunkNode';
import type { TextLayout } from '../text-layout';
import { LOAD_TAG } from './LoadTextPlugin';

const MUTATING: readonly LexicalCommand<unknown>[] = [
  CONTROLLED_TEXT_INSERTION_COMMAND,
  PASTE_COMMAND,
  CUT_COMMAND,
  DROP_COMMAND,
  DRAGSTART_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_WORD_COMMAND,
  DELETE_LINE_COMMAND,
  REMOVE_TEXT_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_TAB_COMMAND,
  FORMAT_TEXT_COMMAND,
  FORMAT_ELEMENT_COMMAND,
  INDENT_CONTENT_COMMAND,
  OUTDENT_CONTENT_COMMAND,
] as unknown as LexicalCommand<unknown>[];

const carriesFiles = (e: unknown): boolean =>
  e instanceof DragEvent && (e.dataTransfer?.types.includes('Files') ?? false);

const BLOCKED_DOM_EVENTS = ['beforeinput', 'paste', 'cut', 'drop', 'dragstart'] as const;

/**
 * The article text is immutable, but the editor stays contenteditable so the caret, Shift+arrows
 * and mouse selection work as in any editor. Three layers keep the text unchanged:
 * 1. DOM events that would edit are cancelled in the capture phase, before Lexical sees them;
 * 2. every Lexical command that mutates is swallowed at critical priority;
 * 3. IME composition cannot be cancelled by the browser: after it ends, and after any update that
 *    still changed the text, the content is checked against the stored text and, if it differs,
 *    `onCorrupted` asks the owner to rebuild it from the stored text.
 */
export function ReadOnlyGuardPlugin({
  layout,
  onRefused,
  onCorrupted,
}: {
  layout: TextLayout;
  onRefused: () => void;
  onCorrupted: () => void;
}): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const refuse = (payload: unknown): boolean => {
      if (!carriesFiles(payload)) onRefused();
      return true;
    };
    const blockDom = (e: Event): void => {
      e.preventDefault();
      // Files dropped on the article are an import: let the drop reach the window's import handler.
      if (carriesFiles(e)) return;
      e.stopImmediatePropagation();
      if (e.type !== 'dragstart') onRefused();
    };
    const domIntact = (root: HTMLElement): boolean => {
      const chunks = Array.from(root.children);
      const paragraphs = chunks.flatMap((c) => Array.from(c.children));
      return (
        chunks.length === layout.chunkStarts.length &&
        chunks.every((c) => c.classList.contains('m-chunk')) &&
        paragraphs.length === layout.lines.length &&
        paragraphs.every((p, i) => p.textContent === layout.lines[i])
      );
    };
    const afterComposition = (): void => {
      // Let Lexical finish its own compositionend handling first.
      setTimeout(() => {
        const root = editor.getRootElement();
        if (root && !domIntact(root)) {
          onRefused();
          onCorrupted();
        }
      }, 0);
    };
    let host: HTMLElement | null = null;
    const unregisterRoot = editor.registerRootListener((root, prev) => {
      const hostOf = (el: HTMLElement | null): HTMLElement | null => el?.parentElement ?? null;
      const old = hostOf(prev);
      for (const type of BLOCKED_DOM_EVENTS) old?.removeEventListener(type, blockDom, true);
      old?.removeEventListener('compositionend', afterComposition, true);
      host = hostOf(root);
      for (const type of BLOCKED_DOM_EVENTS) host?.addEventListener(type, blockDom, true);
      host?.addEventListener('compositionend', afterComposition, true);
    });
    const unregisterGuard = editor.registerUpdateListener(
      ({ editorState, dirtyLeaves, dirtyElements, tags }) => {
        if (tags.has(LOAD_TAG) || (dirtyLeaves.size === 0 && dirtyElements.size === 0)) return;
        const intact = editorState.read(() => {
          const chunks = $getRoot().getChildren();
          const paragraphs = $paragraphsOf(chunks);
          return (
            chunks.length === layout.chunkStarts.length &&
            chunks.every($isChunkNode) &&
            paragraphs.length === layout.lines.length &&
            paragraphs.every((p, i) => p.getTextContent() === layout.lines[i])
          );
        });
        if (!intact) {
          onRefused();
          onCorrupted();
        }
      },
    );
    return mergeRegister(
      unregisterRoot,
      unregisterGuard,
      ...MUTATING.map((cmd) => editor.registerCommand(cmd, refuse, COMMAND_PRIORITY_CRITICAL)),
      () => {
        for (const type of BLOCKED_DOM_EVENTS) host?.removeEventListener(type, blockDom, true);
        host?.removeEventListener('compositionend', afterComposition, true);
      },
    );
  }, [editor, layout, onRefused, onCorrupted]);
  return null;
}
