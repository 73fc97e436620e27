/**
 * Writing `convert --out`: every file goes to a temporary name beside its target and is renamed over it
 * only once all of them are complete and on disk, so an output is whole or absent. The temporary files
 * are removed whatever happens: a write error, an exception, or SIGINT / SIGTERM while writing (the
 * signal is then re-raised, so the caller still sees the process end by that signal).
 */
import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, rename, stat } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface OutputFile {
  readonly path: string;
  /** The file's text in pieces; written as they come, never joined into one string. */
  readonly chunks: Iterable<string>;
}

const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removeLive(): void {
  for (const temp of live) {
    try {
      unlinkSync(temp);
    } catch {
      // Already gone, or never created.
    }
  }
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeLive();
  stopWatching();
  process.kill(process.pid, signal);
}

/** Signal handlers are installed only while temporary files exist, so Ctrl+C elsewhere acts at once. */
function watchSignals(): void {
  for (const s of SIGNALS) process.on(s, onSignal);
}

function stopWatching(): void {
  for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/** Pieces are gathered to about 1 MiB per write: one syscall per small chunk is slow. */
async function writeChunks(handle: FileHandle, chunks: Iterable<string>): Promise<void> {
  let buffered: string[] = [];
  let size = 0;
  for (const c of chunks) {
    buffered.push(c);
    size += c.length;
    if (size >= 1 << 20) {
      await handle.write(buffered.join(''));
      buffered = [];
      size = 0;
    }
  }
  if (buffered.length > 0) await handle.write(buffered.join(''));
}

async function writeTemp(file: OutputFile): Promise<string> {
  await mkdir(dirname(file.path), { recursive: true });
  const temp = join(dirname(file.path), `.${basename(file.path)}.${randomBytes(6).toString('hex')}.tmp`);
  live.add(temp);
  // 'wx': never follow or clobber something already sitting at the temporary name.
  const handle = await open(temp, 'wx', 0o644);
  try {
    await writeChunks(handle, file.chunks);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

async function refuseFolder(path: string): Promise<void> {
  const st = await stat(path).catch(() => null);
  if (st?.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR', path });
}

/** Writes every file completely, then renames them into place; on any failure none is left behind. */
export async function writeOutputs(files: readonly OutputFile[]): Promise<void> {
  watchSignals();
  try {
    const temps: string[] = [];
    for (const f of files) temps.push(await writeTemp(f));
    // A folder in the way would fail its rename after earlier files were already replaced.
    for (const f of files) await refuseFolder(f.path);
    for (const [i, temp] of temps.entries()) {
      await rename(temp, (files[i] as OutputFile).path);
      live.delete(temp);
    }
  } finally {
    removeLive();
    stopWatching();
  }
}
