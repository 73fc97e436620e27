/** Titles per chunk: one chunk is lower-cased and joined in one short task (~5 ms at 16,384). */
const CHUNK = 16_384;

/** A run of titles lower-cased into one string. */
interface Chunk {
  /** The lower-cased titles, each followed by a separator no typed needle holds. */
  readonly text: string;
  /** Where each title starts in `text`, and one more: the end. */
  readonly starts: Uint32Array;
}

/**
 * Every title of the library lower-cased once, in a few long strings (chunks of CHUNK titles), so a
 * title filter is a few `indexOf` scans instead of lower-casing 100,000 titles per keystroke (issue
 * 20: the library filter within 100 ms). Chunks let it be built a slice at a time, between which the
 * page runs (`build`), before the first words are typed: at 1,000,000 titles the build in one go
 * took 618 ms on the first keystroke. Memory: the titles once more (one byte per character for
 * Latin-1 text, else two) and 4 bytes per title: ~45 MB at 1,000,000 titles of ~40 characters.
 */
export class TitleIndex {
  private constructor(
    private readonly chunks: readonly Chunk[],
    /** The titles it was built from, to tell whether a newer list can keep it. */
    private readonly titles: readonly string[],
  ) {}

  static of(titles: readonly string[]): TitleIndex {
    const chunks: Chunk[] = [];
    for (let from = 0; from < titles.length || from === 0; from += CHUNK) chunks.push(chunkOf(titles, from));
    return new TitleIndex(chunks, titles);
  }

  /**
   * The same index as `of`, built a chunk at a time with `pause()` awaited between chunks; null
   * when `stopped()` turns true meanwhile.
   */
  static async build(
    titles: readonly string[],
    pause: () => Promise<void>,
    stopped: () => boolean = () => false,
  ): Promise<TitleIndex | null> {
    const chunks: Chunk[] = [];
    for (let from = 0; from < titles.length || from === 0; from += CHUNK) {
      if (from > 0) await pause();
      if (stopped()) return null;
      chunks.push(chunkOf(titles, from));
    }
    return new TitleIndex(chunks, titles);
  }

  /** Whether it was built from these `n` titles, in this order (O(n) reference checks). */
  holds(n: number, titleAt: (i: number) => string): boolean {
    if (n !== this.titles.length) return false;
    for (let i = 0; i < n; i++) if (titleAt(i) !== this.titles[i]) return false;
    return true;
  }

  /** A mask of the titles containing `lowerNeedle` (already lower-cased, not empty). */
  matches(lowerNeedle: string): Uint8Array {
    const mask = new Uint8Array(this.titles.length);
    if (lowerNeedle.includes('\u0000')) return mask;
    this.chunks.forEach(({ text, starts }, c) => {
      const first = c * CHUNK;
      let i = 0;
      let pos = text.indexOf(lowerNeedle);
      while (pos !== -1) {
        // Positions only grow, so the title holding `pos` is found by walking forward.
        while ((starts[i + 1] as number) <= pos) i++;
        mask[first + i] = 1;
        pos = text.indexOf(lowerNeedle, starts[i + 1] as number);
      }
    });
    return mask;
  }
}

/** Titles [from, from + CHUNK) lower-cased into one chunk. */
function chunkOf(titles: readonly string[], from: number): Chunk {
  const n = Math.max(0, Math.min(CHUNK, titles.length - from));
  const starts = new Uint32Array(n + 1);
  const parts = new Array<string>(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    // Lower-cased one by one: lower-casing can change a title's length ("İ" becomes two units).
    const lower = (titles[from + i] as string).toLocaleLowerCase();
    parts[i] = lower;
    starts[i] = at;
    at += lower.length + 1;
  }
  starts[n] = at;
  return { text: parts.join('\u0000') + '\u0000', starts };
}
