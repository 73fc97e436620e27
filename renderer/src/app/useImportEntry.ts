import { useCallback } from 'react';

import { useFileDrop } from '../features/import/useFileDrop';
import { useImport } from '../features/import/useImport';
import type { IpcResult, ImportedFile } from '../platform/host';
import { useServices } from '../session/providers';

/** The three ways in to an import (button or menu, drag-and-drop), all through the host. */
export function useImportEntry(say: (text: string, tone?: 'info' | 'error') => void) {
  const { host } = useServices();
  const flow = useImport();
  const { start } = flow;
  const importFrom = useCallback(
    async (read: Promise<IpcResult<ImportedFile[]>>) => {
      const files = await read;
      if (!files.ok) return say(`Could not read the files: ${files.error}`, 'error');
      await start(files.value);
    },
    [start, say],
  );
  const openImport = useCallback(() => void importFrom(host.openImportFiles()), [host, importFrom]);
  const dropping = useFileDrop(
    useCallback((files: File[]) => void importFrom(host.readDroppedFiles(files)), [host, importFrom]),
  );
  return { flow, openImport, dropping };
}
