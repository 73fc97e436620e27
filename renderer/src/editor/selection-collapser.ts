/**
 * What collapses the page's selection to its end later, if it is still the same selection then (a
 * selection made since, by a new drag, is the user's and stays). Null when nothing is selected.
 * A label collapses its selection after its frame has painted (features/annotate/useLabelAction.ts).
 */
export function selectionCollapser(): (() => void) | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const { anchorNode, anchorOffset, focusNode, focusOffset } = sel;
  return () => {
    const now = window.getSelection();
    if (
      now?.anchorNode === anchorNode &&
      now.anchorOffset === anchorOffset &&
      now.focusNode === focusNode &&
      now.focusOffset === focusOffset &&
      !now.isCollapsed
    )
      now.collapseToEnd();
  };
}
