import formatDoc from '../../../../docs/format.md?raw';
import { Markdown } from './Markdown';

/**
 * The bundled docs/format.md, rendered. Loaded on demand (with marked), so the app's start-up
 * bundle does not carry them. The scroller is focusable, so keyboard users can scroll it.
 */
export default function FormatDoc() {
  return (
    <div className="format-doc" tabIndex={0} role="document" aria-label="File formats documentation">
      <Markdown source={formatDoc} />
    </div>
  );
}
