/** An annotator's progress on one document. */
export const STATUSES = ['todo', 'in_progress', 'done'] as const;
export type DocStatus = (typeof STATUSES)[number];

export function isStatus(value: unknown): value is DocStatus {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

export const STATUS_TITLES: Readonly<Record<DocStatus, string>> = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
};

/**
 * The status a document takes when its annotator adds a span: a document still "to do" is now in
 * progress; any other status is the annotator's own choice and stays (null: no change).
 */
export function statusAfterLabel(status: DocStatus): DocStatus | null {
  return status === 'todo' ? 'in_progress' : null;
}
