/**
 * A label's letter on its colour (`lab-mark lab-<name>` in styles.css): the non-colour cue where the
 * label's name does not fit. Hidden from assistive technology: the surrounding text names the label.
 */
export function LabelMark({ name, letter }: { name: string; letter: string }) {
  return (
    <span className={`lab-mark lab-${name}`} aria-hidden="true">
      {letter}
    </span>
  );
}
