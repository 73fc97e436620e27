import { lazy, Suspense } from 'react';

import { Dialog } from '../../ui/Dialog';
import { Guidelines } from './Guidelines';
import './help.css';

const FormatDoc = lazy(() => import('./FormatDoc'));

const SHORTCUTS: readonly [string, string][] = [
  ['1 / 2 / 3 / 4', 'Tag the selection as claim / quote / figure / speculation'],
  ['Shift + arrows', 'Extend the selection by keyboard'],
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z or Ctrl+Y', 'Redo'],
  ['[ and ]', 'Previous / next document'],
  ['N', 'Next document not marked done'],
  ['Alt+↑ / Alt+↓', 'Previous / next document'],
  ['Ctrl+F', 'Find in the article (Enter / Shift+Enter: next / previous; Esc: select the match)'],
  ['W (in the article)', 'Snap selections to words, or not'],
  [
    'L (in the article)',
    'Link the span at the caret: go to the other span (here or in another article), Enter, then 1 same claim / 2 supports / 3 contradicts; Esc cancels',
  ],
  ['Tab from the top', 'Skip links: to the article, to the spans'],
  ['?', 'This list'],
];

/**
 * Keyboard shortcuts and the format documentation (bundled docs/format.md), its Markdown rendered
 * as React elements (Markdown.tsx): never as HTML.
 */
export function HelpDialog({
  open,
  section,
  onClose,
}: {
  open: boolean;
  section: 'keys' | 'format';
  onClose: () => void;
}) {
  return (
    <Dialog title={section === 'keys' ? 'Keyboard shortcuts' : 'File formats'} open={open} onClose={onClose}>
      {section === 'keys' ? (
        <>
          <table className="shortcuts">
            <tbody>
              {SHORTCUTS.map(([keys, what]) => (
                <tr key={keys}>
                  <th scope="row">
                    <kbd>{keys}</kbd>
                  </th>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Guidelines />
        </>
      ) : (
        <Suspense fallback={<p>Loading…</p>}>
          <FormatDoc />
        </Suspense>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
