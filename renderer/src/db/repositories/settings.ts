import type { LabelTarget } from '../../core/formats/import-types';
import { parseGuidelines, type Guidelines } from '../../core/model/guidelines';
import type { Result } from '../../core/result';
import type { TeamConfig } from '../../core/sync/team-config';
import type { MarginaliaDb } from '../database';

/** Typed setting keys. Per-document scroll positions are keyed `scroll:<docId>`. */
export interface Settings {
  annotator: string;
  lastDocId: string;
  sidebarOpen: boolean;
  /** How many backup files to keep (desktop); see session/backup. */
  backupKeep: number;
  /** Import dialog: the label mapping last chosen, per source format (doccano, labelstudio …). */
  importLabelMaps: Record<string, Record<string, LabelTarget>>;
  /** The team server this installation syncs with (Settings → Team); null or absent: none. Never a password. */
  team: TeamConfig | null;
  /** This installation's replica id: the `by` of every version it writes to a team server. */
  replica: string;
  /** The project's label guidelines (definitions and examples); absent: the defaults. */
  guidelines: Guidelines;
}

/** Stores edited guidelines after checking them; nothing is written when they are refused. */
export async function saveGuidelines(db: MarginaliaDb, raw: unknown): Promise<Result<Guidelines>> {
  const parsed = parseGuidelines(raw);
  if (parsed.ok) await setSetting(db, 'guidelines', parsed.value);
  return parsed;
}

export async function getSetting<K extends keyof Settings>(
  db: MarginaliaDb,
  key: K,
): Promise<Settings[K] | undefined> {
  const row = await db.settings.get(key);
  return row?.value as Settings[K] | undefined;
}

export async function setSetting<K extends keyof Settings>(
  db: MarginaliaDb,
  key: K,
  value: Settings[K],
): Promise<void> {
  await db.transaction('rw', db.settings, () => db.settings.put({ key, value }));
}

/** Several settings in one transaction: all of them are stored, or none. */
export async function setSettings(db: MarginaliaDb, values: Partial<Settings>): Promise<void> {
  const rows = Object.entries(values).map(([key, value]) => ({ key, value: value as unknown }));
  await db.transaction('rw', db.settings, () => db.settings.bulkPut(rows));
}

export async function getScrollPosition(db: MarginaliaDb, docId: string): Promise<number> {
  const row = await db.settings.get(`scroll:${docId}`);
  return typeof row?.value === 'number' ? row.value : 0;
}

export async function setScrollPosition(db: MarginaliaDb, docId: string, top: number): Promise<void> {
  await db.transaction('rw', db.settings, () => db.settings.put({ key: `scroll:${docId}`, value: top }));
}
