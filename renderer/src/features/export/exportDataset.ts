/** Base file name for an export: the annotators and the day, safe on every OS. */
export function exportBaseName(annotators: readonly string[], now: Date): string {
  const who = annotators.length > 3 ? `${annotators.length}-annotators` : annotators.join('+');
  const safe = who.replace(/[^\p{L}\p{N}_+-]+/gu, '_').slice(0, 60) || 'annotator';
  return `marginalia-${safe}-${now.toISOString().slice(0, 10)}`;
}
