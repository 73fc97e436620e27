import { bratFlatten } from './brat-import';
import type { PreparedDocument } from './export-check';
import type { ExportAnnotationSet } from './export-types';
import { sortedSets, sortedSpans, type FormatWriter } from './writer';

/** A file-name-safe form of a title or annotator. */
function slug(s: string, fallback: string): string {
  const out = s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return out === '' ? fallback : out;
}

/** File stem of one (document, annotator): title slug, 8 hex of the id, annotator slug. */
export function bratStem(p: PreparedDocument, set: ExportAnnotationSet | null): string {
  const hex = p.doc.id.replace(/^sha256:/, '').slice(0, 8);
  const who = set ? `.${slug(set.annotator, 'annotator')}` : '';
  return `${slug(p.doc.title, 'document')}-${hex}${who}`;
}

function pieces(p: PreparedDocument): (ExportAnnotationSet | null)[] {
  const sets = sortedSets(p);
  return sets.length > 0 ? sets : [null];
}

/**
 * brat standoff: per (document, annotator) a `.txt` with the exact text and a `.ann` with one
 * text-bound annotation per span (`T1<TAB>label start end<TAB>text`, offsets in code points as
 * brat, a Python tool, counts) and `#1<TAB>AnnotatorNotes T1<TAB>note` for notes. brat keeps one
 * line per annotation, so line breaks and tabs inside a span's text or a note become spaces.
 */
export const bratWriter: FormatWriter = {
  files: (docs) =>
    docs.flatMap((p) =>
      pieces(p).flatMap((set) => {
        const stem = bratStem(p, set);
        return [
          { name: `${stem}.txt`, mediaType: 'text/plain' },
          { name: `${stem}.ann`, mediaType: 'text/plain' },
        ];
      }),
    ),
  *write(docs) {
    let flattened = 0;
    for (const p of docs) {
      for (const set of pieces(p)) {
        const stem = bratStem(p, set);
        yield { file: `${stem}.txt`, text: p.doc.text, spans: 0 };
        const lines: string[] = [];
        let notes = 0;
        const spans = set ? sortedSpans(set) : [];
        spans.forEach((s, i) => {
          lines.push(
            `T${i + 1}\t${s.label} ${s.start} ${s.end}\t${bratFlatten(p.index.slice(s.start, s.end))}`,
          );
          if (s.note !== '') {
            const note = bratFlatten(s.note);
            if (note !== s.note) flattened++;
            lines.push(`#${++notes}\tAnnotatorNotes T${i + 1}\t${note}`);
          }
        });
        yield {
          file: `${stem}.ann`,
          text: lines.length > 0 ? `${lines.join('\n')}\n` : '',
          spans: spans.length,
        };
      }
    }
    return {
      notes:
        flattened > 0
          ? [`${flattened} note(s) had line breaks or tabs, written as spaces (brat notes are one line).`]
          : [],
    };
  },
};
