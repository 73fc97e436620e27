/**
 * Crash-safe file replacement: write a temp file next to the target, fsync it, rename it over the target,
 * then fsync the folder. A crash or power cut leaves either the old file or the new one, never a torn
 * one — which matters for exports people hand on and for the backups meant to rescue them.
 * Node only (no Electron), so it is unit-tested directly.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  /** 0o600 for a file only its owner may read (the kept team sign-in). */
  mode = 0o644,
): Promise<void> {
  const dir = path.dirname(target);
  // Same folder, so the rename never crosses file systems (a cross-device rename is not atomic).
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let renamed = false;
  try {
    // 'wx': never follow or clobber something already sitting at the temp name.
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    renamed = true;
    await syncFolder(dir);
  } finally {
    if (!renamed) await unlink(temp).catch(() => undefined);
  }
}

/** Makes the rename itself durable. Windows cannot open folders; NTFS journals the rename there. */
export async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems (network mounts) refuse fsync on folders; the data itself is already synced.
  } finally {
    await handle.close();
  }
}
