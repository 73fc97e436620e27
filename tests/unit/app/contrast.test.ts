import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { contrast, parseColour, type Rgb } from '../../shared/contrast';
import { stylesheet } from '../../shared/stylesheet';

// Issue 19: the claim button's border was 2.15:1 and muted text 4.38:1 on the current row. Computed
// from the colours as styles.css and core/model/label-display.ts define them, so a change of either
// that breaks WCAG AA fails here.
const css = stylesheet();
const rgb = (value: string): Rgb => parseColour(value).rgb;
const backgrounds = {
  button: rgb(css.property('button', 'background')),
  app: rgb(css.property(':root', 'background')),
  'current row': rgb(css.resolve('var(--current-row)')),
};

describe('contrast of the stylesheet colours (WCAG 2.1 AA)', () => {
  it('label buttons: the border is ≥ 3:1 against the button and the toolbar behind it', () => {
    const border = css.property('.lab-border', 'border', css.rule('.lab-claim')).split(/\s+/);
    expect(border[1]).toBe('solid');
    const claim = rgb(border[2] as string);
    expect(contrast(claim, backgrounds.button)).toBeGreaterThanOrEqual(3);
    expect(contrast(claim, backgrounds.app)).toBeGreaterThanOrEqual(3);
    for (const label of ['.lab-quote', '.lab-figure', '.lab-speculation']) {
      const colour = rgb(css.property('.lab-border', 'border', css.rule(label)).split(/\s+/)[2] as string);
      for (const [name, bg] of Object.entries(backgrounds))
        expect(contrast(colour, bg), `${label} on ${name}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('muted text is ≥ 4.5:1 on every background it is shown on', () => {
    expect(css.property('.muted', 'color')).toBe(css.resolve('var(--muted)'));
    const muted = rgb(css.resolve('var(--muted)'));
    for (const [name, bg] of Object.entries(backgrounds))
      expect(contrast(muted, bg), `muted on ${name}`).toBeGreaterThanOrEqual(4.5);
  });

  it('every grey text colour in any stylesheet is ≥ 4.5:1 on white and on the app background', () => {
    const greys = cssFiles(join(__dirname, '../../../renderer/src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?<![-\w])color:\s*(#[0-9a-f]{3}(?:[0-9a-f]{3})?)\b/gi)]
        .map((m) => ({ file, value: m[1] as string }))
        .filter(({ value }) => {
          const [r, g, b] = rgb(value);
          return Math.max(r, g, b) - Math.min(r, g, b) < 24 && r < 200;
        }),
    );
    expect(greys.length).toBeGreaterThan(0);
    for (const { file, value } of greys)
      for (const bg of [backgrounds.button, backgrounds.app])
        expect(contrast(rgb(value), bg), `${value} in ${file}`).toBeGreaterThanOrEqual(4.5);
  });
});

function cssFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return cssFiles(path);
    return name.endsWith('.css') ? [path] : [];
  });
}
