import type { MarginaliaApi } from '../../../electron/ipc-contract';
import { desktopExportFile } from './export-sink';
import type { HostApi } from './host';
import { readFileObjects } from './read-file-objects';

/** The desktop host: what the preload exposed, and dropped files read in the page as on the web. */
export function electronHost(): HostApi | undefined {
  const api = (window as unknown as { marginalia?: MarginaliaApi }).marginalia;
  if (!api || typeof api.saveExport !== 'function') return undefined;
  return { ...api, readDroppedFiles: readFileObjects, openExportFile: desktopExportFile(api) };
}
