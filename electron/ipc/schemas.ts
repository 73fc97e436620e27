/**
 * Run-time argument schemas, one per channel, applied by ipc/register.ts before any handler runs.
 * TypeScript types vanish at the process boundary, so a compromised or buggy renderer can send anything:
 * wrong types, huge strings, extra keys such as `__proto__`. Every schema is strict (unknown keys are
 * refused, not stripped) and every string and array is bounded. No channel takes a file system path:
 * main reads only what its own open dialog returned, and the page reads dropped files itself (issue 14).
 */
import { z } from 'zod';

import { BACKUP_REASONS, isBackupName } from '../backup-names';
import { CHANNELS, OPEN_PURPOSES } from '../ipc-contract';
import { isTeamServerUrl } from '../team-servers';

export const LIMITS = {
  /** Most file systems cap a name at 255 bytes; longer is never a real file name. */
  fileNameChars: 255,
  /** Whole-corpus exports and backups: generous (≈ 10k long articles), yet far under V8's string limit. */
  contentChars: 256 * 1024 * 1024,
  keepBackups: 100,
  /** One piece of a streamed export (the page sends ~1–4 MB pieces). */
  streamPieceChars: 32 * 1024 * 1024,
  /** A team server address or password. */
  teamFieldChars: 2_000,
} as const;

/** What the import dialog offers; the renderer decides the format. */
export const IMPORT_EXTENSIONS: readonly string[] = ['txt', 'md', 'html', 'htm', 'jsonl', 'json', 'ann'];

// Separators, control characters and the characters Windows forbids in names.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is being refused
const FORBIDDEN_NAME_CHARS = /[/\\<>:"|?*\u0000-\u001f\u007f]/;

export const fileNameSchema = z
  .string()
  .min(1)
  .max(LIMITS.fileNameChars)
  .refine((n) => !FORBIDDEN_NAME_CHARS.test(n) && n !== '.' && n !== '..', {
    message: 'must be a plain file name (no folders, no control or reserved characters)',
  });

const contentSchema = z.string().max(LIMITS.contentChars);
/** Binary exports (a .zip of several files) arrive as bytes, bounded like text. */
const bytesSchema = z.instanceof(Uint8Array).refine((b) => b.byteLength <= LIMITS.contentChars, {
  message: 'is too large',
});

/** Stream ids are 24 hex digits made by main (export-streams.ts). */
const streamIdSchema = z.string().regex(/^[0-9a-f]{24}$/);

/** A team server's address: https, or http on this machine (team-servers.ts); 2,000 characters at most. */
const teamServerSchema = z
  .string()
  .max(LIMITS.teamFieldChars)
  .refine(isTeamServerUrl, { message: 'must be an https address, or http on this machine' });
const teamUserSchema = z
  .string()
  .min(1)
  .max(LIMITS.fileNameChars)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is being refused
  .regex(/^[^\u0000-\u001f\u007f]+$/);
const teamPasswordSchema = z.string().min(1).max(LIMITS.teamFieldChars);

export const backupNameSchema = z.string().refine(isBackupName, { message: 'is not a backup file name' });

/** Each channel's argument list, as passed to `ipcRenderer.invoke(channel, ...args)`. */
export const ARG_SCHEMAS = {
  [CHANNELS.saveExport]: z.tuple([
    z.strictObject({ suggestedName: fileNameSchema, content: z.union([contentSchema, bytesSchema]) }),
  ]),
  [CHANNELS.openImportFiles]: z.union([z.tuple([]), z.tuple([z.enum(OPEN_PURPOSES)])]),
  [CHANNELS.getAppInfo]: z.tuple([]),
  [CHANNELS.writeBackup]: z.tuple([
    z.strictObject({
      content: contentSchema,
      keep: z.int().min(1).max(LIMITS.keepBackups),
      reason: z.enum(BACKUP_REASONS),
    }),
  ]),
  [CHANNELS.listBackups]: z.tuple([]),
  [CHANNELS.readBackup]: z.tuple([backupNameSchema]),
  [CHANNELS.openExportStream]: z.tuple([fileNameSchema]),
  [CHANNELS.writeExportStream]: z.tuple([streamIdSchema, z.string().max(LIMITS.streamPieceChars)]),
  [CHANNELS.finishExportStream]: z.tuple([streamIdSchema]),
  [CHANNELS.abortExportStream]: z.tuple([streamIdSchema]),
  [CHANNELS.rememberTeamSignIn]: z.tuple([
    z.strictObject({ serverUrl: teamServerSchema, user: teamUserSchema, password: teamPasswordSchema }),
  ]),
  [CHANNELS.signInAgain]: z.tuple([]),
  [CHANNELS.forgetTeamSignIn]: z.tuple([]),
} as const satisfies Record<(typeof CHANNELS)[keyof typeof CHANNELS], z.ZodType>;

export type Channel = keyof typeof ARG_SCHEMAS;
export type ChannelArgs<C extends Channel> = z.infer<(typeof ARG_SCHEMAS)[C]>;

const MAX_DESCRIPTION = 300;

/** A short, bounded description of why arguments were refused (never echoes a 10 MB string back). */
export function describeIssues(error: z.ZodError): string {
  const text = error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : 'arguments'}: ${i.message}`)
    .join('; ');
  // Messages can quote a key ("Unrecognized key: …"), and a key can be megabytes long.
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION)}…` : text;
}
