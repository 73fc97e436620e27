import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { LABEL_DISPLAYS, labelCssProperties } from '../../../../renderer/src/core/model/label-display';
import { LABELS } from '../../../../renderer/src/core/model/labels';

type Rgb = [number, number, number];

const parse = (css: string): { rgb: Rgb; alpha: number } => {
  const hex = /^#([0-9a-f]{6})$/i.exec(css);
  if (hex) {
    const n = parseInt(hex[1] as string, 16);
    return { rgb: [(n >> 16) & 255, (n >> 8) & 255, n & 255], alpha: 1 };
  }
  const rgba = /^rgba\((\d+), (\d+), (\d+), ([\d.]+)\)$/.exec(css);
  if (!rgba) throw new Error(`unexpected colour ${css}`);
  return { rgb: [Number(rgba[1]), Number(rgba[2]), Number(rgba[3])], alpha: Number(rgba[4]) };
};
/** A translucent colour painted over an opaque one. */
const over = (top: string, below: Rgb): Rgb => {
  const { rgb, alpha } = parse(top);
  return rgb.map((c, i) => c * alpha + (below[i] as number) * (1 - alpha)) as Rgb;
};
const luminance = (rgb: Rgb): number => {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
/** WCAG 2.1 contrast ratio. */
const contrast = (a: Rgb, b: Rgb): number => {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};
const WHITE: Rgb = [255, 255, 255];
const APP_BG: Rgb = [0xf7, 0xf7, 0xf5];
const CURRENT_ROW: Rgb = [0xee, 0xf4, 0xff];

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
