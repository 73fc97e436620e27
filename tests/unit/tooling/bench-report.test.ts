import { describe, expect, it } from 'vitest';

import { DATA_HEAD, dataRows, markdownTable, type DataReported } from '../../../bench/report';

const base: DataReported = {
  meta: { runs: 5 },
  import: {
    lines: 100_000,
    ms: 9000,
    min_ms: 8000,
    max_ms: 12000,
    floor_ms: 3000,
    ratio: 3,
    longest_task_ms: 120,
    longest_task_max_ms: 180,
  },
  export: { spans: 20_000, ms: 500, min_ms: 400, max_ms: 600 },
  agreement: { documents: 1000, annotators: 5, spans_per_annotator: 50, ms: 700, min_ms: 600, max_ms: 900 },
};

describe("the bench's data table (issue 20 item 6: each figure beside its limit)", () => {
  it('puts the import beside its floor and the ratio, with the target', () => {
    const [imp] = dataRows(base);
    expect(imp).toEqual([
      'import 100000 lines ms',
      '9000 (8000–12000); longest task 120 (max 180)',
      'floor 3000 (batched rows, one strict transaction, + parse): 3×',
      '≤ 3× the floor, no task > 200',
    ]);
  });

  it('has a row per measured phase only, corpus export beside its floor', () => {
    expect(dataRows(base)).toHaveLength(3);
    const rows = dataRows({
      ...base,
      agreement_corpus: {
        documents: 10_000,
        annotators: 3,
        spans_per_annotator: 50,
        ms: 4200,
        min_ms: 4000,
        max_ms: 5100,
      },
      export_corpus: {
        documents: 100_000,
        annotators: 3,
        ms: 8000,
        min_ms: 7000,
        max_ms: 9000,
        floor_ms: 4000,
        ratio: 2,
      },
    });
    expect(rows.map((r) => r[0])).toEqual([
      'import 100000 lines ms',
      'export 20000 spans ms',
      'agreement 1000×5×50 ms',
      'agreement 10000×3×50 ms (read + Worker)',
      'export 100000×3 native JSONL streamed ms',
    ]);
    expect(rows[3]?.[3]).toBe('< 5000');
    expect(rows[4]?.[2]).toBe('floor 4000 (same bytes, same pieces): 2×');
  });

  it('lists the library figures with their targets when the library phase ran', () => {
    const rows = dataRows({
      ...base,
      library: {
        documents: 1_000_000,
        start_ms: 800,
        complete_ms: 9_000,
        filter_ms: 40,
        scroll_p95_frame_ms: 12,
        scroll_empty_frames: 0,
        heap_mb: 120,
      },
    }).slice(3);
    expect(rows).toEqual([
      ['library of 1000000: start to an interactive list ms', '800', '–', '< 1000'],
      ['library of 1000000: start to the whole library read ms', '9000', '–', '–'],
      ['library of 1000000: filter by title ms', '40', '–', '< 100'],
      ['library of 1000000: scroll p95 frame ms, frames without rows', '12, 0', '–', '< 16, 0'],
      ['library of 1000000: JS heap MB', '120', '–', '< 300'],
    ]);
  });

  it('writes Markdown whose cells cannot break the table', () => {
    const md = markdownTable(DATA_HEAD, dataRows(base));
    const lines = md.split('\n');
    expect(lines).toHaveLength(2 + 3);
    for (const line of lines) expect(line.split(/(?<!\\)\|/)).toHaveLength(DATA_HEAD.length + 2);
    expect(md).toContain('≤ 3× the floor');
  });
});
