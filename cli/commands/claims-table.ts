import type { ClaimCluster } from '../../renderer/src/core/links/clusters';
import type { LinkEndpoint } from '../../renderer/src/core/links/link';

const MAX_QUOTE = 100;

/** A mention's text on one line, cut at MAX_QUOTE code points (a claim can be a paragraph). */
function quote(text: string): string {
  const cps = Array.from(text.replace(/\s+/g, ' '));
  return `"${cps.length > MAX_QUOTE ? `${cps.slice(0, MAX_QUOTE - 1).join('')}…` : cps.join('')}"`;
}

const list = (what: string, ids: readonly string[]): string[] =>
  ids.length > 0 ? [`${what} ${ids.join(', ')}`] : [];

/**
 * The human-readable claims: a header, then per cluster one line (mentions, articles, annotators,
 * its edges) and one line per mention (text, article title, code point extent). Clusters linked to
 * others come first, so the contested claims lead; then by id.
 */
export function claimsTable(
  clusters: readonly ClaimCluster[],
  titleOf: (docId: string) => string,
  textOf: (e: LinkEndpoint) => string,
): string[] {
  const linked = (c: ClaimCluster): boolean =>
    c.mentions.length > 1 || c.supports.length + c.supportedBy.length + c.contradicts.length > 0;
  const articles = new Set(clusters.flatMap((c) => c.mentions.map((m) => m.docId)));
  const out = [
    `${clusters.length} claim cluster(s) over ${articles.size} article(s); ${clusters.filter(linked).length} linked to another claim or with several mentions.`,
  ];
  const ordered = [...clusters.filter(linked), ...clusters.filter((c) => !linked(c))];
  for (const c of ordered) {
    const edges = [
      ...list('supports', c.supports),
      ...list('supported by', c.supportedBy),
      ...list('contradicts', c.contradicts),
    ];
    out.push(
      '',
      `${c.id}  ${c.mentions.length} mention(s) in ${c.articles} article(s), by ${c.annotators.join(', ') || 'nobody named'}${edges.length > 0 ? `; ${edges.join('; ')}` : ''}`,
    );
    for (const m of c.mentions) out.push(`    ${quote(textOf(m))} — ${titleOf(m.docId)} ${m.start}–${m.end}`);
  }
  return out;
}
