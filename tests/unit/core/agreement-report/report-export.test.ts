import { describe, expect, it } from 'vitest';

import { computeAgreement } from '../../../../renderer/src/core/agreement/report';
import { csvField, reportToCsv } from '../../../../renderer/src/core/agreement-report/csv';
import { reportToHtml, reportToJson } from '../../../../renderer/src/core/agreement-report/html';
import { computeAgreementResult } from '../../../../renderer/src/core/agreement-report/result';
import {
  buildStudyInput,
  type AgreementSource,
} from '../../../../renderer/src/core/agreement-report/study-input';

const source: AgreementSource = {
  documents: [
    { id: 'd1', title: '<img src=x onerror=alert(1)> Minister', text: 'The minister said 42 per cent rose.' },
    { id: 'd2', title: '=HYPERLINK("http://evil")', text: 'Quiet text with nothing.' },
    { id: 'd3', title: 'Only ann', text: 'Ann alone read this.' },
  ],
  sets: [
    {
      docId: 'd1',
      annotator: 'ann',
      spans: [
        { start: 4, end: 12, label: 'claim' },
        { start: 18, end: 20, label: 'figure' },
      ],
    },
    { docId: 'd1', annotator: 'bob', spans: [{ start: 4, end: 12, label: 'quote' }] },
    { docId: 'd2', annotator: 'ann', spans: [] },
    { docId: 'd2', annotator: 'bob', spans: [] },
    { docId: 'd3', annotator: 'ann', spans: [{ start: 0, end: 3, label: 'claim' }] },
  ],
};

describe('buildStudyInput', () => {
  it('an empty set counts as read; a document some annotator lacks is left out and reported', () => {
    const s = buildStudyInput(source, ['bob', 'ann'], null);
    expect(s.input.documents.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(s.input.annotators).toEqual(['ann', 'bob']);
    expect(s.warnings).toEqual(['"Only ann" left out: no annotation by bob.']);
    expect(buildStudyInput(source, ['ann', 'bob'], ['d2']).input.documents.map((d) => d.id)).toEqual(['d2']);
  });

  it('same title, different text, is reported, not aligned', () => {
    const twin: AgreementSource = {
      documents: [
        { id: 'x1', title: 'Same', text: 'Version one.' },
        { id: 'x2', title: 'Same', text: 'Version two.' },
      ],
      sets: [
        { docId: 'x1', annotator: 'ann', spans: [] },
        { docId: 'x2', annotator: 'bob', spans: [] },
      ],
    };
    const s = buildStudyInput(twin, ['ann', 'bob'], null);
    expect(s.input.documents).toEqual([]);
    expect(s.warnings.at(-1)).toMatch(/2 different texts are titled "Same"/);
    expect(() => computeAgreementResult(twin, { docIds: null, annotators: ['ann', 'bob'] })).toThrow(
      RangeError,
    );
  });
});

describe('report files', () => {
  const result = computeAgreementResult(
    source,
    { docIds: null, annotators: ['ann', 'bob'] },
    undefined,
    new Date(0),
  );
  const { input } = buildStudyInput(source, ['ann', 'bob'], null);

  it('the result carries computeAgreement’s report, documents worst first and a confusion per pair', () => {
    expect(result.report).toEqual(computeAgreement(input));
    expect(result.documents.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(result.confusions).toHaveLength(1);
    expect(result.confusions[0]?.counts.flat().reduce((a, b) => a + b, 0)).toBe(result.report.n_tokens);
  });

  it('CSV: one row per figure; an undefined figure is empty with defined=false, never 0', () => {
    const csv = reportToCsv(result);
    const rows = csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe('section,figure,label,pair,value,defined,basis');
    const unused = rows.find((r) => r.startsWith('unitizing,alpha_u,speculation,'));
    expect(result.report.unitizing.per_label['speculation']).toBeNull();
    expect(unused).toMatch(/^unitizing,alpha_u,speculation,,,false,/);
    const kappa = rows.find((r) => r.startsWith('token,cohen_kappa,,ann|bob,'));
    expect(kappa?.split(',')[4]).toBe(String(result.report.token.cohen_kappa.pairs['ann|bob']));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"") (d2)"`);
  });

  it('csvField quotes and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField(null)).toBe('');
  });

  it('HTML: self-contained, no script, escaped titles, inline SVG, n/a with its reason', () => {
    const html = reportToHtml(result);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]+\s(src|href)=/i);
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; Minister');
    expect(html).toContain('<svg');
    expect(html).toContain('@media print');
    expect(html).toMatch(/n\/a — /);
  });

  it('JSON parses back to the same result', () => {
    expect(JSON.parse(reportToJson(result))).toEqual(JSON.parse(JSON.stringify(result)));
  });
});
