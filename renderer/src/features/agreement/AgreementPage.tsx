import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';

import type { AgreementResult } from '../../core/agreement-report/result';
import { isAgreementCell, type DisagreementFilter } from '../../core/model/disagreement-filter';
import { useServices } from '../../session/providers';
import { listStudyAnnotators } from '../../db/repositories/agreement';
import { listDocuments } from '../../db/repositories/documents';
import { focusHome, focusLost } from '../../ui/focus';
import { ProgressBar } from '../../ui/ProgressBar';
import { ConfusionMatrix } from './ConfusionMatrix';
import { DocumentTable } from './DocumentTable';
import { LabelBars } from './LabelBars';
import { LinkFigures, type LinkWalkChoice } from './LinkFigures';
import { LinkWalk } from './LinkWalk';
import { OverallFigures } from './OverallFigures';
import { PairHeatmap } from './PairHeatmap';
import { ReportExport } from './ReportExport';
import { SelectionPanel } from './SelectionPanel';
import { useAgreementRun } from './useAgreementRun';
import './agreement.css';

export interface AgreementPageProps {
  hidden: boolean;
  onOpenDisagreements: (filter: DisagreementFilter) => void;
  onClose: () => void;
  onMessage: (text: string, tone?: 'info' | 'error') => void;
}

/** Every figure's click-through: the filter that shows the disagreements behind it. */
function filters(result: AgreementResult) {
  const docIds = result.documents.map((d) => d.id);
  const annotators = result.annotators;
  return {
    overall: (figure: string): DisagreementFilter => ({
      docIds,
      annotators,
      agreements: true,
      title: figure,
    }),
    label: (label: string): DisagreementFilter => ({
      docIds,
      annotators,
      label,
      agreements: true,
      title: `label ${label}`,
    }),
    pair: (a: string, b: string): DisagreementFilter => ({
      docIds,
      annotators: [a, b],
      agreements: true,
      title: `pair ${a} | ${b}`,
    }),
    confusion: (a: string, b: string, rowLabel: string, colLabel: string): DisagreementFilter => ({
      docIds,
      annotators: [a, b],
      confusion: { a, b, rowLabel, colLabel },
      agreements: isAgreementCell(rowLabel, colLabel),
      title: `${a} ${rowLabel === 'O' ? 'no label' : rowLabel} × ${b} ${colLabel === 'O' ? 'no label' : colLabel}`,
    }),
    linkEnd: (docId: string, walk: LinkWalkChoice, title: string): DisagreementFilter => ({
      docIds: [docId],
      annotators: [walk.a, walk.b],
      agreements: true,
      title: `link end in ${title}`,
    }),
    document: (docId: string): DisagreementFilter => ({
      docIds: [docId],
      annotators,
      agreements: true,
      title: result.documents.find((d) => d.id === docId)?.title ?? docId,
    }),
  };
}

/** The agreement view: choose, compute in a worker (progress, Cancel), read, click through, save. */
export function AgreementPage({ hidden, onOpenDisagreements, onClose, onMessage }: AgreementPageProps) {
  const { db } = useServices();
  const documents = useLiveQuery(() => listDocuments(db), [db]) ?? [];
  const annotators = useLiveQuery(() => listStudyAnnotators(db), [db]) ?? [];
  const { state, run, cancel } = useAgreementRun();
  const result = state.kind === 'done' ? state.result : null;
  const f = result ? filters(result) : null;
  const [walk, setWalk] = useState<LinkWalkChoice | null>(null);
  // Compute is disabled while running, and a figure's click hides this view: the focus would fall to
  // the page. It goes to Cancel while running, then to the results (or the error), and back here.
  useEffect(() => {
    if (!hidden && focusLost()) focusHome();
  }, [state.kind, hidden]);
  return (
    <section className="agreement-page review-page" aria-label="Agreement" hidden={hidden}>
      <header className="review-header">
        <h2>Agreement</h2>
        <button type="button" onClick={onClose}>
          Back to annotating
        </button>
      </header>
      <SelectionPanel
        documents={documents}
        annotators={annotators}
        running={state.kind === 'running'}
        onRun={run}
      />
      {state.kind === 'running' && (
        <div className="agreement-progress" tabIndex={-1} data-focus-home="">
          <ProgressBar label="Computing agreement" value={state.fraction} />
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      {state.kind === 'failed' && (
        <div role="alert" className="agreement-error" tabIndex={-1} data-focus-home="">
          {state.message.split('\n').map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      {result && f && (
        <div className="agreement-result" tabIndex={-1} data-focus-home="" aria-label="Agreement results">
          {result.warnings.length > 0 && (
            <ul className="warnings" aria-label="Warnings">
              {result.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <ReportExport result={result} onMessage={onMessage} />
          <OverallFigures result={result} onOpen={(name) => onOpenDisagreements(f.overall(name))} />
          <LabelBars result={result} onOpen={(l) => onOpenDisagreements(f.label(l))} />
          <PairHeatmap result={result} onOpen={(a, b) => onOpenDisagreements(f.pair(a, b))} />
          <ConfusionMatrix
            result={result}
            onOpen={(a, b, x, y) => onOpenDisagreements(f.confusion(a, b, x, y))}
          />
          <LinkFigures result={result} onWalk={setWalk} />
          {walk && (
            <LinkWalk
              key={JSON.stringify(walk)}
              result={result}
              choice={walk}
              onOpenEnd={(end, title) => onOpenDisagreements(f.linkEnd(end.docId, walk, title))}
              onClose={() => setWalk(null)}
            />
          )}
          <DocumentTable result={result} onOpen={(id) => onOpenDisagreements(f.document(id))} />
        </div>
      )}
    </section>
  );
}
