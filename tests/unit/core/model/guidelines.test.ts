import { describe, expect, it } from 'vitest';

import { checkSnapshot } from '../../../../renderer/src/core/backup/backup-rules';
import type { DatabaseSnapshot } from '../../../../renderer/src/core/backup/snapshot';
import { exportToStrings } from '../../../../renderer/src/core/formats/export';
import { parseImportFile } from '../../../../renderer/src/core/formats/import';
import {
  DEFAULT_GUIDELINES,
  guidelineHint,
  guidelinesOrDefault,
  parseGuidelines,
} from '../../../../renderer/src/core/model/guidelines';
import { makeDocument } from '../formats/corpus';

const edited = {
  ...DEFAULT_GUIDELINES,
  claim: { definition: '  A checkable statement.  ', examples: ['The tax rose.', '  ', 'Sales fell 3%.'] },
};

describe('label guidelines (issue 19, guidelines at hand)', () => {
  it('are checked: every label, a definition, a few short examples; the error names the label', () => {
    const r = parseGuidelines(edited);
    expect(r.ok && r.value.claim).toEqual({
      definition: 'A checkable statement.',
      examples: ['The tax rose.', 'Sales fell 3%.'],
    });
    const bad = (x: unknown) => {
      const p = parseGuidelines(x);
      return p.ok ? null : p.error;
    };
    expect(bad({ ...edited, quote: undefined })).toBe('The guideline of quote is missing.');
    expect(bad({ ...edited, figure: { definition: ' ', examples: [] } })).toBe(
      'The guideline of figure needs a definition.',
    );
    expect(bad({ ...edited, claim: { definition: 'x', examples: [1] } })).toBe(
      'The examples of claim are not a list of texts.',
    );
    expect(bad({ ...edited, rumour: { definition: 'x', examples: [] } })).toMatch(/rumour/);
    expect(bad({ ...edited, claim: { definition: 'x'.repeat(401), examples: [] } })).toMatch(
      /longer than 400/,
    );
    expect(guidelinesOrDefault({ nonsense: true })).toBe(DEFAULT_GUIDELINES);
    expect(guidelineHint('claim', '1', DEFAULT_GUIDELINES.claim)).toBe(
      `Tag the selection as claim (key 1)\n${DEFAULT_GUIDELINES.claim.definition}\n  e.g. ${DEFAULT_GUIDELINES.claim.examples[0]}`,
    );
  });

  it('travel with a native export as its project line, which an import reads without applying', () => {
    const text = 'The tax rose.';
    const doc = makeDocument(text, 0, 'Tax');
    const guidelines = parseGuidelines(edited);
    if (!guidelines.ok) throw new Error(guidelines.error);
    const out = exportToStrings(
      {
        documents: [doc],
        sets: [
          {
            docId: doc.id,
            annotator: 'alice',
            status: 'done',
            spans: [{ id: 's', start: 0, end: 12, label: 'claim', note: '' }],
          },
        ],
      },
      { format: 'native', guidelines: guidelines.value },
    );
    if (!out.ok) throw new Error(out.error.message);
    const lines = out.value.files[0]!.text.trim().split('\n');
    expect(lines).toHaveLength(2);
    const project = JSON.parse(lines[0]!) as { record: string; meta: { guidelines: unknown } };
    expect(project.record).toBe('project');
    expect(project.meta.guidelines).toEqual(guidelines.value);
    const back = parseImportFile({
      name: 'x.jsonl',
      bytes: new TextEncoder().encode(out.value.files[0]!.text),
    });
    expect(back.ok).toBe(true);
    expect(back.errors).toEqual([]);
    expect(back.annotations).toHaveLength(1);
    expect(back.summary.join('\n')).toMatch(/carries label guidelines \(line 1\)/);
    // Without guidelines, no project line.
    const plain = exportToStrings(
      { documents: [doc], sets: [{ docId: doc.id, annotator: 'alice', status: 'done', spans: [] }] },
      { format: 'native' },
    );
    expect(plain.ok && plain.value.files[0]!.text.includes('"record":"project"')).toBe(false);
  });

  it('travel with backups (a setting), and a restore refuses malformed ones', () => {
    const snap = (guidelines: unknown): DatabaseSnapshot => ({
      schemaVersion: 2,
      documents: [],
      annotations: [],
      statuses: [],
      settings: { guidelines },
      spanExtras: {},
      extraTables: {},
    });
    expect(checkSnapshot(snap(edited)).ok).toBe(true);
    const bad = checkSnapshot(snap({ claim: 'x' }));
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.error).toMatch(/"guidelines"/);
  });
});
