import { lastAtMost } from '../core/sorted';
import type { Utf16Offset } from '../core/text/code-points';

/**
 * How the article text is laid out in the editor: one Lexical paragraph per line of the stored text
 * (split on "\n"). `lineStarts[i]` is the UTF-16 offset of line i in the stored text, so a point
 * (paragraph i, offset o) is the stored-text offset lineStarts[i] + o, and back by binary search.
 */
export class TextLayout {
  readonly lines: readonly string[];
  readonly lineStarts: readonly Utf16Offset[];
  /** Lines grouped for rendering (ChunkNode): chunk i holds lines [chunkStarts[i], chunkStarts[i + 1]). */
  readonly chunkStarts: readonly number[];

  constructor(readonly text: string) {
    this.lines = text.split('\n');
    const starts: number[] = [];
    let at = 0;
    for (const line of this.lines) {
      starts.push(at);
      at += line.length + 1;
    }
    this.lineStarts = starts;
    this.chunkStarts = chunkLines(this.lines);
  }

  /** Line containing UTF-16 offset `u` (an offset at a line's end belongs to that line). O(log lines). */
  lineOf(u: Utf16Offset): number {
    return lastAtMost(this.lineStarts, u);
  }

  /** Chunk holding line `line`. O(log chunks). */
  chunkOfLine(line: number): number {
    return lastAtMost(this.chunkStarts, line);
  }

  /** (line, offset in line) for a stored-text UTF-16 offset. */
  locate(u: Utf16Offset): { line: number; offset: number } {
    const line = this.lineOf(u);
    return { line, offset: u - (this.lineStarts[line] as number) };
  }
}

/** Lines per chunk, and UTF-16 units after which a chunk closes early (long paragraphs). */
export const CHUNK_LINES = 8;
export const CHUNK_UNITS = 3_000;

/** First line of each chunk: at most CHUNK_LINES lines, closed early once CHUNK_UNITS are reached. */
export function chunkLines(lines: readonly string[]): number[] {
  const starts: number[] = [];
  let units = 0;
  lines.forEach((line, i) => {
    const open = starts[starts.length - 1];
    if (open === undefined || i - open >= CHUNK_LINES || units >= CHUNK_UNITS) {
      starts.push(i);
      units = 0;
    }
    units += line.length + 1;
  });
  return starts;
}
