/**
 * Exports written as they are produced (issue 20): a library of 100,000 articles × 3 annotators is
 * hundreds of megabytes of JSONL, more than the page should hold or send in one message. The page
 * opens a stream after the save dialog, sends pieces, then finishes or aborts it. Pieces go to a temp
 * file next to the target; finishing syncs and renames it over the target (as writeFileAtomic does),
 * aborting deletes it, so a cancelled or failed export leaves no partial file and never touches an
 * existing file at the target. Node only (no Electron), so it is unit-tested directly.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

import { syncFolder } from './atomic-write';

interface OpenStream {
  readonly target: string;
  readonly temp: string;
  readonly handle: FileHandle;
  /** Writes run one after another in the order they arrived. */
  queue: Promise<void>;
}

/** Stream ids are random, so a page cannot guess or reach another window's stream. */
const newId = (): string => randomBytes(12).toString('hex');

export class ExportStreams {
  private readonly streams = new Map<string, OpenStream>();

  /** Opens a stream to `target` (a path the save dialog returned); nothing exists at `target` yet. */
  async begin(target: string): Promise<string> {
    const dir = path.dirname(target);
    const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    // 'wx': never follow or clobber something already sitting at the temp name.
    const handle = await open(temp, 'wx', 0o644);
    const id = newId();
    this.streams.set(id, { target, temp, handle, queue: Promise.resolve() });
    return id;
  }

  private get(id: string): OpenStream {
    const s = this.streams.get(id);
    if (!s) throw new Error('export stream is not open');
    return s;
  }

  /** Appends UTF-8 text; resolves once it is written (the page awaits it: backpressure). */
  async write(id: string, text: string): Promise<void> {
    const s = this.get(id);
    const done = s.queue.then(async () => {
      await s.handle.write(text, null, 'utf8');
    });
    s.queue = done.catch(() => undefined);
    try {
      await done;
    } catch (e) {
      await this.abort(id);
      throw e;
    }
  }

  /** Syncs and renames the temp file over the target; returns the file's name (never its folder). */
  async finish(id: string): Promise<string> {
    const s = this.get(id);
    this.streams.delete(id);
    let renamed = false;
    try {
      await s.queue;
      await s.handle.sync();
      await s.handle.close();
      await rename(s.temp, s.target);
      renamed = true;
      await syncFolder(path.dirname(s.target));
    } finally {
      if (!renamed) {
        await s.handle.close().catch(() => undefined);
        await unlink(s.temp).catch(() => undefined);
      }
    }
    return path.basename(s.target);
  }

  /** Deletes what was written; the target is left as it was. Aborting twice is harmless. */
  async abort(id: string): Promise<void> {
    const s = this.streams.get(id);
    if (!s) return;
    this.streams.delete(id);
    await s.queue;
    await s.handle.close().catch(() => undefined);
    await unlink(s.temp).catch(() => undefined);
  }

  /** Aborts every open stream (the window closed or the app quits mid-export). */
  async abortAll(): Promise<void> {
    await Promise.all([...this.streams.keys()].map((id) => this.abort(id)));
  }

  get openCount(): number {
    return this.streams.size;
  }
}
