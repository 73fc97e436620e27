import { useEffect, useState } from 'react';

import { afterNextPaint } from './after-paint';

/**
 * False until the frame after the component mounted has painted. A view's reads that its first frame
 * does not show (the sidebar's live queries) start then: started at mount, their timers, reads and
 * re-renders ran between the open and its painted frame, or just after it (docs/performance.md).
 */
export function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let live = true;
    void afterNextPaint().then(() => live && setPainted(true));
    return () => {
      live = false;
    };
  }, []);
  return painted;
}
