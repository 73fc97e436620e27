import { compareCodePoints } from '../agreement/pairs';
import { endpointKey, type Link, type LinkEndpoint } from './link';

/** A span that can be a mention: its document, extent (code points), label and whose it is. */
export interface ClaimSpan extends LinkEndpoint {
  readonly annotator: string;
  readonly label: string;
}

export interface ClaimMention extends LinkEndpoint {
  /** Who marked this extent as a span or linked it. */
  readonly annotators: readonly string[];
}

/**
 * A claim as the library knows it: mentions joined (transitively) by `same_claim` links, and the
 * clusters its mentions support, are supported by, or contradict. Counts say how much stands behind it.
 */
export interface ClaimCluster {
  readonly id: string;
  readonly mentions: readonly ClaimMention[];
  /** Clusters some mention of this one supports. */
  readonly supports: readonly string[];
  /** Clusters with a mention that supports one of this one. */
  readonly supportedBy: readonly string[];
  /** Clusters some mention of this one contradicts or is contradicted by (symmetric). */
  readonly contradicts: readonly string[];
  readonly articles: number;
  readonly annotators: readonly string[];
}

export interface ClusterOptions {
  /** Document order for mentions and cluster ids (library or file order); unknown ids sort last, by id. */
  readonly docOrder?: readonly string[];
}

/** Union-find over mention indices, with path halving. */
class Components {
  private readonly parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) {
      p[i] = p[p[i] as number] as number;
      i = p[i] as number;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Claim clusters over spans and links: every `claim` span and every link endpoint is a mention
 * (one per document and extent, whoever marked it); `same_claim` links join mentions into clusters
 * (connected components), and `supports` / `contradicts` links between mentions become edges
 * between their clusters. An edge inside one cluster is kept: a cluster that contradicts itself is
 * worth seeing. Mentions are in document order, then extent; clusters are numbered `c1`, `c2`, … in
 * the order of their first mention, so the same data always gives the same ids.
 * O((S + L) log(S + L)) for S spans and L links.
 */
export function buildClaimClusters(
  spans: readonly ClaimSpan[],
  links: readonly Link[],
  opts: ClusterOptions = {},
): ClaimCluster[] {
  const comps = new Components();
  const index = new Map<string, number>();
  const ends: LinkEndpoint[] = [];
  const who: Set<string>[] = [];
  const node = (e: LinkEndpoint, annotator: string): number => {
    const key = endpointKey(e);
    let i = index.get(key);
    if (i === undefined) {
      i = comps.add();
      index.set(key, i);
      ends.push({ docId: e.docId, start: e.start, end: e.end });
      who.push(new Set());
    }
    who[i]?.add(annotator);
    return i;
  };
  for (const s of spans) if (s.label === 'claim') node(s, s.annotator);
  for (const l of links) {
    const a = node(l.from, l.annotator);
    const b = node(l.to, l.annotator);
    if (l.relation === 'same_claim') comps.union(a, b);
  }
  const rank = new Map((opts.docOrder ?? []).map((id, i) => [id, i]));
  const cmp = (x: number, y: number): number => {
    const ex = ends[x] as LinkEndpoint;
    const ey = ends[y] as LinkEndpoint;
    const rx = rank.get(ex.docId) ?? Infinity;
    const ry = rank.get(ey.docId) ?? Infinity;
    if (rx !== ry) return rx - ry;
    if (ex.docId !== ey.docId) return ex.docId < ey.docId ? -1 : 1;
    return ex.start - ey.start || ex.end - ey.end;
  };
  const members = new Map<number, number[]>();
  for (let i = 0; i < ends.length; i++) {
    const r = comps.find(i);
    const list = members.get(r);
    if (list) list.push(i);
    else members.set(r, [i]);
  }
  const groups = [...members.values()]
    .map((m) => m.sort(cmp))
    .sort((a, b) => cmp(a[0] as number, b[0] as number));
  const clusterOf = new Map<number, string>();
  groups.forEach((g, n) => g.forEach((i) => clusterOf.set(comps.find(i), `c${n + 1}`)));
  const idOf = (e: LinkEndpoint): string =>
    clusterOf.get(comps.find(index.get(endpointKey(e)) as number)) as string;
  const edges = {
    supports: new Map<string, Set<string>>(),
    supportedBy: new Map<string, Set<string>>(),
    contradicts: new Map<string, Set<string>>(),
  };
  const addEdge = (m: Map<string, Set<string>>, from: string, to: string): void => {
    m.set(from, (m.get(from) ?? new Set()).add(to));
  };
  for (const l of links) {
    const a = idOf(l.from);
    const b = idOf(l.to);
    if (l.relation === 'supports') {
      addEdge(edges.supports, a, b);
      addEdge(edges.supportedBy, b, a);
    } else if (l.relation === 'contradicts') {
      addEdge(edges.contradicts, a, b);
      addEdge(edges.contradicts, b, a);
    }
  }
  const byNumber = (x: string, y: string): number => Number(x.slice(1)) - Number(y.slice(1));
  const list = (m: Map<string, Set<string>>, id: string): string[] => [...(m.get(id) ?? [])].sort(byNumber);
  return groups.map((g, n) => {
    const id = `c${n + 1}`;
    const mentions = g.map((i) => ({
      ...(ends[i] as LinkEndpoint),
      annotators: [...(who[i] ?? [])].sort(compareCodePoints),
    }));
    const annotators = new Set(mentions.flatMap((m) => m.annotators));
    return {
      id,
      mentions,
      supports: list(edges.supports, id),
      supportedBy: list(edges.supportedBy, id),
      contradicts: list(edges.contradicts, id),
      articles: new Set(mentions.map((m) => m.docId)).size,
      annotators: [...annotators].sort(compareCodePoints),
    };
  });
}

/** The claims JSON of `marginalia claims` and the app's claims export (docs/format.md). */
export function claimsJson(
  clusters: readonly ClaimCluster[],
  textOf: (e: LinkEndpoint) => string,
): { clusters: unknown[] } {
  return {
    clusters: clusters.map((c) => ({
      id: c.id,
      mentions: c.mentions.map((m) => ({ doc_id: m.docId, start: m.start, end: m.end, text: textOf(m) })),
      supports: c.supports,
      contradicts: c.contradicts,
      articles: c.articles,
      annotators: c.annotators,
    })),
  };
}
