import { describe, expect, it } from 'vitest';

import { all, flag, opt, parseArgs, sw } from '../../../cli/args';

const SPECS = [opt('to', 'FORMAT'), opt('out', 'FILE'), opt('label-map', 'A=B', true), sw('with-utf16')];

describe('parseArgs', () => {
  it('reads declared options in both spellings, switches and positionals', () => {
    const a = parseArgs(['in.jsonl', '--to', 'spacy', '--out=x.jsonl', '--with-utf16'], SPECS);
    if (typeof a === 'string') throw new Error(a);
    expect(a.positional).toEqual(['in.jsonl']);
    expect(flag(a, 'to')).toBe('spacy');
    expect(flag(a, 'out')).toBe('x.jsonl');
    expect(a.flags.get('with-utf16')).toBe(true);
  });

  it('refuses unknown options, with a suggestion for a near miss', () => {
    expect(parseArgs(['--bogus'], SPECS)).toBe('Unknown option --bogus.');
    expect(parseArgs(['--with-utf61'], SPECS)).toBe(
      'Unknown option --with-utf61 (did you mean --with-utf16?).',
    );
    expect(parseArgs(['--tto=spacy'], SPECS)).toBe('Unknown option --tto (did you mean --to?).');
    // Single-dash words are not options here, and a guess for one letter is not offered.
    expect(parseArgs(['-o', 'x'], SPECS)).toBe('Unknown option -o.');
  });

  it('refuses a missing value, a value on a switch and a repeated single option', () => {
    expect(parseArgs(['--to'], SPECS)).toBe('--to needs a value (FORMAT).');
    expect(parseArgs(['--with-utf16=yes'], SPECS)).toBe('--with-utf16 does not take a value.');
    expect(parseArgs(['--to', 'a', '--to', 'b'], SPECS)).toBe('--to is given more than once.');
  });

  it('keeps every value of a repeatable option, in order', () => {
    const a = parseArgs(['--label-map', 'a=claim', '--label-map=b=quote'], SPECS);
    if (typeof a === 'string') throw new Error(a);
    expect(all(a, 'label-map')).toEqual(['a=claim', 'b=quote']);
    expect(flag(a, 'label-map')).toBe('b=quote');
  });

  it('takes everything after -- and a lone - as positionals', () => {
    const a = parseArgs(['-', '--', '--to', '-x'], SPECS);
    if (typeof a === 'string') throw new Error(a);
    expect(a.positional).toEqual(['-', '--to', '-x']);
    expect(a.flags.size).toBe(0);
  });

  it('does not mistake inherited object keys for options', () => {
    expect(parseArgs(['--constructor'], SPECS)).toBe('Unknown option --constructor.');
    expect(parseArgs(['--__proto__'], SPECS)).toBe('Unknown option --__proto__.');
  });
});
