/**
 * Readable text from Markdown, conservatively: only syntax that is never part of prose is removed
 * (heading hashes, quote markers, code fences, rules, link and image brackets, `**`/`__`, inline
 * code ticks, setext underlines). Single `*` and `_`, list markers and tables are kept, because
 * removing them could change prose such as "5 * 3" or "snake_case". Line structure is kept, so
 * paragraphs stay paragraphs. O(n).
 */
export function stripMarkdown(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^\s{0,3}(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(line);
      continue;
    }
    const afterText = out.length > 0 && (out[out.length - 1] ?? '').trim() !== '';
    if (afterText && /^\s{0,3}(=+|-+)\s*$/.test(line)) continue; // setext heading underline
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push(''); // thematic break
      continue;
    }
    const unquoted = line.replace(/^(\s{0,3}>\s?)+/, '');
    const heading = /^\s{0,3}#{1,6}\s+/;
    const body = heading.test(unquoted) ? unquoted.replace(heading, '').replace(/\s+#+\s*$/, '') : unquoted;
    out.push(stripInline(body));
  }
  return out.join('\n');
}

function stripInline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1')
    .replace(/__(?=\S)(.+?)(?<=\S)__/g, '$1')
    .replace(/`([^`]+)`/g, '$1');
}
