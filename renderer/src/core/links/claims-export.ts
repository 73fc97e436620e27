import { CodePointIndex } from '../text/code-points';
import { buildClaimClusters, claimsJson, type ClaimCluster, type ClaimSpan } from './clusters';
import type { Link, LinkEndpoint } from './link';

/** What the claims of a library are built from: its documents (in library order), spans and links. */
export interface ClaimsSource {
  readonly documents: readonly { readonly id: string; readonly text: string }[];
  readonly sets: readonly {
    readonly docId: string;
    readonly annotator: string;
    readonly spans: readonly { readonly start: number; readonly end: number; readonly label: string }[];
  }[];
  readonly links: readonly Link[];
}

export interface Claims {
  readonly clusters: ClaimCluster[];
  /** The text of a mention (code point slice of its document; '' when the document is unknown). */
  readonly textOf: (e: LinkEndpoint) => string;
}

/**
 * The claim clusters of a library or of files, optionally of one annotator's spans and links only
 * (e.g. gold): shared by `marginalia claims` and the app's claims export, so both give the same
 * clusters and ids. O((S + L) log(S + L) + text of the documents with mentions).
 */
export function claimsOf(source: ClaimsSource, annotator?: string): Claims {
  const spans: ClaimSpan[] = [];
  for (const set of source.sets) {
    if (annotator !== undefined && set.annotator !== annotator) continue;
    for (const s of set.spans)
      spans.push({ annotator: set.annotator, docId: set.docId, start: s.start, end: s.end, label: s.label });
  }
  const links =
    annotator === undefined ? source.links : source.links.filter((l) => l.annotator === annotator);
  const clusters = buildClaimClusters(spans, links, { docOrder: source.documents.map((d) => d.id) });
  const texts = new Map(source.documents.map((d) => [d.id, d.text]));
  const indexes = new Map<string, CodePointIndex>();
  const textOf = (e: LinkEndpoint): string => {
    const text = texts.get(e.docId);
    if (text === undefined) return '';
    let index = indexes.get(e.docId);
    if (!index) indexes.set(e.docId, (index = new CodePointIndex(text)));
    return index.slice(e.start, e.end);
  };
  return { clusters, textOf };
}

/** The claims JSON file (docs/format.md, "Claims JSON"), one line, as `marginalia claims --format json` prints it. */
export function claimsFile(source: ClaimsSource, annotator?: string): string {
  const { clusters, textOf } = claimsOf(source, annotator);
  return `${JSON.stringify(claimsJson(clusters, textOf))}\n`;
}
