import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * `sha256:<hex>` of the text's UTF-8 bytes: the document id, equal on every machine for the same
 * text (and what `hashlib.sha256(text.encode()).hexdigest()` gives in Python). Synchronous, so it runs
 * the same in a worker, the CLI and tests.
 */
export function documentIdForText(text: string): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(text)))}`;
}
