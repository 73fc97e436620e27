import type { Figure } from '../agreement/types';
import { formatFigure, heatColor } from './format';

/** Escapes text for HTML/SVG content and attribute values (the report holds imported titles). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface Bar {
  readonly label: string;
  readonly value: Figure;
  /** Shown after the value, e.g. "n/a: nobody used this label" or "12 spans". */
  readonly note: string;
}

/**
 * Horizontal bars on a [-1, 1] axis with 0 marked (κ and α can be negative; F1 is in [0, 1]).
 * An undefined figure gets no bar and says "n/a" with its reason. Static SVG: no script.
 */
export function barChartSvg(title: string, bars: readonly Bar[]): string {
  const row = 26;
  const left = 120;
  const width = 300;
  const zero = left + width / 2;
  const h = bars.length * row + 24;
  const parts = bars.map((b, i) => {
    const y = 20 + i * row;
    const v = b.value;
    const bar =
      v === null
        ? ''
        : `<rect x="${Math.min(zero, zero + (v * width) / 2)}" y="${y}" width="${Math.abs((v * width) / 2)}" height="16" fill="${heatColor(v)}" stroke="#555" stroke-width="0.5"/>`;
    return (
      `<text x="${left - 6}" y="${y + 12}" text-anchor="end">${escapeHtml(b.label)}</text>${bar}` +
      `<text x="${left + width + 8}" y="${y + 12}">${escapeHtml(formatFigure(v))}${b.note ? ` · ${escapeHtml(b.note)}` : ''}</text>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="760" height="${h}" font-size="12" font-family="sans-serif">` +
    `<line x1="${zero}" y1="14" x2="${zero}" y2="${h - 4}" stroke="#999" stroke-dasharray="3 2"/>` +
    `<text x="${left}" y="10" font-size="10">−1</text><text x="${zero - 3}" y="10" font-size="10">0</text><text x="${left + width - 6}" y="10" font-size="10">1</text>` +
    `${parts.join('')}</svg>`
  );
}

/** A square matrix of figures (rows × columns), each cell coloured and labelled; n/a cells grey. */
export function heatmapSvg(
  title: string,
  rows: readonly string[],
  cols: readonly string[],
  cell: (r: number, c: number) => { value: Figure; text?: string } | null,
): string {
  const size = 64;
  const left = 110;
  const top = 28;
  const out: string[] = [];
  cols.forEach((c, j) => {
    out.push(
      `<text x="${left + j * size + size / 2}" y="${top - 8}" text-anchor="middle">${escapeHtml(c)}</text>`,
    );
  });
  rows.forEach((r, i) => {
    out.push(
      `<text x="${left - 6}" y="${top + i * size + size / 2 + 4}" text-anchor="end">${escapeHtml(r)}</text>`,
    );
    cols.forEach((_, j) => {
      const v = cell(i, j);
      const x = left + j * size;
      const y = top + i * size;
      if (!v) {
        out.push(`<rect x="${x}" y="${y}" width="${size}" height="${size}" fill="#fff" stroke="#ccc"/>`);
        return;
      }
      out.push(
        `<rect x="${x}" y="${y}" width="${size}" height="${size}" fill="${heatColor(v.value)}" stroke="#fff"/>` +
          `<text x="${x + size / 2}" y="${y + size / 2 + 4}" text-anchor="middle">${escapeHtml(v.text ?? formatFigure(v.value))}</text>`,
      );
    });
  });
  const w = left + cols.length * size + 10;
  const h = top + rows.length * size + 10;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${w}" height="${h}" font-size="12" font-family="sans-serif">${out.join('')}</svg>`;
}
