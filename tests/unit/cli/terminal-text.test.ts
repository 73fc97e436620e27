import { describe, expect, it } from 'vitest';

import { createIo, type TextSink } from '../../../cli/io';
import { terminalSafe } from '../../../cli/terminal-text';

// eslint-disable-next-line no-control-regex -- looking for exactly these characters
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

const ATTACK =
  '\u001b]0;PWNED\u0007\u001b[41mred\u001b[0m\r\u001b[2KOK\u009b31m\u202eevil\u2066x\u2069\u007f';

function sink(isTTY = false): TextSink & { text: string } {
  const s = {
    text: '',
    isTTY,
    write(t: string) {
      s.text += t;
      return true;
    },
  };
  return s;
}

describe('terminalSafe', () => {
  it('escapes C0 (not tab), DEL, C1 and bidi controls as \\uXXXX, and leaves other text alone', () => {
    expect(terminalSafe(ATTACK)).toBe(
      '\\u001b]0;PWNED\\u0007\\u001b[41mred\\u001b[0m\\u000d\\u001b[2KOK\\u009b31m\\u202eevil\\u2066x\\u2069\\u007f',
    );
    const text = 'Tab\there: “quotes”, é, 👨‍👩‍👧, 𝔘, \\u001b stays as typed';
    expect(terminalSafe(text)).toBe(text);
    expect(terminalSafe(`a\u200fb`)).toBe('a\\u200fb');
    for (let c = 0; c < 0x3000; c++) {
      const out = terminalSafe(String.fromCharCode(c));
      expect(UNSAFE.test(out), `U+${c.toString(16)}`).toBe(false);
    }
  });

  it('keeps a JSON line valid JSON with the same value', () => {
    const value = { label: ATTACK, note: 'back\\slash\u0085\u202e', n: 1 };
    const line = terminalSafe(JSON.stringify(value));
    expect(UNSAFE.test(line)).toBe(false);
    expect(JSON.parse(line)).toEqual(value);
  });
});

describe('createIo: the one place output goes through', () => {
  it('escapes every line, a newline in data included, and keeps the program’s own line breaks', () => {
    const out = sink();
    const err = sink();
    const io = createIo(out, err);
    io.out(`ERROR x: the label "${ATTACK}"`, 'second line');
    io.out('a\nOK    forged.jsonl: would import 1 document(s)');
    io.err(`warning: ${ATTACK}`);
    expect(out.text.split('\n')).toEqual([
      `ERROR x: the label "${terminalSafe(ATTACK)}"`,
      'second line',
      'a\\u000aOK    forged.jsonl: would import 1 document(s)',
      '',
    ]);
    expect(err.text).toBe(`warning: ${terminalSafe(ATTACK)}\n`);
    const status = io.usageError(`Unknown command "${ATTACK}".`, 'Usage: a\n  b');
    expect(status).toBe(64);
    expect(err.text.endsWith(`Unknown command "${terminalSafe(ATTACK)}".\n\nUsage: a\n  b\n`)).toBe(true);
  });

  it('writes exported data as is to a pipe or file, escaped (records kept apart) to a terminal', () => {
    const data = `${JSON.stringify({ text: 'a\u0085b\u202ec' })}\n${JSON.stringify({ text: 'd' })}\n`;
    const pipe = sink(false);
    createIo(pipe, sink()).write(data);
    expect(pipe.text).toBe(data);
    const tty = sink(true);
    createIo(tty, sink()).write(data);
    expect(UNSAFE.test(tty.text.replace(/\n/g, ''))).toBe(false);
    expect(
      tty.text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
    ).toEqual([{ text: 'a\u0085b\u202ec' }, { text: 'd' }]);
  });
});
