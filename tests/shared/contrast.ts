/** WCAG 2.1 contrast arithmetic for the colour tests (hex and the rgba() form label-display uses). */
export type Rgb = [number, number, number];

export function parseColour(css: string): { rgb: Rgb; alpha: number } {
  const value = css.trim().toLowerCase();
  if (value === 'white') return { rgb: [255, 255, 255], alpha: 1 };
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(value);
  const hex = short
    ? [
        value,
        short
          .slice(1)
          .map((c) => c + c)
          .join(''),
      ]
    : /^#([0-9a-f]{6})$/.exec(value);
  if (hex) {
    const n = parseInt(hex[1] as string, 16);
    return { rgb: [(n >> 16) & 255, (n >> 8) & 255, n & 255], alpha: 1 };
  }
  const rgba = /^rgba\((\d+), (\d+), (\d+), ([\d.]+)\)$/.exec(value);
  if (!rgba) throw new Error(`unexpected colour ${css}`);
  return { rgb: [Number(rgba[1]), Number(rgba[2]), Number(rgba[3])], alpha: Number(rgba[4]) };
}

/** A translucent colour painted over an opaque one. */
export function over(top: string, below: Rgb): Rgb {
  const { rgb, alpha } = parseColour(top);
  return rgb.map((c, i) => c * alpha + (below[i] as number) * (1 - alpha)) as Rgb;
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio. */
export function contrast(a: Rgb, b: Rgb): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
