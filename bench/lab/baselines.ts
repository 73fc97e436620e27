/**
 * The two no-framework baselines the app is compared against: the practical limit of rendering the
 * same article and spans in one pass, with nothing but the DOM. Both lay the text out as the app does
 * (one block per line) so the difference is the framework, not the typography.
 */
import { LABELS, type Label } from '../../renderer/src/core/model/labels';
import { CodePointIndex } from '../../renderer/src/core/text/code-points';
import type { BenchSpan } from '../corpus';
import { paintedWhen } from './frame';

const lineStartsOf = (lines: readonly string[]): number[] => {
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  return starts;
};

const lineOf = (starts: readonly number[], u: number): number => {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((starts[mid] as number) <= u) lo = mid;
    else hi = mid - 1;
  }
  return lo;
};

/** (b) Plain text nodes, one Highlight per label holding a StaticRange per span. Returns ms to painted. */
export async function cssHighlightBaseline(host: HTMLElement, text: string, spans: readonly BenchSpan[]) {
  const t0 = performance.now();
  const index = new CodePointIndex(text);
  const lines = text.split('\n');
  const starts = lineStartsOf(lines);
  const frag = document.createDocumentFragment();
  const nodes = lines.map((l) => {
    const div = document.createElement('div');
    div.className = 'm-paragraph';
    const node = document.createTextNode(l);
    div.append(node);
    frag.append(div);
    return node;
  });
  host.replaceChildren(frag);
  const at = (cp: number): [Text, number] => {
    const u = index.toUtf16(cp);
    const line = lineOf(starts, u);
    return [nodes[line] as Text, u - (starts[line] as number)];
  };
  const byLabel = new Map<Label, StaticRange[]>(LABELS.map((l) => [l, []]));
  for (const s of spans) {
    const [a, ao] = at(s.start);
    const [b, bo] = at(s.end);
    byLabel
      .get(s.label)
      ?.push(new StaticRange({ startContainer: a, startOffset: ao, endContainer: b, endOffset: bo }));
  }
  for (const l of LABELS) CSS.highlights.set(`m-${l}`, new Highlight(...(byLabel.get(l) ?? [])));
  const painted = (): number => LABELS.reduce((n, l) => n + (CSS.highlights.get(`m-${l}`)?.size ?? 0), 0);
  const t1 = await paintedWhen(() => painted() === spans.length);
  return { ms: t1 - t0, painted: painted() };
}

/**
 * (a) Text nodes and <mark> elements built in one pass: a sweep over the span boundaries cuts the text
 * into runs; a run covered by spans becomes one <mark> carrying every covering label's class.
 */
export async function markBaseline(host: HTMLElement, text: string, spans: readonly BenchSpan[]) {
  const t0 = performance.now();
  const index = new CodePointIndex(text);
  const events: [number, number, number][] = [];
  for (const s of spans) {
    const li = LABELS.indexOf(s.label);
    events.push([index.toUtf16(s.start), 1, li], [index.toUtf16(s.end), -1, li]);
  }
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const cover = [0, 0, 0, 0];
  const frag = document.createDocumentFragment();
  const newLine = (): HTMLDivElement => {
    const div = document.createElement('div');
    div.className = 'm-paragraph';
    return div;
  };
  let line = newLine();
  frag.append(line);
  let marks = 0;
  const emit = (from: number, to: number): void => {
    const active = LABELS.filter((_, i) => (cover[i] as number) > 0);
    let at = from;
    while (at < to) {
      const nl = text.indexOf('\n', at);
      const end = nl === -1 || nl >= to ? to : nl;
      if (end > at) {
        const run = document.createTextNode(text.slice(at, end));
        if (active.length === 0) line.append(run);
        else {
          const m = document.createElement('mark');
          m.className = active.join(' ');
          m.append(run);
          line.append(m);
          marks++;
        }
      }
      if (end < to) {
        line = newLine();
        frag.append(line);
        at = end + 1;
      } else at = end;
    }
  };
  let prev = 0;
  for (const [pos, delta, li] of events) {
    if (pos > prev) emit(prev, pos);
    prev = Math.max(prev, pos);
    cover[li] = (cover[li] as number) + delta;
  }
  emit(prev, text.length);
  host.replaceChildren(frag);
  const t1 = await paintedWhen(() => host.isConnected);
  return { ms: t1 - t0, painted: marks };
}

export function clearBaselines(host: HTMLElement): void {
  host.replaceChildren();
  for (const l of LABELS) CSS.highlights.delete(`m-${l}`);
}
