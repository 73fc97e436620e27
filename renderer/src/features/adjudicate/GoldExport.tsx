import { useState } from 'react';

import { planExport } from '../../core/formats/export';
import type { ExportFormat } from '../../core/formats/export-types';
import { useServices } from '../../session/providers';
import { loadGoldExportDataset } from '../../db/repositories/adjudication';

/** Single-file formats (brat writes a .txt/.ann pair per document; use the Export dialog for it). */
const FORMATS: readonly [ExportFormat, string][] = [
  ['native', 'Native JSONL'],
  ['spacy', 'spaCy JSONL'],
  ['doccano', 'doccano JSONL'],
  ['labelstudio', 'Label Studio JSON'],
  ['w3c', 'W3C Web Annotation'],
  ['bio', 'BIO/CoNLL'],
];

/** Exports the gold set (annotator "gold") with its provenance in each record's `meta.gold`. */
export function GoldExport({ onMessage }: { onMessage: (text: string, tone?: 'info' | 'error') => void }) {
  const { db, host } = useServices();
  const [format, setFormat] = useState<ExportFormat>('native');
  const run = async () => {
    const data = await loadGoldExportDataset(db);
    if (data.sets.length === 0) return onMessage('There is no gold yet: make a decision first.', 'error');
    const plan = planExport(data, { format, baseName: 'marginalia-gold', includeUnannotated: false });
    if (!plan.ok)
      return onMessage(`Gold not exported: ${plan.error.docTitle}: ${plan.error.message}`, 'error');
    const file = plan.value.files[0];
    if (!file || plan.value.files.length > 1)
      return onMessage('This format writes several files; use Export….', 'error');
    const parts: string[] = [];
    const gen = plan.value.chunks();
    for (let next = gen.next(); !next.done; next = gen.next()) parts.push(next.value.text);
    const saved = await host.saveExport({ suggestedName: file.name, content: parts.join('') });
    if (!saved.ok) onMessage(`Gold not saved: ${saved.error}`, 'error');
    else if (saved.value.saved)
      onMessage(`Gold exported: ${plan.value.spansTotal} spans in ${plan.value.documents} document(s).`);
  };
  return (
    <div className="gold-export" role="group" aria-label="Export gold">
      <select
        aria-label="Gold export format"
        value={format}
        onChange={(e) => setFormat(e.target.value as ExportFormat)}
      >
        {FORMATS.map(([f, name]) => (
          <option key={f} value={f}>
            {name}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void run()}>
        Export gold
      </button>
    </div>
  );
}
