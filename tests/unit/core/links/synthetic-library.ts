/**
 * A generated news library for measuring suggestions at scale: articles of ~30 sentences of ~18
 * words drawn from a 30,000-word vocabulary with Zipf-distributed frequencies (as word frequencies
 * in news are), seeded so every run builds the same library. The most frequent words are the seed
 * articles' own words, most frequent first ("AI", "OpenAI", "Scale", "data" …), so a seed claim's
 * terms have the long posting lists of a library that is all about them: the worst case for a query.
 */
export function syntheticLibrary(
  n: number,
  seed = 1,
  common: readonly string[] = [],
): { id: string; text: string }[] {
  let s = seed >>> 0;
  const rand = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const V = 30_000;
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const made = Array.from({ length: V - common.length }, (_, i) => {
    let w = '';
    let x = i + 1;
    while (x > 0) {
      w += letters[x % 26];
      x = Math.floor(x / 26);
    }
    return `${w}${letters[(i * 7) % 26]}o`;
  });
  const vocab = [...common, ...made];
  const extra = [
    'continue',
    'ended',
    'winding down',
    'will not',
    'keeps',
    'cut ties',
    'rise',
    'fell',
    'OpenAI',
    'Scale AI',
  ];
  // Zipf: rank r with probability ∝ 1/r, sampled through the inverse of the harmonic CDF (approx.).
  const H = Math.log(V) + 0.5772;
  const word = (): string => {
    const r = Math.min(V - 1, Math.floor(Math.exp(rand() * H - 0.5772)));
    return vocab[r] as string;
  };
  const out: { id: string; text: string }[] = [];
  for (let d = 0; d < n; d++) {
    const sentences: string[] = [];
    const count = 20 + Math.floor(rand() * 20);
    for (let i = 0; i < count; i++) {
      const len = 10 + Math.floor(rand() * 16);
      const ws: string[] = [];
      for (let j = 0; j < len; j++)
        ws.push(rand() < 0.02 ? (extra[Math.floor(rand() * extra.length)] as string) : word());
      const first = ws[0] as string;
      ws[0] = first.charAt(0).toUpperCase() + first.slice(1);
      sentences.push(`${ws.join(' ')}.`);
    }
    out.push({
      id: `doc-${d}`,
      text: sentences.join(' ').replace(/(\. )(?=[A-Z])/g, (m, _p, off) => (off % 5 === 0 ? '.\n' : m)),
    });
  }
  return out;
}
