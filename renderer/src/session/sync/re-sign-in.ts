import { SIGNED_OUT } from '../../core/sync/team-config';

/** The host's sign-in with a kept password (platform `signInAgain`): the desktop's, or the web's refusal. */
export type SignInAgain = () => Promise<{ signedIn: true } | { signedIn: false; reason: string }>;

/**
 * What the sync service does on a 401 (issue 15): sign in again once without asking, then run the
 * round again. A second 401 after a sign-in that worked gets no third one (the server takes the
 * password but not the session: say so rather than loop), and a failed sign-in is not repeated at
 * every retry (a changed password sent again and again can lock an account) until a round works or
 * the server was out of reach.
 */
export class ReSignIn {
  private last: 'signed-in' | { failed: string } | null = null;

  constructor(
    private readonly signInAgain: SignInAgain | undefined,
    private readonly serverUrl: string,
  ) {}

  /** A round worked, or the server could not be reached: the next 401 deserves a new sign-in. */
  reset(): void {
    this.last = null;
  }

  /** null when signed in again (run the round again now); else the message for the header. */
  async attempt(): Promise<string | null> {
    if (!this.signInAgain) return SIGNED_OUT;
    if (this.last === 'signed-in')
      return `signed in again, but ${this.serverUrl} still refuses: ${SIGNED_OUT}`;
    if (this.last) return this.last.failed;
    const again = await this.signInAgain().catch((e: unknown) => ({
      signedIn: false as const,
      reason: `signing in again failed (${e instanceof Error ? e.message : String(e)}). ${SIGNED_OUT}`,
    }));
    if (!again.signedIn) {
      this.last = { failed: again.reason };
      return again.reason;
    }
    this.last = 'signed-in';
    return null;
  }
}
