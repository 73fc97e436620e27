import { describe, expect, it } from 'vitest';

import { clearStaleError, peekMessage, say } from '../../../renderer/src/app/messages';

describe('status line messages (issue 19 item 8)', () => {
  it('an edit clears a refused-duplicate error, never an information message', () => {
    say('This exact claim span already exists.', 'error');
    expect(peekMessage()).toEqual({ text: 'This exact claim span already exists.', tone: 'error' });
    clearStaleError();
    expect(peekMessage()).toEqual({ text: '', tone: 'info' });
    say('Tagged as claim.');
    clearStaleError();
    expect(peekMessage()).toEqual({ text: 'Tagged as claim.', tone: 'info' });
  });
});
