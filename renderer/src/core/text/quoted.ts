/** Opening and closing quotation marks, typographic and straight, of the languages the seeds use. */
const OPENS = /^[“"‘'«„‚‹「『]/u;
const CLOSES = /[”"’'»›」』]$/u;

/**
 * An excerpt between “ and ”, unless it starts or ends with a quotation mark of its own: a span over
 * `“remains …”` reads as such, not as `““remains …””`.
 */
export function quoted(text: string): string {
  return OPENS.test(text) || CLOSES.test(text) ? text : `“${text}”`;
}
