/**
 * The bench's summary: every figure of the app beside the same figure of each baseline (the limits),
 * and the target. Printed as a table and written as Markdown (bench/results.md, the README's table).
 */
import { fmt, type Summary } from './stats';

interface OpenRow {
  chars: number;
  spans: number;
  app: Summary;
  mark: Summary;
  css: Summary;
  windowed: Summary;
  first_open_ms: number;
  ratio: number;
  windowed_ratio: number;
}

interface Side {
  p50_ms: number;
  p95_ms: number;
}

export interface Reported {
  meta: { runs: number };
  open: OpenRow[];
  label: Side & {
    spans: number;
    settled_p95_ms: number;
    p95_min_ms: number;
    p95_max_ms: number;
    mark: Side;
    css: Side;
    windowed: Side;
  };
  scroll: {
    chars: number;
    frames: number;
    p95_frame_ms: number;
    min_ms: number;
    max_ms: number;
    late_frames: number;
    mark_p95_frame_ms: number;
    css_p95_frame_ms: number;
    windowed_p95_frame_ms: number;
    css_late_frames: number;
    windowed_late_frames: number;
    during_layout: { p95_frame_ms: number; frames: number; late_frames: number };
  };
  memory: { chars: number; spans: number; heap_mb: number };
}

export const HEAD = ['figure', 'Marginalia', '<mark>', 'CSS.highlights', 'windowed', 'target'];

export function summaryRows(r: Reported): string[][] {
  const { label: l, scroll: s } = r;
  const k = (n: number): string => (n >= 1000 ? `${n / 1000}k` : String(n));
  return [
    ...r.open.map((o) => [
      `open ms, ${k(o.chars)} chars / ${k(o.spans)} spans`,
      `${fmt(o.app)} (first ${o.first_open_ms})`,
      fmt(o.mark),
      fmt(o.css),
      fmt(o.windowed),
      `≤ 1.5× the faster whole baseline (now ${o.ratio}×; ${o.windowed_ratio}× windowed)`,
    ]),
    [
      `label p50 / p95 ms, ${k(l.spans)} spans`,
      `${l.p50_ms} / ${l.p95_ms} (p95 ${l.p95_min_ms}–${l.p95_max_ms}; settled ${l.settled_p95_ms})`,
      `${l.mark.p50_ms} / ${l.mark.p95_ms}`,
      `${l.css.p50_ms} / ${l.css.p95_ms}`,
      `${l.windowed.p50_ms} / ${l.windowed.p95_ms}`,
      'p95 < 16',
    ],
    [
      `scroll p95 frame ms, ${k(s.chars)} chars`,
      `${s.p95_frame_ms} (${s.min_ms}–${s.max_ms}), ${s.frames} frames`,
      String(s.mark_p95_frame_ms),
      String(s.css_p95_frame_ms),
      String(s.windowed_p95_frame_ms),
      '< 16',
    ],
    [
      'scroll: frames showing a visible span unpainted',
      String(s.late_frames),
      '0 (painted with its text)',
      String(s.css_late_frames),
      String(s.windowed_late_frames),
      '0',
    ],
    [
      'scroll while the article is laid out: p95 frame ms, late frames',
      `${s.during_layout.p95_frame_ms}, ${s.during_layout.late_frames} of ${s.during_layout.frames}`,
      '–',
      '–',
      '–',
      '< 16, 0',
    ],
    [
      `JS heap MB after ${k(r.memory.chars)} / ${k(r.memory.spans)}`,
      String(r.memory.heap_mb),
      '–',
      '–',
      '–',
      '',
    ],
  ];
}

interface Range {
  ms: number;
  min_ms: number;
  max_ms: number;
}

/** The data figures (import, export, agreement, sync, suggestions): each beside its own limit. */
export interface DataReported {
  meta: { runs: number };
  import: Range & {
    lines: number;
    floor_ms: number;
    ratio: number;
    longest_task_ms: number;
    longest_task_max_ms: number;
  };
  export: Range & { spans: number };
  agreement: Range & { documents: number; annotators: number; spans_per_annotator: number };
  agreement_corpus?: Range & {
    documents: number;
    annotators: number;
    spans_per_annotator: number;
    read_ms?: number;
    /** The page's longest task over the runs (the worker reads and computes). */
    longest_task_ms?: number;
    progress_messages?: number;
  };
  export_corpus?: Range & {
    documents: number;
    annotators: number;
    floor_ms: number;
    ratio: number;
    heap_growth_mb?: number;
  };
  sync?: {
    documents: number;
    spans: number;
    initial_pull_ms: number;
    initial_pull_longest_task_ms: number;
    initial_pull_tasks_over_200_ms: number;
    lead_pull_ms: number;
    push_ms: number;
    visible_at_lead_ms: number;
    visible_at_lead_min_ms: number;
    visible_at_lead_max_ms: number;
  };
  suggest?: Range & { articles: number; p95_ms: number; queries: number };
  library?: {
    documents: number;
    start_ms: number;
    /** Navigation start to the whole library read (the first screens come first: start_ms). */
    complete_ms?: number;
    filter_ms: number;
    scroll_p95_frame_ms: number;
    scroll_empty_frames: number;
    heap_mb: number;
  };
}

export const DATA_HEAD = ['figure', 'Marginalia, median (min–max)', 'limit beside it', 'target'];

const range = (r: Range): string => `${r.ms} (${r.min_ms}–${r.max_ms})`;

/** Rows for what a run measured; a phase left out of the run (BENCH_PHASES) leaves out its rows. */
export function dataRows(r: DataReported): string[][] {
  const { import: i, agreement_corpus: ac, export_corpus: ec, sync: s, suggest: q, library: b } = r;
  return [
    [
      `import ${i.lines} lines ms`,
      `${range(i)}; longest task ${i.longest_task_ms} (max ${i.longest_task_max_ms})`,
      `floor ${i.floor_ms} (batched rows, one strict transaction, + parse): ${i.ratio}×`,
      '≤ 3× the floor, no task > 200',
    ],
    [`export ${r.export.spans} spans ms`, range(r.export), '–', ''],
    [
      `agreement ${r.agreement.documents}×${r.agreement.annotators}×${r.agreement.spans_per_annotator} ms`,
      range(r.agreement),
      '–',
      '',
    ],
    ...(ac
      ? [
          [
            `agreement ${ac.documents}×${ac.annotators}×${ac.spans_per_annotator} ms (read + Worker)`,
            ac.longest_task_ms === undefined ? range(ac) : `${range(ac)}; longest task ${ac.longest_task_ms}`,
            '–',
            '< 5000',
          ],
        ]
      : []),
    ...(ec
      ? [
          [
            `export ${ec.documents}×${ec.annotators} native JSONL streamed ms`,
            range(ec),
            `floor ${ec.floor_ms} (same bytes, same pieces): ${ec.ratio}×`,
            '≤ 2× the floor',
          ],
        ]
      : []),
    ...(s
      ? [
          [
            `sync: first pull of ${s.documents} assigned articles ms`,
            `${s.initial_pull_ms}; longest task ${s.initial_pull_longest_task_ms} (${s.initial_pull_tasks_over_200_ms} over 200)`,
            `the lead's pull ${s.lead_pull_ms}`,
            '< 30000, no task > 200',
          ],
          [`sync: push of ${s.spans} spans labelled offline ms`, String(s.push_ms), '–', ''],
          [
            'sync: labelled → in the lead’s Agreement ms',
            `${s.visible_at_lead_ms} (${s.visible_at_lead_min_ms}–${s.visible_at_lead_max_ms})`,
            '–',
            '< 2000',
          ],
        ]
      : []),
    ...(q
      ? [
          [
            `suggestions for one claim, ${q.articles} articles ms`,
            `${range(q)}; p95 ${q.p95_ms} over ${q.queries} queries`,
            '–',
            '< 300',
          ],
        ]
      : []),
    ...(b
      ? [
          [`library of ${b.documents}: start to an interactive list ms`, String(b.start_ms), '–', '< 1000'],
          ...(b.complete_ms === undefined
            ? []
            : [
                [
                  `library of ${b.documents}: start to the whole library read ms`,
                  String(b.complete_ms),
                  '–',
                  '–',
                ],
              ]),
          [`library of ${b.documents}: filter by title ms`, String(b.filter_ms), '–', '< 100'],
          [
            `library of ${b.documents}: scroll p95 frame ms, frames without rows`,
            `${b.scroll_p95_frame_ms}, ${b.scroll_empty_frames}`,
            '–',
            '< 16, 0',
          ],
          [`library of ${b.documents}: JS heap MB`, String(b.heap_mb), '–', '< 300'],
        ]
      : []),
  ];
}

export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const esc = (c: string): string => c.replace(/\|/g, '\\|').replace(/</g, '&lt;');
  return [
    `| ${head.map(esc).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}
