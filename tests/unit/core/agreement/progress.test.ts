import { describe, expect, it } from 'vitest';

import { ANALYSIS_SHARE, computeAgreement } from '../../../../renderer/src/core/agreement/report';
import { syntheticStudy } from './synthetic';

// Issue 20: over 10,000 articles the unitizing figures take ~60 % of the time, and the bar used to
// stand at 95 % through all of it. Now they report label by label.
describe('agreement progress', () => {
  it('moves through the unitizing figures, label by label, monotonically to 1', () => {
    const seen: number[] = [];
    computeAgreement(syntheticStudy(20, 3, 10), { onProgress: (f) => seen.push(f) });
    const during = seen.filter((f) => f > ANALYSIS_SHARE && f < 1);
    // After each of the four labels: 1/4, 2/4, 3/4 of the report's share.
    for (const k of [1, 2, 3])
      expect(during.some((f) => Math.abs(f - (ANALYSIS_SHARE + ((1 - ANALYSIS_SHARE) * k) / 4)) < 1e-9)).toBe(
        true,
      );
    expect(seen.filter((f) => f <= ANALYSIS_SHARE).length).toBeGreaterThanOrEqual(4);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= (seen[i - 1] as number))).toBe(true);
  });
});
