import { electronHost } from './electron-host';
import type { HostApi } from './host';
import { webHost } from './web-host';

/** Desktop when the preload exposed `window.marginalia`, else the browser fallback. */
export function selectHost(): HostApi {
  return electronHost() ?? webHost;
}
