/**
 * The desktop's kept team sign-in (issue 15): the password, encrypted by the OS through
 * `safeStorage`, in one file under userData, used by main to sign in again when the server's session
 * has ended. No Electron import: the encryption and the fetch are handed in, so the file format,
 * the refusal rules and the sign-in itself are unit-tested (the sign-in against a real
 * `marginalia server`, with Node's fetch standing where main passes `net.fetch`).
 */
import { readFile, unlink } from 'node:fs/promises';

import { writeFileAtomic } from './atomic-write';
import type { RememberSignInResponse, SignInAgainResponse, TeamSignIn } from './ipc-contract';
import { isTeamServerUrl } from './team-servers';

/** What `safeStorage` offers, as main reads it once the app is ready. */
export interface EncryptionFacts {
  platform: string;
  available: boolean;
  /** `getSelectedStorageBackend()` on Linux; null elsewhere. */
  linuxBackend: string | null;
}

/**
 * Why the password must not be kept here, or null when the OS really protects it. On Linux without
 * a keyring Chromium "encrypts" with a hard-coded key ('basic_text'): as good as plain text, so the
 * user signs in by hand when the session ends rather than trusting a file that protects nothing.
 */
export function encryptionRefusal(f: EncryptionFacts): string | null {
  if (!f.available)
    return 'This system offers no encryption for saved passwords, so yours is not kept: when the server’s session ends, sign in again in Settings → Team.';
  if (f.platform === 'linux' && (f.linuxBackend === 'basic_text' || f.linuxBackend === 'unknown'))
    return 'No keyring (GNOME Keyring or KWallet) is running, so your password is not kept: when the server’s session ends, sign in again in Settings → Team.';
  return null;
}

/** The encryption main hands in (safeStorage's async functions). */
export interface Encryptor {
  encrypt(text: string): Promise<Uint8Array>;
  decrypt(bytes: Uint8Array): Promise<string>;
}

interface KeptFile {
  version: 1;
  serverUrl: string;
  user: string;
  /** base64 of safeStorage's ciphertext. */
  password: string;
}

/** The part of WHATWG fetch used here: main passes Electron's `net.fetch`, tests Node's fetch. */
export type SignInFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; credentials: 'include' },
) => Promise<{ status: number; text(): Promise<string> }>;

/**
 * `POST /_session` with the kept name and password. In main, `net.fetch` sends it from the default
 * session, which stores the answer's `AuthSession` cookie where the page's requests find it.
 */
export async function sessionSignIn(
  fetch: SignInFetch,
  serverUrl: string,
  user: string,
  password: string,
): Promise<{ response: SignInAgainResponse; wrongPassword: boolean }> {
  let status: number;
  try {
    const res = await fetch(`${serverUrl.replace(/\/+$/, '')}/_session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ name: user, password }),
      credentials: 'include',
    });
    status = res.status;
    await res.text();
  } catch {
    const reason = `cannot reach the server at ${serverUrl} to sign in again. It will be retried.`;
    return { response: { signedIn: false, reason }, wrongPassword: false };
  }
  if (status >= 200 && status < 300)
    return { response: { signedIn: true, serverUrl, user }, wrongPassword: false };
  if (status === 401) {
    const reason = `the server at ${serverUrl} no longer accepts the saved password for ${user}: sign in again in Settings → Team.`;
    return { response: { signedIn: false, reason }, wrongPassword: true };
  }
  const reason = `the server at ${serverUrl} refused to sign you in again (HTTP ${status}): sign in again in Settings → Team.`;
  return { response: { signedIn: false, reason }, wrongPassword: false };
}

const NOTHING_KEPT = 'no password is saved on this computer: sign in again in Settings → Team.';

/** The kept sign-in of one userData folder. */
export class KeptSignIn {
  constructor(
    private readonly file: string,
    private readonly facts: () => Promise<EncryptionFacts>,
    private readonly crypt: Encryptor,
    private readonly fetch: SignInFetch,
  ) {}

  async remember(req: TeamSignIn): Promise<RememberSignInResponse> {
    const refusal = encryptionRefusal(await this.facts());
    if (refusal) {
      // A password kept for an earlier server must not outlive this choice either.
      await this.forget();
      return { stored: false, reason: refusal };
    }
    const cipher = await this.crypt.encrypt(req.password);
    const kept: KeptFile = {
      version: 1,
      serverUrl: req.serverUrl,
      user: req.user,
      password: Buffer.from(cipher).toString('base64'),
    };
    // Owner-only, though the ciphertext is useless without the OS key.
    await writeFileAtomic(this.file, JSON.stringify(kept), 0o600);
    return { stored: true };
  }

  async signInAgain(): Promise<SignInAgainResponse> {
    const kept = await this.read();
    if (!kept) return { signedIn: false, reason: NOTHING_KEPT };
    let password: string;
    try {
      password = await this.crypt.decrypt(Buffer.from(kept.password, 'base64'));
    } catch {
      // Another OS user, a reset keyring: the file can never be read again here.
      await this.forget();
      return { signedIn: false, reason: NOTHING_KEPT };
    }
    const out = await sessionSignIn(this.fetch, kept.serverUrl, kept.user, password);
    // A changed password would be sent again at every 401 (and could lock the account): drop it.
    if (out.wrongPassword) await this.forget();
    return out.response;
  }

  async forget(): Promise<void> {
    await unlink(this.file).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }

  private async read(): Promise<KeptFile | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return null;
    }
    try {
      const j = JSON.parse(text) as Partial<KeptFile>;
      if (
        j.version === 1 &&
        typeof j.serverUrl === 'string' &&
        isTeamServerUrl(j.serverUrl) &&
        typeof j.user === 'string' &&
        typeof j.password === 'string'
      )
        return j as KeptFile;
    } catch {
      // A torn or foreign file: treated as nothing kept.
    }
    return null;
  }
}
