import type { Candidate } from '../../core/model/decisions';
import { labelDisplay } from '../../core/model/label-display';
import type { CodePointIndex } from '../../core/text/code-points';
import { quoted } from '../../core/text/quoted';
import { LabelMark } from '../../ui/LabelMark';

const EXCERPT = 80;

/**
 * The agreed spans behind the figure that was clicked (every annotator marked them identically):
 * they are not decisions, but an agreement figure rests on them.
 */
export function AgreedList({
  agreed,
  index,
  inGold,
}: {
  agreed: readonly Candidate[];
  index: CodePointIndex;
  inGold: (c: Candidate) => boolean;
}) {
  return (
    <details className="agreed-list" open={agreed.length > 0 && agreed.length <= 20}>
      <summary>
        Agreements behind this figure here: {agreed.length} span{agreed.length === 1 ? '' : 's'} all
        annotators marked alike
      </summary>
      <ul aria-label="Agreements">
        {agreed.map((c) => {
          const end = Math.min(c.end, c.start + EXCERPT);
          return (
            <li key={`${c.label}@${c.start}-${c.end}`} className={`lab-${c.label}`}>
              <LabelMark name={c.label} letter={labelDisplay(c.label).letter} /> {c.label} {c.start}–{c.end}{' '}
              {quoted(index.slice(c.start, end) + (end < c.end ? '…' : ''))} · {c.proposers.join(', ')}
              {inGold(c) && <span className="hint"> · in gold</span>}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
