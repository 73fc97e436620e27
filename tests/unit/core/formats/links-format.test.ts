import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { exportToStrings, planExport } from '../../../../renderer/src/core/formats/export';
import type {
  ExportDataset,
  ExportFormat,
  ExportLink,
  ExportOptions,
} from '../../../../renderer/src/core/formats/export-types';
import { parseImportFile } from '../../../../renderer/src/core/formats/import';
import type { ImportResult } from '../../../../renderer/src/core/formats/import-types';
import {
  compareLinks,
  linkKey,
  RELATIONS,
  type LinkEndpoint,
} from '../../../../renderer/src/core/links/link';
import { arbDataset, bytes, makeDocument } from './corpus';

function exported(data: ExportDataset, options: ExportOptions) {
  const out = exportToStrings(data, options);
  if (!out.ok) throw new Error(out.error.message);
  return out.value;
}

function reimport(data: ExportDataset, options: ExportOptions): ImportResult {
  const file = exported(data, options).files[0];
  if (!file) throw new Error('no output');
  return parseImportFile({ name: file.name, bytes: bytes(file.text) });
}

/** A dataset with links between spans of the same annotator (distinct ends, no duplicate links). */
const arbLinked: fc.Arbitrary<ExportDataset> = arbDataset.chain((data) => {
  const ends = new Map<string, LinkEndpoint[]>();
  for (const set of data.sets) {
    const mine = ends.get(set.annotator) ?? [];
    for (const s of set.spans) mine.push({ docId: set.docId, start: s.start, end: s.end });
    ends.set(set.annotator, mine);
  }
  const candidates = [...ends].filter(([, list]) => list.length >= 2);
  if (candidates.length === 0) return fc.constant(data);
  const one = fc.constantFrom(...candidates).chain(([annotator, list]) =>
    fc
      .tuple(
        fc.nat({ max: list.length - 1 }),
        fc.nat({ max: list.length - 1 }),
        fc.constantFrom(...RELATIONS),
        fc.constantFrom('', 'see 😀 p. 3', 'שלום'),
      )
      .map(([i, j, relation, note]) => ({
        annotator,
        from: list[i] as LinkEndpoint,
        to: list[j] as LinkEndpoint,
        relation,
        note,
      })),
  );
  return fc.array(one, { maxLength: 6 }).map((raw) => {
    const seen = new Set<string>();
    const links: ExportLink[] = [];
    for (const l of raw) {
      const key = `${l.annotator}|${linkKey(l)}`;
      const same = l.from.docId === l.to.docId && l.from.start === l.to.start && l.from.end === l.to.end;
      if (same || seen.has(key)) continue;
      seen.add(key);
      links.push({ id: `link-${links.length}`, ...l });
    }
    return { ...data, links };
  });
});

const sortedLinks = (links: readonly ExportLink[]) => [...links].sort(compareLinks);

describe('links in native JSONL', () => {
  it('round-trips losslessly, and re-exports byte for byte', () => {
    fc.assert(
      fc.property(arbLinked, (data) => {
        const options: ExportOptions = { format: 'native' };
        const first = exported(data, options);
        expect(first.summary.links ?? 0).toBe(data.links?.length ?? 0);
        if (data.sets.length === 0) return; // nothing to write: an empty file
        const r = parseImportFile({ name: 'x.jsonl', bytes: bytes(first.files[0]?.text ?? '') });
        expect(r.errors).toEqual([]);
        expect(sortedLinks(r.links)).toEqual(sortedLinks(data.links ?? []));
        const again = exported(
          {
            documents: r.documents.map((d, order) => ({ ...d, order })),
            sets: r.annotations.map((a) => ({
              docId: a.docId,
              annotator: a.annotator ?? '',
              status: a.status ?? 'in_progress',
              spans: a.spans,
              ...(a.recordMeta ? { recordMeta: a.recordMeta } : {}),
            })),
            links: r.links,
          },
          options,
        );
        expect(again.files[0]?.text).toBe(first.files[0]?.text);
      }),
      { numRuns: 60 },
    );
  });

  it('writes each link as its own line after the documents, in the issue’s shape', () => {
    const doc = makeDocument('OpenAI will keep working with Scale AI. OpenAI is winding it down.');
    const other = makeDocument('OpenAI cut ties with Scale AI.', 1);
    const data: ExportDataset = {
      documents: [doc, other],
      sets: [
        {
          docId: doc.id,
          annotator: 'alice',
          status: 'done',
          spans: [{ id: 's1', start: 0, end: 38, label: 'claim', note: '' }],
        },
        {
          docId: other.id,
          annotator: 'alice',
          status: 'done',
          spans: [{ id: 's2', start: 0, end: 29, label: 'claim', note: '' }],
        },
      ],
      links: [
        {
          id: 'l1',
          annotator: 'alice',
          relation: 'contradicts',
          from: { docId: doc.id, start: 0, end: 38 },
          to: { docId: other.id, start: 0, end: 29 },
          note: 'opposite',
        },
      ],
    };
    const lines = (exported(data, { format: 'native' }).files[0]?.text ?? '').trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(
      `{"schema_version":1,"record":"link","id":"l1","annotator":"alice","relation":"contradicts",` +
        `"from":{"doc_id":"${doc.id}","start":0,"end":38},"to":{"doc_id":"${other.id}","start":0,"end":29},"note":"opposite"}`,
    );
  });

  it('keeps a gold link’s provenance', () => {
    const doc = makeDocument('One claim here. Another claim there.');
    const spans = [
      { id: 'g1', start: 0, end: 15, label: 'claim' as const, note: '' },
      { id: 'g2', start: 16, end: 36, label: 'claim' as const, note: '' },
    ];
    const link: ExportLink = {
      id: 'gl1',
      annotator: 'gold',
      relation: 'same_claim',
      from: { docId: doc.id, start: 0, end: 15 },
      to: { docId: doc.id, start: 16, end: 36 },
      note: '',
      provenance: {
        proposedBy: ['alice', 'bob'],
        decidedBy: 'lead',
        decidedAt: '2025-01-02T03:04:05.000Z',
        action: 'agreed',
        decision: 'agreed:link:x',
        reason: 'guideline_gap',
      },
    };
    const r = reimport(
      {
        documents: [doc],
        sets: [{ docId: doc.id, annotator: 'gold', status: 'done', spans }],
        links: [link],
      },
      { format: 'native' },
    );
    expect(r.links).toEqual([link]);
  });
});

describe('links in W3C Web Annotation', () => {
  for (const w3cUnit of ['codepoint', 'utf16'] as const) {
    it(`round-trip as linking annotations whose targets are the two spans (${w3cUnit})`, () => {
      fc.assert(
        fc.property(arbLinked, (data) => {
          const out = exported(data, { format: 'w3c', w3cUnit });
          if (data.sets.length === 0) return;
          const json = JSON.parse(out.files[0]?.text ?? '{}') as {
            total: number;
            first: { items: { motivation: string; target: unknown }[] };
          };
          const linking = json.first.items.filter((a) => a.motivation === 'linking');
          expect(linking).toHaveLength(data.links?.length ?? 0);
          for (const a of linking) expect(a.target).toHaveLength(2);
          const r = parseImportFile({ name: 'x.jsonld', bytes: bytes(out.files[0]?.text ?? '') });
          expect(r.errors).toEqual([]);
          expect(sortedLinks(r.links)).toEqual(sortedLinks(data.links ?? []));
        }),
        { numRuns: 40 },
      );
    });
  }
});

describe('formats that cannot hold links', () => {
  const doc = makeDocument('First claim. Second claim.');
  const data: ExportDataset = {
    documents: [doc],
    sets: [
      {
        docId: doc.id,
        annotator: 'alice',
        status: 'done',
        spans: [
          { id: 'a', start: 0, end: 12, label: 'claim', note: '' },
          { id: 'b', start: 13, end: 26, label: 'claim', note: '' },
        ],
      },
    ],
    links: [
      {
        id: 'l',
        annotator: 'alice',
        relation: 'supports',
        from: { docId: doc.id, start: 0, end: 12 },
        to: { docId: doc.id, start: 13, end: 26 },
        note: '',
      },
    ],
  };
  for (const format of ['spacy', 'doccano', 'bio', 'labelstudio', 'brat'] as ExportFormat[]) {
    it(`${format} says the links were left out`, () => {
      const { summary } = exported(data, { format });
      expect(summary.links).toBe(0);
      expect(summary.notes.some((n) => n.startsWith('1 link(s) between spans left out'))).toBe(true);
    });
  }
  it('native and W3C say nothing was left out', () => {
    for (const format of ['native', 'w3c'] as const) {
      const { summary } = exported(data, { format });
      expect(summary.links).toBe(1);
      expect(summary.notes.some((n) => n.includes('left out'))).toBe(false);
    }
  });
});

describe('the export self-check of links', () => {
  const doc = makeDocument('First claim. Second claim.');
  const sets = [
    {
      docId: doc.id,
      annotator: 'alice',
      status: 'done' as const,
      spans: [{ id: 'a', start: 0, end: 12, label: 'claim' as const, note: '' }],
    },
    {
      docId: doc.id,
      annotator: 'bob',
      status: 'done' as const,
      spans: [{ id: 'b', start: 13, end: 26, label: 'claim' as const, note: '' }],
    },
  ];
  const link = (over: Partial<ExportLink>): ExportLink => ({
    id: 'l',
    annotator: 'alice',
    relation: 'supports',
    from: { docId: doc.id, start: 0, end: 12 },
    to: { docId: doc.id, start: 13, end: 26 },
    note: '',
    ...over,
  });

  it('refuses a link whose end is another annotator’s span, before anything is written', () => {
    const r = planExport({ documents: [doc], sets, links: [link({})] }, { format: 'native' });
    expect(r.ok ? null : r.error.message).toBe('Link l (alice): to: alice has no span at 13–26 in "Doc 0".');
  });

  it('refuses a link into a document that is not exported', () => {
    const r = planExport(
      {
        documents: [doc],
        sets,
        links: [link({ to: { docId: `sha256:${'0'.repeat(64)}`, start: 0, end: 1 } })],
      },
      { format: 'native' },
    );
    expect(r.ok ? null : r.error.message).toBe(
      'Link l (alice): to: the document sha256:000000000000… is not in the export.',
    );
  });
});
