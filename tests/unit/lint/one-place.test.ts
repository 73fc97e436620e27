import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

/** Every source file of the renderer, with its path from the repository root. */
function sources(dir = 'renderer/src'): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) ? [{ path, text: readFileSync(path, 'utf8') }] : [];
  });
}

const where = (re: RegExp): string[] =>
  sources()
    .filter((f) => re.test(f.text))
    .map((f) => f.path);

// Issue 17: one place per rule and per row.
describe('one place per rule and per row', () => {
  it('span and document rows are built only in db/rows.ts (spanToRow, documentToRow)', () => {
    expect(where(/:\s*(SpanRow|DocumentRow)\s*=\s*\{/)).toEqual(['renderer/src/db/rows.ts']);
    expect(where(/\.documents\.(add|bulkAdd|put|bulkPut)\(\s*(\{|\w+\.map\(\s*\(\w+\)\s*=>\s*\(\{)/)).toEqual(
      [],
    );
    expect(where(/\.spans\.(add|bulkAdd|put|bulkPut)\(\s*\{/)).toEqual([]);
  });

  it('the duplicate span rule and its message live only in core/model/span.ts', () => {
    expect(where(/span already exists\.`/)).toEqual(['renderer/src/core/model/span.ts']);
    // Outside core, the rule is called (sameExtentAndLabel, duplicateOf), never written out again.
    const outsideCore = where(
      /\.start === \w+\.start && \w+\.end === \w+\.end && \w+\.label === \w+\.label/,
    ).filter((p) => !p.startsWith('renderer/src/core/'));
    expect(outsideCore).toEqual([]);
  });

  it('there is exactly one persisted command queue: WriteQueue, made only by the session stores', () => {
    // The engine that persists user writes in order and checks read-only once.
    expect(where(/class \w*(Queue|Outbox|Pending)\w*\b/)).toEqual([
      'renderer/src/session/commands/write-queue.ts',
    ]);
    expect(where(/new WriteQueue\(/)).toEqual(['renderer/src/session/commands/stores.ts']);
    // Every command store and the session's other writes get their queue from those factories.
    expect(where(/new CommandStore\b/)).toEqual(['renderer/src/session/commands/stores.ts']);
    expect(where(/new UserWrites\(/)).toEqual(['renderer/src/session/commands/stores.ts']);
  });
});
