import { useEffect, useState } from 'react';

import type { ClaimRow, ClaimsView, ClusterView } from '../../core/links/claims-view';
import type { LinkEndpoint } from '../../core/links/link';
import { quoted } from '../../core/text/quoted';
import { useServices } from '../../session/providers';
import { VirtualList } from '../../ui/VirtualList';
import { useClaims } from './useClaims';
import './claims.css';

const ROW_HEIGHT = 34;
const ALL = '';

const RELATION_TITLES: Readonly<Record<'supports' | 'supportedBy' | 'contradicts', string>> = {
  supports: 'Supports',
  supportedBy: 'Supported by',
  contradicts: 'Contradicts',
};

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

export const clusterSummary = (c: ClusterView): string =>
  `${plural(c.mentions.length, 'mention')} in ${plural(c.articles, 'article')} by ${plural(c.annotators.length, 'annotator')} (${c.annotators.join(', ')})`;

/**
 * Every claim of the library in clusters (issue 16): each cluster's mentions (one click opens the
 * article at the span), the articles and annotators behind it, and the clusters it supports,
 * is supported by or contradicts (a click goes to that cluster). Built off the render path
 * (useClaims); rows have one height and only those in view are mounted.
 */
export function ClaimsPage({
  onClose,
  onOpen,
  onMessage,
}: {
  onClose: () => void;
  onOpen: (end: LinkEndpoint) => void;
  onMessage: (text: string, tone?: 'info' | 'error') => void;
}) {
  const { host } = useServices();
  const [annotator, setAnnotator] = useState(ALL);
  const state = useClaims(annotator === ALL ? null : annotator);
  const [jump, setJump] = useState<{ id: string; row: number } | null>(null);
  useEffect(() => {
    if (!jump) return;
    const frame = requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-claim-head="${jump.id}"]`)?.focus(),
    );
    return () => cancelAnimationFrame(frame);
  }, [jump]);
  const view = state.kind === 'done' ? state.view : null;
  const exportJson = async (v: ClaimsView) => {
    const name = annotator === ALL ? 'marginalia-claims.json' : `marginalia-claims-${annotator}.json`;
    const saved = await host.saveExport({ suggestedName: name, content: v.json });
    if (!saved.ok) onMessage(`Claims not saved: ${saved.error}`, 'error');
    else if (saved.value.saved) onMessage(`Claims exported: ${plural(v.clusters.length, 'cluster')}.`);
  };
  return (
    <section className="claims-page review-page" aria-labelledby="claims-title">
      <header className="review-header">
        <h2 id="claims-title">Claims</h2>
        <label>
          Annotator{' '}
          <select value={annotator} onChange={(e) => setAnnotator(e.target.value)}>
            <option value={ALL}>Everyone</option>
            {(view?.participants ?? (annotator === ALL ? [] : [annotator])).map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!view} onClick={() => view && void exportJson(view)}>
          Export claims JSON
        </button>
        <button type="button" onClick={onClose}>
          Back to annotating
        </button>
      </header>
      {state.kind === 'failed' && <p role="alert">The claims could not be read: {state.message}</p>}
      {state.kind === 'reading' && (
        <p role="status" className="muted">
          Reading the library’s claims…
        </p>
      )}
      {view && (
        <p role="status" className="claims-totals" data-testid="claims-totals">
          {view.clusters.length === 0
            ? 'No claims yet: label a span “claim”, or link two spans (L), to see it here.'
            : `${plural(view.clusters.length, 'claim cluster')}, ${plural(
                view.clusters.reduce((n, c) => n + c.mentions.length, 0),
                'mention',
              )}`}
        </p>
      )}
      {view && view.rows.length > 0 && (
        <VirtualList
          label="Claim clusters"
          className="claims-list"
          count={view.rows.length}
          rowHeight={ROW_HEIGHT}
          scrollToIndex={jump?.row}
          renderRow={(i) => {
            const row = view.rows[i] as ClaimRow;
            return {
              key: rowKey(row),
              className: `claims-${row.kind}`,
              content: (
                <Row row={row} onOpen={onOpen} onJump={(id) => setJump({ id, row: view.rowOf[id] ?? 0 })} />
              ),
            };
          }}
        />
      )}
    </section>
  );
}

const rowKey = (row: ClaimRow): string =>
  row.kind === 'cluster'
    ? row.cluster.id
    : row.kind === 'mention'
      ? `${row.cluster}/m${row.n}`
      : `${row.cluster}/${row.relation}`;

function Row({
  row,
  onOpen,
  onJump,
}: {
  row: ClaimRow;
  onOpen: (end: LinkEndpoint) => void;
  onJump: (cluster: string) => void;
}) {
  if (row.kind === 'cluster')
    return (
      <h3 tabIndex={-1} data-claim-head={row.cluster.id} data-testid={`claim-${row.cluster.id}`}>
        Claim {row.cluster.id}: {clusterSummary(row.cluster)}
      </h3>
    );
  if (row.kind === 'mention') {
    const m = row.mention;
    return (
      <button
        type="button"
        className="claims-mention"
        data-testid={`mention-${row.cluster}`}
        title={`${m.title}: ${m.text}`}
        onClick={() => onOpen({ docId: m.docId, start: m.start, end: m.end })}
      >
        <span className="claims-text">{quoted(m.text)}</span>
        <span className="claims-where">
          {m.title} · {m.annotators.join(', ')}
        </span>
      </button>
    );
  }
  return (
    <div className="claims-relation" data-testid={`${row.relation}-${row.cluster}`}>
      {RELATION_TITLES[row.relation]}:{' '}
      {row.targets.map((t) => (
        <button key={t} type="button" aria-label={`Go to claim ${t}`} onClick={() => onJump(t)}>
          {t}
        </button>
      ))}
    </div>
  );
}
