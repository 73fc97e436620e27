import { LABELS, labelTitle, type Label } from './labels';

/**
 * How each label looks, everywhere (annotate palette, article, span list, inspector, adjudication
 * lanes, agreement charts, export dialog): the one definition. The app turns it into CSS custom
 * properties at start-up (`labelCssProperties`, applied in main.tsx); components use the `lab-<label>`
 * classes of styles.css, which map those to `--lab`, `--lab-bg`, `--lab-ink`, `--lab-line`, or read
 * this module for the letter and title. It lives in core, as plain data, so pure exporters (the
 * agreement report) can use it too.
 *
 * Colour is never the only cue: each label also has a letter and a line style (for borders and
 * underlines), so colour-blind users and greyscale prints can tell them apart; the four hues are of
 * nearly equal lightness (tests/unit/core/model/label-display.test.ts checks every contrast).
 */
export type LabelLine = 'solid' | 'dashed' | 'dotted' | 'double';

export interface LabelDisplay {
  readonly label: Label;
  /** "Claim". */
  readonly title: string;
  /** The digit key that applies it. */
  readonly key: string;
  /** One capital letter, distinct per label: marks in lanes, chips, charts. */
  readonly letter: string;
  /** Border or underline style: the shape cue where a letter does not fit. */
  readonly line: LabelLine;
  /** Borders, bars, swatches: ≥ 4.5:1 on white (WCAG non-text needs 3:1), so white letters on it read too. */
  readonly colour: string;
  /** Highlight tint behind text (translucent, so overlapping spans still show each). */
  readonly tint: string;
  /** Text colour on the tint: ≥ 4.5:1 on the tint over white. */
  readonly ink: string;
}

const DISPLAY: Record<Label, Omit<LabelDisplay, 'label' | 'title' | 'key'>> = {
  claim: { letter: 'C', line: 'solid', colour: '#8f6a00', tint: 'rgba(255, 196, 0, 0.38)', ink: '#4d3900' },
  quote: { letter: 'Q', line: 'dashed', colour: '#1d62c9', tint: 'rgba(47, 128, 237, 0.26)', ink: '#0b3d91' },
  figure: { letter: 'F', line: 'double', colour: '#12774a', tint: 'rgba(31, 157, 99, 0.28)', ink: '#094d2d' },
  speculation: {
    letter: 'S',
    line: 'dotted',
    colour: '#8442b8',
    tint: 'rgba(162, 89, 217, 0.26)',
    ink: '#5a2384',
  },
};

export function labelDisplay(label: Label): LabelDisplay {
  const i = LABELS.indexOf(label);
  return {
    label,
    title: labelTitle(label),
    key: String(i + 1),
    ...DISPLAY[label],
  };
}

export const LABEL_DISPLAYS: readonly LabelDisplay[] = LABELS.map(labelDisplay);

/**
 * The CSS custom properties of every label: `--claim` (colour), `--claim-bg` (tint), `--claim-text`
 * (ink), `--claim-line` (line style), `--claim-letter` (a CSS string, for `content:`).
 */
export function labelCssProperties(): [name: string, value: string][] {
  return LABEL_DISPLAYS.flatMap((d) => [
    [`--${d.label}`, d.colour],
    [`--${d.label}-bg`, d.tint],
    [`--${d.label}-text`, d.ink],
    [`--${d.label}-line`, d.line],
    [`--${d.label}-letter`, `"${d.letter}"`],
  ]);
}
