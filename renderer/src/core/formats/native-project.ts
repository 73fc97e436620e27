import { guidelinesMeta, parseGuidelines, type Guidelines } from '../model/guidelines';
import type { ImportCollector } from './collect';
import { NATIVE_SCHEMA_VERSION } from './native';

/** The record type of a native file's project line (its first line, when written). */
export const PROJECT_RECORD = 'project';

/**
 * The project line of a native export: `{"schema_version":1,"record":"project","meta":{"guidelines":…}}`,
 * so the label guidelines travel with the data they were applied to (docs/format.md).
 */
export function serializeNativeProject(guidelines: Guidelines): string {
  return JSON.stringify({
    schema_version: NATIVE_SCHEMA_VERSION,
    record: PROJECT_RECORD,
    meta: { guidelines: guidelinesMeta(guidelines) },
  });
}

/**
 * Reads a project line: its guidelines are checked and reported, never applied over the
 * project's own (the lead edits those in Help). Malformed guidelines are a warning: the data
 * lines do not depend on them.
 */
export function importNativeProject(c: ImportCollector, obj: Record<string, unknown>, line: number): void {
  const meta = obj['meta'];
  const raw = meta && typeof meta === 'object' ? (meta as Record<string, unknown>)['guidelines'] : undefined;
  if (raw === undefined) return;
  const g = parseGuidelines(raw);
  if (!g.ok) c.log.warn(line, 'meta.guidelines', `${g.error} They were ignored.`);
  else
    c.note(
      `The file carries label guidelines (line ${line}); the project's own were kept (Help → Edit guidelines).`,
    );
}
