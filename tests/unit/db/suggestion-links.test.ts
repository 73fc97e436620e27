import { describe, expect, it } from 'vitest';

import { checkSnapshot } from '../../../renderer/src/core/backup/backup-rules';
import { invertLinkCommand, type LinkCommand } from '../../../renderer/src/core/links/commands';
import type { Link } from '../../../renderer/src/core/links/link';
import type { MarginaliaDb } from '../../../renderer/src/db/database';
import { applyAnnotationCommand, listSpans } from '../../../renderer/src/db/repositories/annotations';
import { dismissedFor, dismissSuggestion } from '../../../renderer/src/db/repositories/dismissals';
import { addDocuments } from '../../../renderer/src/db/repositories/documents';
import { applyLinkCommand, LinkRefusedError } from '../../../renderer/src/db/repositories/links';
import { freshDb } from './fresh-db';

const KEEPS = 'OpenAI will keep working with Scale AI. A spokesperson said so.';
const ENDS = 'Background first. OpenAI is winding down its work with Scale AI.';

async function twoArticles(db: MarginaliaDb) {
  const { ids } = await addDocuments(db, [
    { text: KEEPS, source: 't', title: 'Keeps' },
    { text: ENDS, source: 't', title: 'Ends' },
  ]);
  const [a, b] = ids as [string, string];
  await applyAnnotationCommand(db, a, 'alice', {
    kind: 'create',
    span: { id: 'sa', start: 0, end: 38, label: 'claim', note: '' },
  });
  return { a, b };
}

/** Accepting a suggestion whose target is a sentence of another article (18-64 in ENDS). */
function accept(a: string, b: string): LinkCommand {
  const link: Link = {
    id: 'l1',
    annotator: 'alice',
    relation: 'contradicts',
    from: { docId: a, start: 0, end: 38 },
    to: { docId: b, start: 18, end: 64 },
    note: '',
  };
  return {
    kind: 'create_link',
    link,
    spans: [{ docId: b, span: { id: 'made', start: 18, end: 64, label: 'claim', note: '' } }],
  };
}

describe('accepting a suggestion on a sentence', () => {
  it('makes the claim span and the link in one write; undo deletes both, redo makes both again', async () => {
    const db = await freshDb();
    const { a, b } = await twoArticles(db);
    const cmd = accept(a, b);
    await applyLinkCommand(db, cmd);
    expect((await listSpans(db, b, 'alice')).map((s) => [s.id, s.start, s.end, s.label])).toEqual([
      ['made', 18, 64, 'claim'],
    ]);
    expect((await db.links.toArray()).map((l) => l.id)).toEqual(['l1']);
    await applyLinkCommand(db, invertLinkCommand(cmd));
    expect(await listSpans(db, b, 'alice')).toEqual([]);
    expect(await db.links.count()).toBe(0);
    await applyLinkCommand(db, invertLinkCommand(invertLinkCommand(cmd)));
    expect(await listSpans(db, b, 'alice')).toHaveLength(1);
    expect(await db.links.count()).toBe(1);
  });

  it('writes no span when the link is refused', async () => {
    const db = await freshDb();
    const { a, b } = await twoArticles(db);
    await applyLinkCommand(db, accept(a, b));
    await applyLinkCommand(db, invertLinkCommand(accept(a, b)));
    // A link from a span that is not there: refused, and the sentence's span is not left behind.
    const bad = accept(a, b);
    const refused: LinkCommand = {
      ...bad,
      link: { ...(bad as { link: Link }).link, from: { docId: a, start: 1, end: 38 } },
    } as LinkCommand;
    await expect(applyLinkCommand(db, refused)).rejects.toBeInstanceOf(LinkRefusedError);
    expect(await listSpans(db, b, 'alice')).toEqual([]);
  });
});

describe('dismissed suggestions', () => {
  it('are kept per annotator and span, added to (never overwritten), and pass the backup check', async () => {
    const db = await freshDb();
    const { a, b } = await twoArticles(db);
    const span = { docId: a, start: 0, end: 38 };
    const one = { docId: b, start: 18, end: 64 };
    const two = { docId: b, start: 0, end: 17 };
    await Promise.all([dismissSuggestion(db, 'alice', span, one), dismissSuggestion(db, 'alice', span, two)]);
    await dismissSuggestion(db, 'alice', span, one);
    expect(await dismissedFor(db, 'alice', span)).toEqual(new Set([`${b}@18-64`, `${b}@0-17`]));
    expect((await dismissedFor(db, 'bob', span)).size).toBe(0);
    expect((await dismissedFor(db, 'alice', { ...span, end: 37 })).size).toBe(0);
    const row = await db.settings.get(`dismissed:alice:${a}`);
    const snap = (settings: Record<string, unknown>) => ({
      schemaVersion: 6,
      documents: [],
      annotations: [],
      statuses: [],
      settings,
      spanExtras: {},
      extraTables: {},
    });
    expect(checkSnapshot(snap({ [`dismissed:alice:${a}`]: row?.value })).ok).toBe(true);
    const bad = checkSnapshot(snap({ [`dismissed:alice:${a}`]: { '0-38': [3] } }));
    expect(bad.ok ? '' : bad.error).toMatch(/"dismissed:alice:/);
  });
});
