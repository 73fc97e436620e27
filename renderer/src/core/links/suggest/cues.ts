import { Analyzer, type Word } from './terms';

/**
 * Contradiction cues without a model: antonym groups (a sentence that says "continue" against one
 * that says "wind down") and negation ("will" against "will not"). Each sentence gets a compact
 * signature — per group whether it leans to one side, the other or both, and whether it holds a
 * negation — so the index stores 4 bytes per sentence and compares two sentences in O(1).
 */
interface CueGroup {
  readonly name: string;
  /** Phrases as written; each is matched as a sequence of stemmed words. */
  readonly plus: readonly string[];
  readonly minus: readonly string[];
}

export const CUE_GROUPS: readonly CueGroup[] = [
  {
    name: 'continue ↔ end',
    plus: [
      'continue',
      'continuation',
      'keep',
      'remain',
      'maintain',
      'retain',
      'stay',
      'persist',
      'reaffirm',
      'renew',
      'extend',
      'intact',
      'ongoing',
      'still',
      'commitment',
      'sustain',
      'resume',
      'preserve',
    ],
    minus: [
      'end',
      'stop',
      'cease',
      'halt',
      'terminate',
      'termination',
      'wind down',
      'winding down',
      'phase out',
      'phasing out',
      'cut ties',
      'sever',
      'dissolve',
      'dissolution',
      'abandon',
      'quit',
      'drop',
      'exit',
      'pull out',
      'walk away',
      'scale back',
      'discontinue',
      'suspend',
      'break off',
      'part ways',
      'diminish',
      'reduce',
      'move away',
      'no longer',
    ],
  },
  {
    name: 'increase ↔ decrease',
    plus: [
      'increase',
      'rise',
      'grow',
      'growth',
      'expand',
      'boost',
      'raise',
      'surge',
      'climb',
      'gain',
      'higher',
    ],
    minus: [
      'decrease',
      'fall',
      'decline',
      'shrink',
      'slash',
      'lower',
      'plunge',
      'drop off',
      'loss',
      'lose',
      'slump',
    ],
  },
  {
    name: 'approve ↔ reject',
    plus: ['approve', 'accept', 'confirm', 'endorse', 'back', 'agree', 'allow', 'permit', 'sign'],
    minus: ['reject', 'deny', 'refuse', 'block', 'veto', 'oppose', 'dismiss', 'ban', 'forbid', 'refute'],
  },
  {
    name: 'win ↔ lose',
    plus: ['win', 'won', 'victory', 'succeed', 'success'],
    minus: ['defeat', 'fail', 'failure', 'lost', 'concede'],
  },
  {
    name: 'true ↔ false',
    plus: ['true', 'accurate', 'correct', 'real', 'genuine'],
    minus: ['false', 'inaccurate', 'incorrect', 'fake', 'untrue', 'misleading', 'wrong', 'hoax'],
  },
  {
    name: 'open ↔ close',
    plus: ['open', 'launch', 'start', 'begin', 'hire', 'join'],
    minus: ['close', 'shut', 'shut down', 'fire', 'lay off', 'leave', 'resign'],
  },
];

const NEGATORS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without']);

type Phrase = { readonly terms: readonly string[]; readonly group: number; readonly side: 1 | 2 };

/** Phrases indexed by their first stemmed term. */
const PHRASES: ReadonlyMap<string, readonly Phrase[]> = (() => {
  const map = new Map<string, Phrase[]>();
  const analyzer = new Analyzer();
  CUE_GROUPS.forEach((g, group) => {
    for (const [list, side] of [
      [g.plus, 1],
      [g.minus, 2],
    ] as const) {
      for (const p of list) {
        const terms = analyzer.words(p).map((w) => w.stem);
        const first = terms[0] as string;
        map.set(first, [...(map.get(first) ?? []), { terms, group, side }]);
      }
    }
  });
  return map;
})();

/** Bit of the signature saying the sentence holds a negation. */
export const NEGATED = 1 << 30;
/** Negators act on a cue within this many words after them ("will not continue", "no longer"). */
const SCOPE = 3;

/**
 * The cue signature of a text's words (`Analyzer.words`): for group g, bit 2g set when it leans to
 * the group's first side, bit 2g+1 for the second; a negator shortly before a cue flips its side
 * ("will not continue" leans to "end"); NEGATED when any negator is present. O(words).
 */
export function cueSignature(ws: readonly Word[]): number {
  let sig = 0;
  let lastNegator = -Infinity;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as Word;
    if (NEGATORS.has(w.norm)) {
      sig |= NEGATED;
      lastNegator = i;
    }
    const phrases = PHRASES.get(w.stem);
    if (phrases === undefined) continue;
    for (const p of phrases) {
      if (!p.terms.every((t, k) => ws[i + k]?.stem === t)) continue;
      // "no longer" is a cue of its own, not "longer" negated.
      const negated = i - lastNegator <= SCOPE && !(p.terms.length > 1 && lastNegator === i);
      const side = negated ? (p.side === 1 ? 2 : 1) : p.side;
      sig |= 1 << (2 * p.group + side - 1);
    }
  }
  return sig;
}

/** The side a signature leans to in group g: 1, 2, or 0 for neither or both. */
function lean(sig: number, g: number): 0 | 1 | 2 {
  const bits = (sig >>> (2 * g)) & 3;
  return bits === 1 ? 1 : bits === 2 ? 2 : 0;
}

/**
 * Why two texts may contradict each other: the groups where they lean to opposite sides, e.g.
 * "continue ↔ end"; or, when no group speaks, "negation" when exactly one of them is negated.
 * Empty when nothing points to a contradiction. O(groups).
 */
export function contradictionCues(a: number, b: number): string[] {
  const out: string[] = [];
  CUE_GROUPS.forEach((g, i) => {
    const x = lean(a, i);
    const y = lean(b, i);
    if (x !== 0 && y !== 0 && x !== y) out.push(g.name);
  });
  if (out.length === 0 && (a & NEGATED) !== (b & NEGATED)) out.push('negation');
  return out;
}

/** Whether two texts lean the same way in some group (both "end", say): a sign of one claim. */
export function agreementCues(a: number, b: number): string[] {
  const out: string[] = [];
  CUE_GROUPS.forEach((g, i) => {
    const x = lean(a, i);
    if (x !== 0 && x === lean(b, i)) out.push(g.name);
  });
  return out;
}
