import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_HIGH, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect } from 'react';

import { labelForDigit, type Label } from '../../core/model/labels';

/** Digits 1–4 (no modifier) label the selection instead of typing. */
export function LabelKeysPlugin({ onLabelKey }: { onLabelKey: (label: Label) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (event.ctrlKey || event.metaKey || event.altKey) return false;
          const label = labelForDigit(event.key);
          if (!label) return false;
          event.preventDefault();
          onLabelKey(label);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor, onLabelKey],
  );
  return null;
}
