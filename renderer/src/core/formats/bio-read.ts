import { isLabel, type Label } from '../model/labels';
import { tokenize } from './tokens';

export interface BioSpan {
  readonly start: number;
  readonly end: number;
  readonly label: Label;
}

export interface BioBlock {
  readonly docId: string;
  readonly annotator: string | null;
  readonly spans: readonly BioSpan[];
}

/**
 * Reads a BIO file written by `bioWriter` back into code-point spans, given the texts by document
 * id (BIO drops spacing, so the text must come from elsewhere). Used to check round trips. Throws
 * on a file it did not write. O(size).
 */
export function readBio(content: string, textById: ReadonlyMap<string, string>): BioBlock[] {
  const blocks: BioBlock[] = [];
  for (const block of content.split(/\n\n+/)) {
    const lines = block.split('\n').filter((l) => l !== '');
    const docId = lines.find((l) => l.startsWith('# doc_id = '))?.slice('# doc_id = '.length);
    if (!docId) continue;
    const annotator =
      lines.find((l) => l.startsWith('# annotator = '))?.slice('# annotator = '.length) ?? null;
    const text = textById.get(docId);
    if (text === undefined) throw new Error(`BIO block for unknown document ${docId}`);
    const tokens = tokenize(text);
    const rows = lines.filter((l) => !l.startsWith('# '));
    if (rows.length !== tokens.length)
      throw new Error(`BIO block for ${docId} has ${rows.length} tokens, text has ${tokens.length}`);
    const spans: BioSpan[] = [];
    let open: { start: number; end: number; label: Label } | null = null;
    rows.forEach((row, i) => {
      const tag = row.slice(row.lastIndexOf('\t') + 1);
      const tok = tokens[i];
      if (!tok) return;
      if (tag.startsWith('I-') && open && open.label === tag.slice(2)) {
        open.end = tok.end;
        return;
      }
      if (open) spans.push(open);
      open = null;
      const label = tag.slice(2);
      if (tag !== 'O' && isLabel(label)) open = { start: tok.start, end: tok.end, label };
    });
    if (open) spans.push(open);
    blocks.push({ docId, annotator, spans });
  }
  return blocks;
}
