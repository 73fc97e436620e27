export const ANNOTATOR_NAME_MAX = 64;

/**
 * Validates an annotator name; returns the problem in words, or null. Checked by the name dialog
 * as the user types and again on the write path (session/commands/user-writes.ts).
 */
export function annotatorNameProblem(name: string): string | null {
  const n = name.trim();
  if (n === '') return 'Please enter a name.';
  if (n.length > ANNOTATOR_NAME_MAX) return `Use at most ${ANNOTATOR_NAME_MAX} characters.`;
  if (n.toLowerCase() === 'gold') return '"gold" is reserved for adjudicated annotations.';
  if (/\p{Cc}/u.test(n)) return 'The name cannot contain control characters.';
  return null;
}
