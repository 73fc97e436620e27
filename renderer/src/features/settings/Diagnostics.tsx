import { useEffect, useState } from 'react';

import { useDurability } from '../../session/durability';
import { useReadOnly } from '../../session/read-only';

const PERSIST_TEXT = {
  pending: 'Asked; waiting for the browser’s answer',
  granted: 'Granted: the browser will not evict Marginalia’s data under storage pressure',
  denied: 'Not granted: the browser may evict this data when the disk runs low — keep backups',
  unsupported: 'Not supported by this browser — keep backups',
} as const;

const mb = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** Facts about storage, stated as the browser reports them (persistence is never assumed). */
export function Diagnostics() {
  const { persist, schemaVersion, estimate } = useDurability();
  const { problem } = useReadOnly();
  const [usage, setUsage] = useState<string>('…');
  useEffect(() => {
    void estimate().then((e) => setUsage(e ? `${mb(e.usage)} used of ${mb(e.quota)} available` : 'unknown'));
  }, [estimate]);
  return (
    <section aria-labelledby="diagnostics-heading">
      <h3 id="diagnostics-heading">Diagnostics</h3>
      <dl>
        <dt>Persistent storage</dt>
        <dd data-testid="persist-state">{PERSIST_TEXT[persist]}</dd>
        <dt>Storage estimate</dt>
        <dd data-testid="storage-estimate">{usage}</dd>
        <dt>Database schema version</dt>
        <dd data-testid="schema-version">{schemaVersion}</dd>
        <dt>Writes</dt>
        <dd>{problem ? `Read-only: ${problem.detail}` : 'Saving normally (strict durability)'}</dd>
      </dl>
    </section>
  );
}
