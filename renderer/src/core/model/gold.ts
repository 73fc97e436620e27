import type { Span } from './span';

/** The annotator name gold spans are stored under (an annotator like any other for agreement). */
export const GOLD_ANNOTATOR = 'gold';

/** Why an adjudicator decided as they did; optional, recorded with the decision. */
export const ADJUDICATION_REASONS = ['ambiguous_text', 'guideline_gap', 'annotator_error'] as const;
export type AdjudicationReason = (typeof ADJUDICATION_REASONS)[number];

export const REASON_TITLES: Readonly<Record<AdjudicationReason, string>> = {
  ambiguous_text: 'Ambiguous text',
  guideline_gap: 'Guideline gap',
  annotator_error: 'Annotator error',
};

/** How a gold span came to be. */
export type GoldAction = 'agreed' | 'accepted' | 'majority' | 'edited';

/**
 * Where a gold span comes from: who proposed it (annotators whose span had exactly these offsets
 * and label; for an edited span, those whose span it was edited from), who decided, when (ISO 8601)
 * and through which decision (`decision` = the decision's id, so a decision finds its gold again).
 */
export interface GoldProvenance {
  readonly proposedBy: readonly string[];
  readonly decidedBy: string;
  readonly decidedAt: string;
  readonly action: GoldAction;
  readonly decision: string;
  readonly reason?: AdjudicationReason;
  /** The notes of the annotators' spans it was made from, in proposer order (absent: none). */
  readonly notes?: readonly AuthoredNote[];
  /** The annotators who marked their span "unsure" (absent: none). */
  readonly unsureBy?: readonly string[];
}

export interface AuthoredNote {
  readonly annotator: string;
  readonly note: string;
}

/** What a gold span keeps of the annotators' spans behind it. */
export interface CarriedRemarks {
  readonly note: string;
  readonly unsure: boolean;
  readonly notes: readonly AuthoredNote[];
  readonly unsureBy: readonly string[];
}

/**
 * The notes and "unsure" flags of the annotators' spans a gold span is made from, each with who
 * wrote it: the gold note is one `annotator: note` line per note (so a lead reading gold sees who
 * said what), and the structured list goes to the provenance. Unsure if any of them was.
 */
export function carriedRemarks(
  sources: readonly { readonly annotator: string; readonly note: string; readonly unsure?: boolean }[],
): CarriedRemarks {
  const notes: AuthoredNote[] = [];
  const unsureBy: string[] = [];
  for (const s of sources) {
    const note = s.note.trim();
    if (note && !notes.some((n) => n.annotator === s.annotator && n.note === note))
      notes.push({ annotator: s.annotator, note });
    if (s.unsure && !unsureBy.includes(s.annotator)) unsureBy.push(s.annotator);
  }
  return {
    note: notes.map((n) => `${n.annotator}: ${n.note}`).join('\n'),
    unsure: unsureBy.length > 0,
    notes,
    unsureBy,
  };
}

const isAuthoredNotes = (x: unknown): x is AuthoredNote[] =>
  Array.isArray(x) &&
  x.every(
    (n) =>
      !!n &&
      typeof n === 'object' &&
      typeof (n as Record<string, unknown>)['annotator'] === 'string' &&
      typeof (n as Record<string, unknown>)['note'] === 'string',
  );

export type GoldSpan = Span & { readonly provenance: GoldProvenance };

/** A decision that no span belongs in gold; kept so the decision counts as made. */
export interface Rejection {
  readonly decision: string;
  readonly decidedBy: string;
  readonly decidedAt: string;
  readonly reason?: AdjudicationReason;
}

const isStringArray = (x: unknown): x is string[] =>
  Array.isArray(x) && x.every((s) => typeof s === 'string');

/** Run-time check of provenance read back from storage (rows written by older code lack it). */
export function isGoldProvenance(x: unknown): x is GoldProvenance {
  if (!x || typeof x !== 'object') return false;
  const p = x as Record<string, unknown>;
  return (
    isStringArray(p['proposedBy']) &&
    typeof p['decidedBy'] === 'string' &&
    typeof p['decidedAt'] === 'string' &&
    typeof p['decision'] === 'string' &&
    ['agreed', 'accepted', 'majority', 'edited'].includes(p['action'] as string) &&
    (p['reason'] === undefined || (ADJUDICATION_REASONS as readonly unknown[]).includes(p['reason'])) &&
    (p['notes'] === undefined || isAuthoredNotes(p['notes'])) &&
    (p['unsureBy'] === undefined || isStringArray(p['unsureBy']))
  );
}

/**
 * The provenance of a document's gold spans as written to an export's `meta.gold` (docs/format.md):
 * span id → snake_case record. Keys are span ids, so every format that carries `meta` and span ids
 * keeps the link.
 */
export function goldProvenanceMeta(spans: readonly GoldSpan[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of spans) {
    const p = s.provenance;
    Object.defineProperty(out, s.id, {
      value: {
        proposed_by: [...p.proposedBy],
        decided_by: p.decidedBy,
        decided_at: p.decidedAt,
        action: p.action,
        decision: p.decision,
        ...(p.reason ? { reason: p.reason } : {}),
        ...(p.notes && p.notes.length > 0
          ? { notes: p.notes.map((n) => ({ annotator: n.annotator, note: n.note })) }
          : {}),
        ...(p.unsureBy && p.unsureBy.length > 0 ? { unsure_by: [...p.unsureBy] } : {}),
      },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
