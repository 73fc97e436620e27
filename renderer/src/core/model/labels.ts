/** The label set of version 1 of the native format. Order is the keyboard order (1–4). */
export const LABELS = ['claim', 'quote', 'figure', 'speculation'] as const;
export type Label = (typeof LABELS)[number];

export function isLabel(value: unknown): value is Label {
  return typeof value === 'string' && (LABELS as readonly string[]).includes(value);
}

/** Label for the digit key 1–4, or undefined. */
export function labelForDigit(digit: string): Label | undefined {
  const n = Number(digit);
  return Number.isInteger(n) && n >= 1 && n <= LABELS.length ? LABELS[n - 1] : undefined;
}

export function labelTitle(label: Label): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}
