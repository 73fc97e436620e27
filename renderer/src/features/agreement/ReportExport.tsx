import { reportToCsv } from '../../core/agreement-report/csv';
import { reportToHtml, reportToJson } from '../../core/agreement-report/html';
import type { AgreementResult } from '../../core/agreement-report/result';
import { useServices } from '../../session/providers';

const FORMATS = [
  ['CSV', 'csv', reportToCsv],
  ['JSON', 'json', reportToJson],
  ['HTML page', 'html', reportToHtml],
] as const;

/** Saves the report as CSV, JSON or a self-contained HTML page through the host. */
export function ReportExport({
  result,
  onMessage,
}: {
  result: AgreementResult;
  onMessage: (text: string, tone?: 'info' | 'error') => void;
}) {
  const { host } = useServices();
  const save = async (ext: string, make: (r: AgreementResult) => string) => {
    const stamp = result.computedAt.slice(0, 10);
    const saved = await host.saveExport({
      suggestedName: `agreement-${stamp}.${ext}`,
      content: make(result),
    });
    if (!saved.ok) onMessage(`The report was not saved: ${saved.error}`, 'error');
    else if (saved.value.saved)
      onMessage(`Report saved${saved.value.fileName ? ` as ${saved.value.fileName}` : ''}.`);
  };
  return (
    <div className="report-export" role="group" aria-label="Save the report">
      {FORMATS.map(([name, ext, make]) => (
        <button key={ext} type="button" onClick={() => void save(ext, make)}>
          Save report as {name}
        </button>
      ))}
    </div>
  );
}
