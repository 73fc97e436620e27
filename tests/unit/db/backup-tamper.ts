import { sha256Text } from '../../../renderer/src/core/backup/snapshot';

export type Json = Record<string, unknown>;

/**
 * Edits a backup as the attacker of issue 14 did: change the header (and optionally the records and
 * the end line), then recompute the plain sha256 checksum so the frame looks intact.
 */
export function tamper(
  content: string,
  edit: { header?: (h: Json) => void; records?: (lines: string[]) => string[]; end?: (e: Json) => void },
): string {
  const lines = content.trimEnd().split('\n');
  const header = JSON.parse(lines[0] as string) as Json;
  const end = JSON.parse(lines.at(-1) as string) as Json;
  edit.header?.(header);
  const records = edit.records ? edit.records(lines.slice(1, -1)) : lines.slice(1, -1);
  const above = `${[JSON.stringify(header), ...records].join('\n')}\n`;
  end['records'] = records.length;
  edit.end?.(end);
  end['checksum'] = sha256Text(above);
  return `${above}${JSON.stringify(end)}\n`;
}
