import { compareCodePoints } from '../agreement/pairs';
import { GOLD_ANNOTATOR } from '../model/gold';
import { claimsJson, type ClaimCluster, type ClaimMention } from './clusters';
import { claimsOf, type ClaimsSource } from './claims-export';

/** A claims source whose documents also carry their titles (the app's library). */
export interface TitledClaimsSource extends ClaimsSource {
  readonly documents: readonly { readonly id: string; readonly title: string; readonly text: string }[];
}

/** A mention as shown: where it is, its article's title and its text. */
export interface MentionView extends ClaimMention {
  readonly title: string;
  readonly text: string;
}

export interface ClusterView extends Omit<ClaimCluster, 'mentions'> {
  readonly mentions: readonly MentionView[];
}

/** One line of the Claims view's list: lines have one height, so the list can be virtualized. */
export type ClaimRow =
  | { readonly kind: 'cluster'; readonly cluster: ClusterView }
  | { readonly kind: 'mention'; readonly cluster: string; readonly mention: MentionView; readonly n: number }
  | {
      readonly kind: 'relation';
      readonly cluster: string;
      readonly relation: 'supports' | 'supportedBy' | 'contradicts';
      readonly targets: readonly string[];
    };

export interface ClaimsView {
  /** Everyone with a claim span or a link in the library (gold last), for the filter. */
  readonly participants: readonly string[];
  readonly clusters: readonly ClusterView[];
  readonly rows: readonly ClaimRow[];
  /** Index of each cluster's heading row in `rows`. */
  readonly rowOf: Readonly<Record<string, number>>;
  /** The claims JSON file of this view (the same as `marginalia claims --format json [--annotator]`). */
  readonly json: string;
}

const RELATION_ROWS = ['supports', 'supportedBy', 'contradicts'] as const;

/**
 * What the Claims view shows, computed off the render path (a worker): the clusters of one
 * annotator's claims and links, or of everyone's (`annotator` undefined), with titles and mention
 * texts, flattened into rows of one height, and the claims JSON of the same selection. Built on
 * `claimsOf`, so the view, the app's export and `marginalia claims` give the same clusters and ids.
 * O((S + L) log(S + L) + text of the mentioned documents).
 */
export function claimsView(source: TitledClaimsSource, annotator?: string): ClaimsView {
  const { clusters, textOf } = claimsOf(source, annotator);
  const titles = new Map(source.documents.map((d) => [d.id, d.title]));
  const views: ClusterView[] = clusters.map((c) => ({
    ...c,
    mentions: c.mentions.map((m) => ({ ...m, title: titles.get(m.docId) ?? m.docId, text: textOf(m) })),
  }));
  const rows: ClaimRow[] = [];
  const rowOf: Record<string, number> = {};
  for (const c of views) {
    rowOf[c.id] = rows.length;
    rows.push({ kind: 'cluster', cluster: c });
    c.mentions.forEach((mention, n) => rows.push({ kind: 'mention', cluster: c.id, mention, n }));
    for (const relation of RELATION_ROWS)
      if (c[relation].length > 0)
        rows.push({ kind: 'relation', cluster: c.id, relation, targets: c[relation] });
  }
  return {
    participants: participantsOf(source),
    clusters: views,
    rows,
    rowOf,
    json: `${JSON.stringify(claimsJson(clusters, textOf))}\n`,
  };
}

function participantsOf(source: ClaimsSource): string[] {
  const who = new Set<string>();
  for (const s of source.sets) if (s.spans.some((x) => x.label === 'claim')) who.add(s.annotator);
  for (const l of source.links) who.add(l.annotator);
  const gold = who.delete(GOLD_ANNOTATOR);
  return [...[...who].sort(compareCodePoints), ...(gold ? [GOLD_ANNOTATOR] : [])];
}
