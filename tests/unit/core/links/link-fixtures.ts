import type { Link, LinkEndpoint, Relation } from '../../../../renderer/src/core/links/link';

export const DOC_A = `sha256:${'a'.repeat(64)}`;
export const DOC_B = `sha256:${'b'.repeat(64)}`;
export const DOC_C = `sha256:${'c'.repeat(64)}`;

export const end = (docId: string, start: number, stop: number): LinkEndpoint => ({
  docId,
  start,
  end: stop,
});

let n = 0;
/** A link with a fresh id; `from` and `to` as [doc, start, end]. */
export function link(
  annotator: string,
  relation: Relation,
  from: readonly [string, number, number],
  to: readonly [string, number, number],
  note = '',
): Link {
  return { id: `l${n++}`, annotator, relation, from: end(...from), to: end(...to), note };
}
