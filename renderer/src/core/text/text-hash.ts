import { prefixedSha256Hex } from './sha256';

/**
 * `sha256:<hex>` of the text's UTF-8 bytes: the document id, equal on every machine for the same
 * text (and what `hashlib.sha256(text.encode()).hexdigest()` gives in Python). Synchronous, so it runs
 * the same in a worker, the CLI and tests.
 */
export function documentIdForText(text: string): string {
  return prefixedSha256Hex(text, 'sha256:');
}
