import { applyStep, type AdjudicationState, type AdjudicationStep } from '../commands/adjudicate';
import type { AnnotationCommand } from '../commands/annotate';
import { sameEndpoint, type LinkEndpoint } from './link';

const extent = (s: { start: number; end: number }): string => `${s.start}-${s.end}`;

/**
 * The step with the gold links each deleted gold span takes along, as an annotator's delete
 * carries its links (core/commands/annotate.ts): db/repositories/adjudication.ts deletes them in
 * the step's transaction and the inverted step (undo) writes them back with the span. Links name
 * extents, so a link stays when gold still holds a span at that extent once the whole step is
 * applied (a decision made again with the same offsets, another label). `docId` is the document
 * whose gold the step changes; `state.links` its gold links. O(commands · links).
 */
export function carryGoldLinks(
  state: AdjudicationState,
  step: AdjudicationStep,
  docId: string,
): AdjudicationStep {
  const links = state.links ?? [];
  if (links.length === 0 || !step.commands.some((c) => c.kind === 'delete')) return step;
  const held = new Set(applyStep({ gold: state.gold, rejections: [] }, step).gold.map(extent));
  const carried = new Set<string>();
  const commands = step.commands.map((c): AnnotationCommand => {
    if (c.kind !== 'delete' || held.has(extent(c.span))) return c;
    const at: LinkEndpoint = { docId, start: c.span.start, end: c.span.end };
    const going = links.filter(
      (l) => !carried.has(l.id) && (sameEndpoint(l.from, at) || sameEndpoint(l.to, at)),
    );
    if (going.length === 0) return c;
    for (const l of going) carried.add(l.id);
    return { ...c, links: [...(c.links ?? []), ...going] };
  });
  return { ...step, commands };
}
