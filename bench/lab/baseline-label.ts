/**
 * Labelling on the baselines, done the way a no-framework page would do it when a digit key is pressed
 * on a selection (the runner makes the selection with the mouse and presses the key through CDP, as it
 * does on the app: bench/input-label.ts):
 *  (b) CSS.highlights, (c) windowed: one more StaticRange in the label's Highlight;
 *  (a) <mark>: the selection is cut out of the text and wrapped in a new <mark> (Range.extractContents).
 */
import { labelForDigit } from '../../renderer/src/core/model/labels';

let listening: ((e: KeyboardEvent) => void) | null = null;

export function armBaselineKeys(kind: 'mark' | 'css' | 'win'): void {
  if (listening) removeEventListener('keydown', listening);
  listening = (e: KeyboardEvent) => {
    const label = labelForDigit(e.key);
    const sel = getSelection();
    if (!label || !sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    e.preventDefault();
    const range = sel.getRangeAt(0);
    if (kind === 'mark') {
      const mark = document.createElement('mark');
      mark.className = label;
      mark.dataset['labelled'] = '';
      mark.append(range.extractContents());
      range.insertNode(mark);
    } else CSS.highlights.get(`m-${label}`)?.add(new StaticRange(range));
    sel.collapseToEnd();
  };
  addEventListener('keydown', listening);
}
