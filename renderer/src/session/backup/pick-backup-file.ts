import type { HostApi } from '../../platform/host';

/**
 * Asks the user for a backup file through the host: the desktop's open dialog (read by main), or
 * the web build's file input. Null when nothing was chosen; a file that is not UTF-8 is an error.
 */
export async function pickBackupFile(host: HostApi): Promise<{ content: string; name: string } | null> {
  const picked = await host.openImportFiles('restore');
  if (!picked.ok) throw new Error(picked.error);
  const file = picked.value[0];
  if (!file) return null;
  try {
    return { name: file.name, content: new TextDecoder('utf-8', { fatal: true }).decode(file.bytes) };
  } catch {
    throw new Error(`"${file.name}" is not a Marginalia backup (it is not UTF-8 text).`);
  }
}
