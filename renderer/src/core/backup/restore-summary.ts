/** Documents and spans, as stored now or as held by a backup. */
export interface LibraryCounts {
  readonly documents: number;
  readonly spans: number;
}

/**
 * A backup to restore: a file's text, or the name of a snapshot the browser keeps in the database
 * `store`, which the restore's worker reads itself (its megabytes never cross the page's thread).
 */
export type BackupSource = { readonly content: string } | { readonly kept: string; readonly store: string };

/** What a restore would do, known before anything changes (the confirmation shows it). */
export interface RestorePlan {
  readonly name: string;
  readonly source: BackupSource;
  readonly current: LibraryCounts;
  readonly backup: LibraryCounts & { readonly createdAt: string };
  /**
   * Why the current data cannot be kept as a backup before it is replaced (it is damaged), or null.
   * The restore then goes ahead only when the user confirms it without that copy.
   */
  readonly copyProblem: string | null;
}

const plural = (n: number, one: string): string => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

export const describeCounts = (c: LibraryCounts): string =>
  `${plural(c.documents, 'document')} and ${plural(c.spans, 'span')}`;

/**
 * The confirmation's question: what is replaced by what, and that the current data is kept first.
 * `when` formats an ISO time for the reader (the UI passes the locale's format).
 */
export function confirmRestoreText(plan: RestorePlan, when: (iso: string) => string): string {
  const date = plan.backup.createdAt ? `of ${when(plan.backup.createdAt)}` : '(its date is not recorded)';
  const now =
    plan.current.documents === 0 && plan.current.spans === 0
      ? 'The library is empty now.'
      : `Your library now holds ${describeCounts(plan.current)}; all of it will be replaced. ${
          plan.copyProblem === null
            ? 'A copy of it is kept as a backup first, so this restore can be undone.'
            : `It cannot be kept as a backup first, because it is damaged (${plan.copyProblem}); save the raw data first if you may need it.`
        }`;
  return `Restore the backup ${date}, which holds ${describeCounts(plan.backup)}? ${now}`;
}

/** The message after a restore that succeeded: what is stored now and where the old data went. */
export function restoredText(
  restored: LibraryCounts & { readonly createdAt: string },
  savedAs: string | null,
  when: (iso: string) => string,
): string {
  const date = restored.createdAt ? ` of ${when(restored.createdAt)}` : '';
  const kept = savedAs ? ` Your previous data was kept as the backup "${savedAs}".` : '';
  return `Restored the backup${date}: ${describeCounts(restored)}, checked against the backup.${kept}`;
}
