/**
 * The largest file an import reads, in bytes: an article or dataset beyond this is not something the
 * app can hold and annotate anyway. The CLI refuses larger files by their size before reading a byte;
 * the desktop shell's copy (electron/ipc/handlers/read-files.ts) is pinned equal to this by a test.
 */
export const MAX_IMPORT_FILE_BYTES = 256 * 1024 * 1024;

/** All files of one import in the app together (the desktop's copy is pinned equal too). */
export const MAX_IMPORT_TOTAL_BYTES = 512 * 1024 * 1024;

/** "3.0 GiB", "256 MiB": sizes in messages, in the binary units the limit is set in. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  if (u === 0) return `${n} bytes`;
  return `${Number.isInteger(n) ? n : n.toFixed(1)} ${units[u]}`;
}
