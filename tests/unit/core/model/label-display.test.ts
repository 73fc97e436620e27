import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { contrast, over, parseColour, type Rgb } from '../../../shared/contrast';
import { stylesheet } from '../../../shared/stylesheet';
import { LABEL_DISPLAYS, labelCssProperties } from '../../../../renderer/src/core/model/label-display';
import { LABELS } from '../../../../renderer/src/core/model/labels';

const parse = parseColour;
const css = stylesheet();
const WHITE: Rgb = [255, 255, 255];
const APP_BG = parse(css.property(':root', 'background')).rgb;
const CURRENT_ROW = parse(css.resolve('var(--current-row)')).rgb;

describe('label display: one definition, readable and not by colour alone', () => {
  it('covers every label, with distinct letters, line styles and colours', () => {
    expect(LABEL_DISPLAYS.map((d) => d.label)).toEqual([...LABELS]);
    for (const key of ['letter', 'line', 'colour', 'tint', 'ink'] as const)
      expect(new Set(LABEL_DISPLAYS.map((d) => d[key])).size, key).toBe(LABELS.length);
    expect(LABEL_DISPLAYS.map((d) => d.key)).toEqual(['1', '2', '3', '4']);
  });

  it('meets WCAG AA: label colour ≥ 3:1 as a border on every background, text ≥ 4.5:1', () => {
    for (const d of LABEL_DISPLAYS) {
      const colour = parse(d.colour).rgb;
      for (const bg of [WHITE, APP_BG, CURRENT_ROW])
        expect(contrast(colour, bg), `${d.label} border`).toBeGreaterThanOrEqual(3);
      // White letters on the colour (lane and chip marks).
      expect(contrast(colour, WHITE), `${d.label} mark`).toBeGreaterThanOrEqual(4.5);
      // Highlighted text: the ink on the tint over white, and over the tint of every other label.
      const tinted = over(d.tint, WHITE);
      expect(contrast(parse(d.ink).rgb, tinted), `${d.label} ink`).toBeGreaterThanOrEqual(4.5);
      for (const o of LABEL_DISPLAYS)
        expect(
          contrast(parse(d.ink).rgb, over(o.tint, tinted)),
          `${d.label} ink over ${o.label}`,
        ).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('is the only place label colours are defined: no stylesheet sets a label property', () => {
    const names = labelCssProperties().map(([n]) => n);
    expect(names).toContain('--claim');
    expect(names).toContain('--speculation-line');
    const css = cssFiles(join(__dirname, '../../../../renderer/src')).map((f) => readFileSync(f, 'utf8'));
    for (const text of css)
      for (const name of names) expect(text.includes(`${name}:`), `${name} defined in CSS`).toBe(false);
    const styles = readFileSync(join(__dirname, '../../../../renderer/src/styles.css'), 'utf8');
    for (const l of LABELS) expect(styles).toContain(`.lab-${l} {\n  --lab: var(--${l});`);
  });
});

function cssFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return cssFiles(path);
    return name.endsWith('.css') ? [path] : [];
  });
}
