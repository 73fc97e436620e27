import type { ImportFormat } from './import-types';

/** Outcomes an import counts and reports once each, with their count (see `summaryLine`). */
export interface Tally {
  /** Records that repeated a text already in the file under another id. */
  mergedRecords: number;
  /** Records whose `id` is a number (doccano numbers its examples). */
  numericIds: number;
  /** Prodigy tasks answered reject or ignore. */
  rejectedTasks: number;
  /** Label Studio annotations marked cancelled (skipped). */
  cancelledAnnotations: number;
  /** Label Studio prediction sets not imported. */
  predictionsLeftOut: number;
  /** Label Studio prediction sets imported as annotator "predictions". */
  predictionsImported: number;
  /** doccano category labels (document classes). */
  categoriesLeftOut: number;
  /** Relations (doccano, brat R, Label Studio relation results). */
  relationsLeftOut: number;
  /** brat events (E lines). */
  eventsLeftOut: number;
  /** brat attributes (A/M lines) and normalisations (N lines). */
  attributesLeftOut: number;
  /** brat spans written as fragments separated only by line breaks, read as one span. */
  bratFragmentsJoined: number;
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const s = (n: number, one: string, many: string): string => `${fmt(n)} ${n === 1 ? one : many}`;
const LINKS = 'Marginalia does not store links between spans yet; they are kept in the parse result for then';

/** The report line for a counted outcome, or none when it needs no word. */
export function summaryLine(what: keyof Tally, n: number, format: ImportFormat | null): string[] {
  if (n <= 0) return [];
  switch (what) {
    case 'mergedRecords':
      return [
        `${s(n, 'record repeated a text', 'records repeated a text')} already in this file under another id and ${n === 1 ? 'was' : 'were'} merged into one document; every record id is kept in meta.source_ids.`,
      ];
    case 'numericIds':
      return [
        `${s(n, 'record has a number', 'records have a number')} as ${n === 1 ? 'its' : 'their'} id${format === 'doccano' ? ' (doccano numbers its examples)' : ''}; ${n === 1 ? 'it is' : 'they are'} kept as written in meta.`,
      ];
    case 'rejectedTasks':
      return [`${s(n, 'Prodigy task was', 'Prodigy tasks were')} answered "reject" or "ignore" and skipped.`];
    case 'cancelledAnnotations':
      return [
        `${s(n, 'annotation was', 'annotations were')} cancelled (skipped) in Label Studio and not imported.`,
      ];
    case 'predictionsLeftOut':
      return [
        `${s(n, 'set of model predictions was', 'sets of model predictions were')} left out; they can be imported under the annotator "predictions".`,
      ];
    case 'predictionsImported':
      return [
        `${s(n, 'set of model predictions was', 'sets of model predictions were')} imported under the annotator "predictions".`,
      ];
    case 'categoriesLeftOut':
      return [
        `${s(n, 'document category was', 'document categories were')} left out: Marginalia imports spans only.`,
      ];
    case 'relationsLeftOut':
      return [`${s(n, 'relation was', 'relations were')} left out: ${LINKS}.`];
    case 'eventsLeftOut':
      return [`${s(n, 'event was', 'events were')} left out: ${LINKS}.`];
    case 'attributesLeftOut':
      return [
        `${s(n, 'attribute or normalisation was', 'attributes or normalisations were')} left out: ${LINKS}.`,
      ];
    case 'bratFragmentsJoined':
      return [
        `${s(n, 'span was', 'spans were')} written in fragments split at line breaks (as brat does) and read as one span${n === 1 ? '' : ' each'}.`,
      ];
  }
}
