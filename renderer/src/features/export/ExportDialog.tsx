import { useEffect, useRef, useState } from 'react';

import { EXPORT_FORMATS, type ExportFormat } from '../../core/formats/export-types';
import type { OffsetUnit } from '../../core/formats/import-types';
import { useProjectGuidelines } from '../../session/guidelines';
import { useServices } from '../../session/providers';
import { listAnnotators, loadExportDataset } from '../../db/repositories/export-dataset';
import { Dialog } from '../../ui/Dialog';
import { ProgressBar } from '../../ui/ProgressBar';
import { exportBaseName } from './exportDataset';
import { runExport } from './runExport';
import { streamNativeExport } from './streamExport';

const FORMAT_TITLES: Record<ExportFormat, string> = {
  native: 'Marginalia JSONL (native)',
  spacy: 'spaCy / Prodigy JSONL',
  doccano: 'doccano JSONL',
  labelstudio: 'Label Studio JSON',
  w3c: 'W3C Web Annotation (JSON-LD)',
  brat: 'brat standoff (.txt + .ann, zipped)',
  bio: 'CoNLL-style BIO',
};

type Scope = 'all' | 'current' | 'chosen';

export interface ExportDialogProps {
  open: boolean;
  onClose: () => void;
  annotator: string;
  currentDocId: string | null;
  documents: readonly { id: string; title: string }[];
  onDone: (message: string, tone?: 'info' | 'error') => void;
}

/** Scope, annotators (or gold), format and its offset options; streams with progress and Cancel. */
export function ExportDialog({
  open,
  onClose,
  annotator,
  currentDocId,
  documents,
  onDone,
}: ExportDialogProps) {
  const { db, host } = useServices();
  const guidelines = useProjectGuidelines();
  const [annotators, setAnnotators] = useState<string[]>([annotator]);
  const [chosenAnnotators, setChosenAnnotators] = useState<Set<string>>(new Set([annotator]));
  const [scope, setScope] = useState<Scope>('all');
  const [chosenDocs, setChosenDocs] = useState<Set<string>>(new Set());
  const [format, setFormat] = useState<ExportFormat>('native');
  const [withUtf16, setWithUtf16] = useState(false);
  // Each tool's own unit by default: doccano's editor counts UTF-16 units (docs/format.md).
  const [doccanoUnit, setDoccanoUnit] = useState<OffsetUnit>('utf16');
  const [labelStudioUnit, setLabelStudioUnit] = useState<OffsetUnit>('codepoint');
  const [w3cUnit, setW3cUnit] = useState<OffsetUnit>('codepoint');
  const [includeUntouched, setIncludeUntouched] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const cancelled = useRef(false);

  useEffect(() => {
    if (!open) return;
    void listAnnotators(db).then((list) => setAnnotators([...new Set([annotator, ...list])].sort()));
  }, [open, db, annotator]);

  const toggle = (set: Set<string>, value: string): Set<string> => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };

  const run = async () => {
    const docIds =
      scope === 'all' ? null : scope === 'current' ? (currentDocId ? [currentDocId] : []) : [...chosenDocs];
    const who = annotators.filter((a) => chosenAnnotators.has(a));
    if (who.length === 0) return onDone('Choose at least one annotator to export.', 'error');
    if (docIds && docIds.length === 0) return onDone('Choose at least one document to export.', 'error');
    cancelled.current = false;
    if (format === 'native' && scope === 'all') return runStreamed(who);
    setProgress(0);
    try {
      const data = await loadExportDataset(db, docIds, who, includeUntouched);
      const base = exportBaseName(who, new Date());
      const out = await runExport(
        data,
        {
          format,
          withUtf16,
          doccanoUnit,
          labelStudioUnit,
          w3cUnit,
          baseName: base,
          includeUnannotated: includeUntouched,
          ...(guidelines ? { guidelines } : {}),
        },
        setProgress,
        () => cancelled.current,
      );
      if (!out) return onDone('Export cancelled; nothing was written.');
      const saved = await host.saveExport({ suggestedName: out.name, content: out.content });
      if (!saved.ok) throw new Error(saved.error);
      if (!saved.value.saved) return onDone('Export cancelled.');
      const left =
        out.summary.leftOut && out.summary.leftOut.count > 0
          ? ` ${out.summary.leftOut.count} span(s) could not be written (${out.summary.leftOut.rule}).`
          : '';
      const notStarted = out.summary.notStarted ? ` ${out.summary.notStarted}` : '';
      onDone(
        `Exported ${out.summary.documents} documents and ${out.summary.spans} spans as ${FORMAT_TITLES[format]} to ${saved.value.fileName ?? out.name}.${left}${notStarted}`,
      );
      onClose();
    } catch (e) {
      onDone(`Export failed, nothing was written: ${e instanceof Error ? e.message : String(e)}`, 'error');
    } finally {
      setProgress(null);
    }
  };

  /**
   * The whole library as native JSONL, streamed to the file page by page (issue 20): any size in
   * bounded memory. The file is asked for first, while the click still counts as a user gesture
   * (the browser's save picker needs one).
   */
  const runStreamed = async (who: string[]) => {
    const base = exportBaseName(who, new Date());
    const opened = await host.openExportFile(`${base}.jsonl`);
    if (!opened.ok) return onDone(`Export failed, nothing was written: ${opened.error}`, 'error');
    if (!opened.value) return onDone('Export cancelled.');
    setProgress(0);
    try {
      const out = await streamNativeExport(
        db,
        opened.value,
        {
          annotators: who,
          includeUntouched,
          withUtf16,
          fileName: `${base}.jsonl`,
          ...(guidelines ? { guidelines } : {}),
        },
        setProgress,
        () => cancelled.current,
      );
      if (!out) return onDone('Export cancelled; no partial file was kept.');
      const notStarted = out.summary.notStarted ? ` ${out.summary.notStarted}` : '';
      onDone(
        `Exported ${out.summary.documents} documents and ${out.summary.spans} spans as ${FORMAT_TITLES.native} to ${out.savedAs}.${notStarted}`,
      );
      onClose();
    } catch (e) {
      onDone(
        `Export failed, no partial file was kept: ${e instanceof Error ? e.message : String(e)}`,
        'error',
      );
    } finally {
      setProgress(null);
    }
  };

  return (
    <Dialog title="Export" open={open} required={progress !== null} onClose={onClose}>
      <div className="export-form">
        <fieldset>
          <legend>Documents</legend>
          {(['all', 'current', 'chosen'] as const).map((s) => (
            <label key={s} className="checkbox">
              <input type="radio" name="scope" checked={scope === s} onChange={() => setScope(s)} />
              {s === 'all' ? 'All documents' : s === 'current' ? 'This document' : 'Chosen documents'}
            </label>
          ))}
          {scope === 'chosen' && (
            <div className="choices" role="group" aria-label="Documents to export">
              {documents.map((d) => (
                <label key={d.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={chosenDocs.has(d.id)}
                    onChange={() => setChosenDocs(toggle(chosenDocs, d.id))}
                  />
                  {d.title}
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>Annotators</legend>
          {annotators.map((a) => (
            <label key={a} className="checkbox">
              <input
                type="checkbox"
                checked={chosenAnnotators.has(a)}
                onChange={() => setChosenAnnotators(toggle(chosenAnnotators, a))}
              />
              {a === 'gold' ? 'gold (adjudicated)' : a}
            </label>
          ))}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={includeUntouched}
              onChange={(e) => setIncludeUntouched(e.target.checked)}
            />
            Include documents not started (no spans, not marked done)
          </label>
        </fieldset>
        <label>
          Format
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_TITLES[f]}
              </option>
            ))}
          </select>
        </label>
        {format === 'native' && (
          <label className="checkbox">
            <input type="checkbox" checked={withUtf16} onChange={(e) => setWithUtf16(e.target.checked)} />
            Also write UTF-16 offsets (start_utf16, end_utf16)
          </label>
        )}
        {(format === 'doccano' || format === 'labelstudio') && (
          <label>
            Offsets
            <select
              value={format === 'doccano' ? doccanoUnit : labelStudioUnit}
              onChange={(e) =>
                (format === 'doccano' ? setDoccanoUnit : setLabelStudioUnit)(e.target.value as OffsetUnit)
              }
            >
              <option value="codepoint">
                Code points (Python; {format === 'doccano' ? 'doccano import scripts' : 'Label Studio ≥ 1.5'})
              </option>
              <option value="utf16">
                UTF-16 units ({format === 'doccano' ? "doccano's editor" : 'older Label Studio'})
              </option>
            </select>
          </label>
        )}
        {format === 'w3c' && (
          <label>
            Positions
            <select value={w3cUnit} onChange={(e) => setW3cUnit(e.target.value as OffsetUnit)}>
              <option value="codepoint">Code points (the W3C Recommendation)</option>
              <option value="utf16">UTF-16 units (Recogito and other JavaScript tools)</option>
            </select>
          </label>
        )}
      </div>
      {progress !== null && <ProgressBar label="Exporting" value={progress} />}
      <div className="dialog-actions">
        <button type="button" onClick={() => (progress !== null ? (cancelled.current = true) : onClose())}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={progress !== null} onClick={() => void run()}>
          Export
        </button>
      </div>
    </Dialog>
  );
}
