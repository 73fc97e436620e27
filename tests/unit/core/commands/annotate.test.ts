import { describe, expect, it } from 'vitest';

import fc from 'fast-check';

import {
  applyCommand,
  applyCommandSorted,
  emptyHistory,
  invertCommand,
  recordCommand,
  redo,
  undo,
  type AnnotationCommand,
} from '../../../../renderer/src/core/commands/annotate';
import { compareSpans, type Span } from '../../../../renderer/src/core/model/span';

const s1: Span = { id: '1', start: 0, end: 4, label: 'claim', note: '' };
const s1quote: Span = { ...s1, label: 'quote', note: 'n' };

describe('annotation commands', () => {
  it('apply then apply the inverse restores the spans', () => {
    const cmds: AnnotationCommand[] = [
      { kind: 'create', span: s1 },
      { kind: 'update', before: s1, after: s1quote },
    ];
    let spans: Span[] = [];
    for (const c of cmds) spans = applyCommand(spans, c);
    expect(spans).toEqual([s1quote]);
    for (const c of [...cmds].reverse()) spans = applyCommand(spans, invertCommand(c));
    expect(spans).toEqual([]);
  });

  it('undo and redo walk the history', () => {
    let h = recordCommand(emptyHistory, { kind: 'create', span: s1 });
    h = recordCommand(h, { kind: 'delete', span: s1 });
    const u = undo(h);
    expect(u?.command).toEqual({ kind: 'create', span: s1 });
    const r = redo(u!.history);
    expect(r?.command).toEqual({ kind: 'delete', span: s1 });
    expect(redo(r!.history)).toBeNull();
    const u2 = undo(undo(h)!.history);
    expect(u2?.command).toEqual({ kind: 'delete', span: s1 });
    expect(undo(u2!.history)).toBeNull();
  });

  it('a new action clears the redo future', () => {
    const h = recordCommand(emptyHistory, { kind: 'create', span: s1 });
    const after = recordCommand(undo(h)!.history, { kind: 'create', span: s1quote });
    expect(after.future).toEqual([]);
  });

  it('saves of one edit session fold into one undo step; another session or span starts a new one', () => {
    const n = (note: string): Span => ({ ...s1, note });
    let h = recordCommand(emptyHistory, { kind: 'create', span: s1 });
    h = recordCommand(h, { kind: 'update', before: n(''), after: n('he') }, 'edit-1');
    h = recordCommand(h, { kind: 'update', before: n('he'), after: n('hedged') }, 'edit-1');
    expect(h.past).toEqual([
      { kind: 'create', span: s1 },
      { kind: 'update', before: n(''), after: n('hedged') },
    ]);
    expect(undo(h)?.command).toEqual({ kind: 'update', before: n('hedged'), after: n('') });
    const next = recordCommand(h, { kind: 'update', before: n('hedged'), after: n('hedged!') }, 'edit-2');
    expect(next.past).toHaveLength(3);
    // After an undo, typing on in the same field is a new step: the undone one stays redoable.
    const afterUndo = recordCommand(
      undo(h)!.history,
      { kind: 'update', before: n(''), after: n('x') },
      'edit-1',
    );
    expect(afterUndo.past).toHaveLength(2);
    const other: Span = { ...s1, id: '2' };
    const otherSpan = recordCommand(
      h,
      { kind: 'update', before: other, after: { ...other, note: 'o' } },
      'edit-1',
    );
    expect(otherSpan.past).toHaveLength(3);
  });
});

describe('applyCommandSorted', () => {
  it('keeps compareSpans order and matches apply-then-sort (property)', () => {
    const span = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      start: fc.nat(20),
      len: fc.integer({ min: 1, max: 5 }),
      label: fc.constantFrom('claim' as const, 'quote' as const, 'figure' as const),
    });
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), (raw) => {
        let sorted: Span[] = [];
        let reference: Span[] = [];
        for (const r of raw) {
          const s: Span = { id: r.id, start: r.start, end: r.start + r.len, label: r.label, note: '' };
          const existing = reference.find((x) => x.id === s.id);
          const cmd: AnnotationCommand = existing
            ? r.len % 2
              ? { kind: 'update', before: existing, after: s }
              : { kind: 'delete', span: existing }
            : { kind: 'create', span: s };
          sorted = applyCommandSorted(sorted, cmd);
          reference = applyCommand(reference, cmd).sort(compareSpans);
          expect(sorted).toEqual(reference);
        }
      }),
    );
  });
});
