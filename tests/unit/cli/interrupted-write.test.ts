import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { marginaliaChild, workDir } from './spawn-cli';

// Issue 14, item 5: temporary files are cleaned up also when the user interrupts a conversion.
// 4,000 articles of ~1.5 kB: writing the ~6 MB output takes ~0.2 s, long enough to signal it mid-way.
function bigInput(dir: string): string {
  const body = 'The minister said the budget grew by 42 per cent last year. '.repeat(25);
  const lines: string[] = [];
  for (let i = 0; i < 4000; i++) {
    const spans = [{ start: 0, end: 7, label: 'claim' }];
    lines.push(JSON.stringify({ text: `Article ${i}: ${body}`, _annotator_id: 'alice', spans }));
  }
  const path = join(dir, 'in.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Signals the conversion as soon as its temporary file exists; resolves to how it ended. */
function interrupt(input: string, out: string, signal: NodeJS.Signals | null) {
  const dir = join(out, '..');
  mkdirSync(dir);
  const child = marginaliaChild(['convert', input, '--to', 'native', '--out', out]);
  let sawTemp = false;
  const poll = setInterval(() => {
    if (sawTemp || !readdirSync(dir).some((n) => n.endsWith('.tmp'))) return;
    sawTemp = true;
    if (signal) child.kill(signal);
  }, 1);
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; sawTemp: boolean }>((resolve) =>
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      resolve({ code, signal: sig, sawTemp });
    }),
  );
}

describe('convert --out interrupted while writing', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: ends by that signal, no temporary file, no output`, async () => {
      const dir = workDir();
      const input = bigInput(dir);
      const out = join(dir, 'out', 'x.jsonl');
      const r = await interrupt(input, out, signal);
      expect(r.sawTemp).toBe(true);
      expect(r).toMatchObject({ code: null, signal });
      expect(readdirSync(join(dir, 'out'))).toEqual([]);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('uninterrupted, the same conversion completes and leaves only its output', async () => {
    const dir = workDir();
    const r = await interrupt(bigInput(dir), join(dir, 'out', 'x.jsonl'), null);
    expect(r).toMatchObject({ code: 0, sawTemp: true });
    expect(readdirSync(join(dir, 'out'))).toEqual(['x.jsonl']);
  });
});
