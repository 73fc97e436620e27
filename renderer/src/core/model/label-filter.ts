import { LABELS, type Label } from './labels';

/** The span list's label chips: which labels are hidden. */
export type HiddenLabels = ReadonlySet<Label>;

/** A chip click: hides the label, or shows it again. */
export function toggleLabel(hidden: HiddenLabels, label: Label): HiddenLabels {
  const next = new Set(hidden);
  if (next.has(label)) next.delete(label);
  else next.add(label);
  return next;
}

/** Whether only `label` is shown. */
export function isOnly(hidden: HiddenLabels, label: Label): boolean {
  return LABELS.every((l) => (l === label ? !hidden.has(l) : hidden.has(l)));
}

/** "Only": show just this label; pressed again on the label shown alone, show every label. */
export function onlyLabel(hidden: HiddenLabels, label: Label): HiddenLabels {
  return isOnly(hidden, label) ? new Set() : new Set(LABELS.filter((l) => l !== label));
}
