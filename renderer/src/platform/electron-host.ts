import type { HostApi } from './host';

/** The desktop host is exactly what the preload exposed; nothing is added on this side. */
export function electronHost(): HostApi | undefined {
  const api = (window as unknown as { marginalia?: HostApi }).marginalia;
  return api && typeof api.saveExport === 'function' ? api : undefined;
}
