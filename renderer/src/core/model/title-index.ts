/**
 * Every title of the library lower-cased once, in one string, so a title filter is a few `indexOf`
 * scans over it instead of lower-casing 100,000 titles per keystroke (issue 20: the library filter
 * within 100 ms at 100,000 documents). Memory: the titles once more (one byte per character for
 * Latin-1 text, else two) and 4 bytes per title: ~45 MB at 1,000,000 titles of ~40 characters.
 */
export class TitleIndex {
  private constructor(
    /** The lower-cased titles, each followed by a separator no typed needle holds. */
    private readonly text: string,
    /** Where each title starts in `text`, and one more: the end. */
    private readonly starts: Uint32Array,
    /** The titles it was built from, to tell whether a newer list can keep it. */
    private readonly titles: readonly string[],
  ) {}

  static of(titles: readonly string[]): TitleIndex {
    const starts = new Uint32Array(titles.length + 1);
    const parts: string[] = new Array<string>(titles.length);
    let at = 0;
    for (let i = 0; i < titles.length; i++) {
      // Lower-cased one by one: lower-casing can change a title's length ("İ" becomes two units).
      const lower = (titles[i] as string).toLocaleLowerCase();
      parts[i] = lower;
      starts[i] = at;
      at += lower.length + 1;
    }
    starts[titles.length] = at;
    return new TitleIndex(parts.join('\u0000') + '\u0000', starts, titles);
  }

  /** This index when `titles` are the same titles in the same order (O(n) reference checks), else a new one. */
  reuseFor(titles: readonly string[]): TitleIndex {
    if (titles.length === this.titles.length && titles.every((t, i) => t === this.titles[i])) return this;
    return TitleIndex.of(titles);
  }

  /** A mask of the titles containing `lowerNeedle` (already lower-cased, not empty). */
  matches(lowerNeedle: string): Uint8Array {
    const n = this.titles.length;
    const mask = new Uint8Array(n);
    if (lowerNeedle.includes('\u0000')) return mask;
    let i = 0;
    let pos = this.text.indexOf(lowerNeedle);
    while (pos !== -1) {
      // Positions only grow, so the title holding `pos` is found by walking forward.
      while ((this.starts[i + 1] as number) <= pos) i++;
      mask[i] = 1;
      pos = this.text.indexOf(lowerNeedle, this.starts[i + 1] as number);
    }
    return mask;
  }
}
