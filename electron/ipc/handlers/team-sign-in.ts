/** The kept team sign-in wired to Electron: safeStorage for the password, net.fetch for the sign-in. */
import path from 'node:path';

import { app, net, safeStorage } from 'electron';

import { KeptSignIn } from '../../team-sign-in';

export function createKeptSignIn(): KeptSignIn {
  return new KeptSignIn(
    path.join(app.getPath('userData'), 'team-sign-in.json'),
    async () => ({
      platform: process.platform,
      available: await safeStorage.isAsyncEncryptionAvailable(),
      linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
    }),
    {
      encrypt: (text) => safeStorage.encryptStringAsync(text),
      decrypt: async (bytes) => (await safeStorage.decryptStringAsync(Buffer.from(bytes))).result,
    },
    // The default session: the AuthSession cookie it stores is the one the page's requests carry.
    (url, init) => net.fetch(url, init),
  );
}
